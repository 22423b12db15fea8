import { afterEach, beforeEach, describe, expect, it, vi } from 'vitest'
import type { MainServices } from '@main/services/create-main-services'
import { startSimulator, type SimulatorHandle } from '@main/simulator/index'
import { readFile } from 'node:fs/promises'
import { join } from 'node:path'
import { createTestServices } from '../../support/main-services'
import { asDeviceId } from '../../support/device-ids'
import { tempRoot } from '../../support/common-fixtures'

let sim: SimulatorHandle
let services: MainServices
let dir: string
let cleanup: () => Promise<void>

beforeEach(async () => {
  sim = await startSimulator({ port: 0 })
  ;({ root: dir, cleanup } = await tempRoot('tellus-verified-'))
  services = await createTestServices(dir)
})
let disposed = false
afterEach(async () => {
  if (!disposed) await services.dispose()
  disposed = false
  await sim.close()
  await cleanup()
})

describe('adding a profile, then looking up a device', () => {
  it('spends one token request in all: the verified token is reused', async () => {
    const added = await services.profiles.add({ name: 'North depot', baseUrl: sim.baseUrl, ...sim.credentials })
    expect(added.ok).toBe(true)
    const fetched = await services.devices.fetchDevice(asDeviceId('dvc_2d7f0e9b4c61'))
    expect(fetched).toMatchObject({ ok: true, value: { source: 'live' } })
    expect(sim.control.tokenRequestCount()).toBe(1)
  })

  it('does not reuse a client whose credentials failed', async () => {
    const failed = await services.profiles.add({ name: 'North depot', baseUrl: sim.baseUrl, clientId: sim.credentials.clientId, clientSecret: 'wrong' })
    expect(failed).toMatchObject({ ok: false, error: { code: 2001 } })
    await services.profiles.add({ name: 'North depot', baseUrl: sim.baseUrl, ...sim.credentials })
    await services.devices.fetchDevice(asDeviceId('dvc_2d7f0e9b4c61'))
    expect(sim.control.tokenRequestCount()).toBe(2)
  })
})

describe('lookups and the profiles file', () => {
  const lastUsed = async () => JSON.parse(await readFile(join(dir, 'profiles.json'), 'utf8')).profiles[0].lastUsedAt as string | null

  it('does not rewrite profiles.json on every lookup, and writes the last use when the app quits', async () => {
    await services.profiles.add({ name: 'North depot', baseUrl: sim.baseUrl, ...sim.credentials })
    await services.devices.fetchDevice(asDeviceId('dvc_2d7f0e9b4c61'))
    // A lookup does not wait for the last use to be written: wait for the file, not for luck.
    await vi.waitFor(async () => expect(await lastUsed()).not.toBeNull())
    const first = await lastUsed()
    expect(first).not.toBeNull()
    for (let i = 0; i < 3; i++) {
      await new Promise((resolve) => setTimeout(resolve, 5))
      await services.devices.fetchDevice(asDeviceId('dvc_2d7f0e9b4c61'))
    }
    expect(await lastUsed()).toBe(first)
    const shown = (await services.profiles.state()).profiles.find((p) => !p.isDemo)?.lastUsedAt
    expect(Date.parse(shown ?? '')).toBeGreaterThan(Date.parse(first ?? ''))
    await services.dispose()
    disposed = true
    expect(await lastUsed()).toBe(shown)
  })
})
