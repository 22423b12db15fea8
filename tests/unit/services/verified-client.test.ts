import { afterEach, beforeEach, describe, expect, it } from 'vitest'
import { createMemoryLogger } from '@main/logger'
import { MemorySecretStore } from '@main/credentials/memory-secret-store'
import { createMainServices, type MainServices } from '@main/services/create-main-services'
import { createMemoryDesktopBridge } from '@main/services/desktop-bridge'
import { startSimulator, type SimulatorHandle } from '@main/simulator/index'
import { mkdtemp, rm } from 'node:fs/promises'
import { tmpdir } from 'node:os'
import { join } from 'node:path'

let sim: SimulatorHandle
let services: MainServices
let dir: string

beforeEach(async () => {
  sim = await startSimulator({ port: 0 })
  dir = await mkdtemp(join(tmpdir(), 'tellus-verified-'))
  services = await createMainServices({
    userDataDir: dir,
    appInfo: () => ({ name: 't', version: '0', platform: 'linux', arch: 'x64', versions: { electron: null, chrome: null, node: '22' } }),
    secretStore: new MemorySecretStore(),
    chooseSavePath: async () => null,
    emit: () => undefined,
    logger: createMemoryLogger(),
    desktop: createMemoryDesktopBridge(join(dir, 'logs', 'main.log')),
  })
})
afterEach(async () => {
  await services.dispose()
  await sim.close()
  await rm(dir, { recursive: true, force: true })
})

describe('adding a profile, then looking up a device', () => {
  it('spends one token request in all: the verified token is reused', async () => {
    const added = await services.profiles.add({ name: 'North depot', baseUrl: sim.baseUrl, ...sim.credentials })
    expect(added.ok).toBe(true)
    const fetched = await services.devices.fetchDevice('dvc_2d7f0e9b4c61')
    expect(fetched).toMatchObject({ ok: true, value: { source: 'live' } })
    expect(sim.control.tokenRequestCount()).toBe(1)
  })

  it('does not reuse a client whose credentials failed', async () => {
    const failed = await services.profiles.add({ name: 'North depot', baseUrl: sim.baseUrl, clientId: sim.credentials.clientId, clientSecret: 'wrong' })
    expect(failed).toMatchObject({ ok: false, error: { code: 2001 } })
    await services.profiles.add({ name: 'North depot', baseUrl: sim.baseUrl, ...sim.credentials })
    await services.devices.fetchDevice('dvc_2d7f0e9b4c61')
    expect(sim.control.tokenRequestCount()).toBe(2)
  })
})
