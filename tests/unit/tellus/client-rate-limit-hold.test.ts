/**
 * `details.retry_after_seconds` is remembered per client (issue 11 #4): after a 5001 asking for a
 * wait longer than the client waits out, every request of that client_id is answered at once with
 * the remaining wait until it has elapsed; the simulator's request log shows nothing was sent.
 */
import { describe, expect, it } from 'vitest'
import { ok } from '@common/errors'
import { DeviceService } from '@main/devices/device-service'
import { SnapshotStore } from '@main/snapshots/snapshot-store'
import { PacerRegistry } from '@main/tellus/pacer'
import { TellusClient } from '@main/tellus/tellus-client'
import { useSimulators } from './support'
import { tempRoot } from '../../support/common-fixtures'

const startSimulator = useSimulators()
const HOUR_MS = 3_600_000

describe('a rate-limit wait the API asked for', () => {
  it('is remembered: until it has elapsed no request is sent, and each answer carries the wait left and its end', async () => {
    const { sim, time, clientOptions } = await startSimulator()
    const client = new TellusClient(clientOptions())
    const id = sim.deviceIds[0]!
    expect((await client.getDevice(id)).ok).toBe(true)
    sim.control.setFault(id, { kind: 'rate-limit', count: 1, retryAfterSeconds: 3600 })
    const retryAt = new Date(time.now() + HOUR_MS).toISOString()
    expect(await client.getDevice(id)).toMatchObject({ ok: false, error: { kind: 'rate-limited', code: 5001, status: 429, retryAfterMs: HOUR_MS, retryAt } })
    const sent = sim.control.requests().length

    time.advance(10 * 60_000)
    const held = await client.getDevice(id)
    expect(held).toMatchObject({ ok: false, error: { kind: 'rate-limited', code: 5001, retryAfterMs: 50 * 60_000, retryAt } })
    expect(!held.ok && held.error.message).toContain('no request was sent')
    expect(!held.ok && held.error.action).toBe('Try again once the wait has run out; chargers kept on this computer still open meanwhile.')
    expect(await client.listSites()).toMatchObject({ ok: false, error: { kind: 'rate-limited', retryAt } })
    expect(sim.control.requests()).toHaveLength(sent)
    expect(time.sleeps).toEqual([])
    // Estimates (a visit's preparation) know no read can go before the wait ends.
    expect(Math.min(...client.readSlots(3))).toBe(50 * 60_000)

    time.advance(50 * 60_000)
    expect((await client.getDevice(id)).ok).toBe(true)
    expect(sim.control.requests()).toHaveLength(sent + 1)
  })

  it('holds every client of the same client_id and base URL, not another client_id', async () => {
    const { sim, clientOptions } = await startSimulator()
    sim.control.addClient('other_client', 'other-secret')
    const registry = new PacerRegistry()
    const first = new TellusClient(clientOptions({ pacer: { registry } }))
    const again = new TellusClient(clientOptions({ pacer: { registry } }))
    const other = new TellusClient(clientOptions({ pacer: { registry }, clientId: 'other_client', clientSecret: 'other-secret' }))
    const id = sim.deviceIds[0]!
    sim.control.setFault(id, { kind: 'rate-limit', count: 1, retryAfterSeconds: 600 })
    expect(await first.getDevice(id)).toMatchObject({ ok: false, error: { kind: 'rate-limited' } })
    const sent = sim.control.requests().length
    expect(await again.getDevice(id)).toMatchObject({ ok: false, error: { kind: 'rate-limited', retryAfterMs: 600_000 } })
    expect(sim.control.requests()).toHaveLength(sent)
    expect((await other.getDevice(id)).ok).toBe(true)
  })

  it('a wait short enough is still waited out and retried, and leaves no hold behind', async () => {
    const { sim, time, clientOptions } = await startSimulator()
    const client = new TellusClient(clientOptions())
    const id = sim.deviceIds[0]!
    sim.control.setFault(id, { kind: 'rate-limit', count: 1, retryAfterSeconds: 5 })
    expect((await client.getDevice(id)).ok).toBe(true)
    expect(time.sleeps).toHaveLength(1)
    expect((await client.getDevice(id)).ok).toBe(true)
  })

  it('the device service opens the offline copy with the wait, without asking the API', async () => {
    const { sim, clientOptions } = await startSimulator()
    const { root, cleanup } = await tempRoot('tellus-hold-')
    try {
      const client = new TellusClient(clientOptions())
      const service = new DeviceService({
        clients: { active: async () => ok({ profile: { id: 'prf_1', name: 'North depot', baseUrl: sim.baseUrl }, client: client }) },
        snapshots: new SnapshotStore({ root }),
      })
      const id = sim.deviceIds[0]!
      expect(await service.fetchDevice(id)).toMatchObject({ ok: true, value: { source: 'live' } })
      sim.control.setFault(id, { kind: 'rate-limit', count: 1, retryAfterSeconds: 3600 })
      expect(await service.fetchDevice(id)).toMatchObject({ ok: true, value: { source: 'offline', error: { kind: 'rate-limited' } } })
      const sent = sim.control.requests().length
      const again = await service.fetchDevice(id)
      expect(again).toMatchObject({ ok: true, value: { source: 'offline', error: { kind: 'rate-limited', retryAt: expect.any(String) } } })
      expect(sim.control.requests()).toHaveLength(sent)
    } finally {
      await cleanup()
    }
  })
})
