/**
 * Pacing against the simulator over real HTTP, with low limits on both sides and one virtual clock
 * shared by the simulator and the client: the client waits for its slot and never gets a 429.
 */
import { describe, expect, it } from 'vitest'
import { PacerRegistry } from '@main/tellus/pacer'
import { TellusClient } from '@main/tellus/tellus-client'
import { useSimulators } from './support'

const startSimulator = useSimulators()

describe('TellusClient pacing', () => {
  it('stays under a low read limit: waits, reports the waits, never trips a 429', async () => {
    const { sim, clientOptions } = await startSimulator({ readsPerMinute: 3 })
    const options = clientOptions({ pacer: { readsPerMinute: 3, registry: new PacerRegistry() } })
    const client = new TellusClient(options)
    for (let i = 0; i < 8; i++) expect((await client.getDevice(sim.deviceIds[i % sim.deviceIds.length]!)).ok).toBe(true)
    const statuses = sim.control.requests().filter((r) => r.method === 'GET').map((r) => r.status)
    expect(statuses).toEqual(Array(8).fill(200))
    const readWaits = options.waits.filter((w) => w.reason === 'reads')
    expect(readWaits.length).toBeGreaterThanOrEqual(2)
    expect(readWaits.every((w) => w.waitMs > 0 && w.waitMs <= 61_000)).toBe(true)
  })

  it('readSlots() tells how long the next read would wait, and that is the wait it then gets', async () => {
    const { sim, clientOptions } = await startSimulator({ readsPerMinute: 3 })
    const options = clientOptions({ pacer: { readsPerMinute: 3, registry: new PacerRegistry() } })
    const client = new TellusClient(options)
    expect(client.readSlots(1)).toEqual([0])
    for (let i = 0; i < 3; i++) expect((await client.getDevice(sim.deviceIds[i]!)).ok).toBe(true)
    const [predicted] = client.readSlots(1)
    expect(predicted).toBeGreaterThan(0)
    expect(predicted).toBeLessThanOrEqual(61_000)
    expect(options.waits).toEqual([])
    expect((await client.getDevice(sim.deviceIds[3]!)).ok).toBe(true)
    expect(options.waits).toEqual([{ waitMs: predicted, reason: 'reads' }])
  })

  it('paces parallel callers too', async () => {
    const { sim, clientOptions } = await startSimulator({ readsPerMinute: 4 }, { timeline: true })
    const options = clientOptions({ pacer: { readsPerMinute: 4, registry: new PacerRegistry() } })
    const client = new TellusClient(options)
    const results = await Promise.all(Array.from({ length: 10 }, (_, i) => client.getDevice(sim.deviceIds[i]!)))
    expect(results.every((r) => r.ok)).toBe(true)
    expect(sim.control.requests().filter((r) => r.status === 429)).toEqual([])
    expect(options.waits.filter((w) => w.reason === 'reads')).toHaveLength(6)
  })

  it('stays under the token limit when credentials are verified again and again', async () => {
    const { sim, clientOptions } = await startSimulator({ tokenRequestsPerMinute: 2 })
    const registry = new PacerRegistry()
    const options = clientOptions({ pacer: { tokenRequestsPerMinute: 2, registry } })
    // A fresh client each time (as "add profile" does): the shared registry still paces them together.
    for (let i = 0; i < 5; i++) expect((await new TellusClient(options).verifyCredentials()).ok).toBe(true)
    expect(sim.control.requests().map((r) => r.status)).toEqual([200, 200, 200, 200, 200])
    expect(options.waits.filter((w) => w.reason === 'token').length).toBeGreaterThanOrEqual(2)
  })

  it('without pacing on our side, the same load does trip the limit (the test can fail)', async () => {
    const { sim, clientOptions } = await startSimulator({ readsPerMinute: 3 })
    const client = new TellusClient(clientOptions({ pacer: { readsPerMinute: 1000, registry: new PacerRegistry() }, retry: { maxAttempts: 1 } }))
    const results = await Promise.all(sim.deviceIds.slice(0, 5).map((id) => client.getDevice(id)))
    expect(results.some((r) => !r.ok && r.error.kind === 'rate-limited')).toBe(true)
  })
})
