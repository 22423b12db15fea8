/**
 * The demo fleet the app starts in-process must not carry the simulator's control endpoint: a web
 * page could otherwise POST (cross-origin, text/plain, no preflight) to `/__sim/*` on loopback and
 * steer the chargers a technician sees. Driven through the real Electron entry point (fake
 * `electron` module), exactly as the app starts the demo fleet.
 */
import { mkdtemp, rm } from 'node:fs/promises'
import { tmpdir } from 'node:os'
import { join } from 'node:path'
import { afterAll, beforeAll, describe, expect, it, vi } from 'vitest'
import type { DeviceFetch } from '@common/ipc/contract'
import type { Result } from '@common/errors'
import type { FakeElectronState } from '../main/support/fake-electron'

const h = vi.hoisted(() => ({ state: null as unknown as FakeElectronState }))

vi.mock('electron', async () => {
  const support = await import('../main/support/fake-electron')
  h.state = support.createFakeElectronState()
  h.state.userData = await mkdtemp(join(tmpdir(), 'tellus-demo-control-'))
  return support.fakeElectron(h.state, tmpdir())
})

const DEVICE = 'dvc_a1b2c3d4e5f6'
let state: FakeElectronState

beforeAll(async () => {
  await import('@main/index')
  state = h.state
  state.ready!()
  await vi.waitFor(() => expect(state.windows).toHaveLength(1), { timeout: 10_000 })
})

afterAll(async () => {
  await rm(state.userData, { recursive: true, force: true })
})

const fetchDevice = async (): Promise<Result<DeviceFetch>> =>
  (await state.handlers.get('devices:fetch')!({ senderFrame: { url: state.windows[0]!.loaded[0]!, parent: null } }, { deviceId: DEVICE })) as Result<DeviceFetch>

describe("the app's demo fleet simulator", () => {
  it('answers 404 to every /__sim path, and a cross-origin text/plain POST sets no fault', async () => {
    const first = await fetchDevice()
    expect(first).toMatchObject({ ok: true, value: { source: 'live' } })
    const origin = new URL(first.ok ? first.value.snapshot.baseUrl : '').origin
    expect(origin).toMatch(/^http:\/\/127\.0\.0\.1:\d+$/)

    for (const path of ['/__sim', '/__sim/', '/__sim/requests']) {
      expect((await fetch(`${origin}${path}`)).status).toBe(404)
    }
    const attack = await fetch(`${origin}/__sim/faults`, {
      method: 'POST',
      headers: { 'content-type': 'text/plain', origin: 'https://evil.example' },
      body: JSON.stringify({ target: '*', fault: { kind: 'server-error' } }),
    })
    expect(attack.status).toBe(404)
    expect(await attack.text()).not.toContain('server-error')
    for (const path of ['/__sim/clear', '/__sim/tokens/revoke', '/__sim/connectors']) {
      expect((await fetch(`${origin}${path}`, { method: 'POST', headers: { 'content-type': 'text/plain' }, body: '{}' })).status).toBe(404)
    }

    await expect(fetchDevice()).resolves.toMatchObject({ ok: true, value: { source: 'live' } })
  })
})
