/** The renderer tests' fake API follows the IPC contract by construction, so it cannot drift from it. */
import { describe, expect, it } from 'vitest'
import { CHANNELS, type ApiMethod } from '@common/ipc/contract'
import { createFakeApi } from './fake-api'

const METHODS = Object.keys(CHANNELS) as ApiMethod[]

describe('fake API', () => {
  it('has a function for every channel of the contract, and each call resolves to a Result and is recorded', async () => {
    const fake = createFakeApi()
    for (const method of METHODS) {
      const result = await (fake.api[method] as (args?: unknown) => Promise<unknown>)({ probe: method })
      expect(result, method).toHaveProperty('ok')
    }
    expect(fake.calls.map((call) => call.method)).toEqual(METHODS)
    expect(fake.callsOf('fetchDevice')).toEqual([{ probe: 'fetchDevice' }])
  })

  it('answers a method no test or default sets up with an error naming its method and channel', async () => {
    const fake = createFakeApi()
    await expect(fake.api.fetchDevice({ deviceId: 'dvc_a1b2c3d4e5f6' })).resolves.toEqual({
      ok: false,
      error: { kind: 'internal', message: 'The fake API has no answer for fetchDevice (devices:fetch).' },
    })
  })

  it('uses the handler the test set, also when replaced after creation', async () => {
    const fake = createFakeApi({ getSettings: () => ({ ok: true, value: { snapshotRetention: 7 } }) })
    await expect(fake.api.getSettings()).resolves.toEqual({ ok: true, value: { snapshotRetention: 7 } })
    fake.handlers.getSettings = () => ({ ok: true, value: { snapshotRetention: 9 } })
    await expect(fake.api.getSettings()).resolves.toEqual({ ok: true, value: { snapshotRetention: 9 } })
  })

  it('delivers emitted events to subscribers until they unsubscribe', () => {
    const fake = createFakeApi()
    const seen: unknown[] = []
    const off = fake.api.on('client:pacing', (payload) => seen.push(payload))
    fake.emit('client:pacing', { waitMs: 200, reason: 'reads' })
    off()
    fake.emit('client:pacing', { waitMs: 300, reason: 'reads' })
    expect(seen).toEqual([{ waitMs: 200, reason: 'reads' }])
  })
})
