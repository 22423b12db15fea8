import { describe, expect, it } from 'vitest'
import { ok } from '@common/errors'
import { MALFORMED_FRAME } from '@main/simulator/stream'
import { streamUrl } from '@main/tellus/stream/stream-access'
import { streamHarness, streamRequests } from './stream-support'

const AC = 'dvc_a1b2c3d4e5f6'
const DC = 'dvc_c47d19e2a6f8'

describe('TelemetryStreamClient against the simulator', () => {
  it('connects with the token in the Authorization header and passes validated frames on', async () => {
    const h = await streamHarness()
    h.client.setDevices([AC])
    await h.waitForFrames(3)
    expect(h.statuses.map((s) => s.connection.state).slice(0, 2)).toEqual(['connecting', 'live'])
    expect(streamRequests(h.sim)).toEqual([{ path: `/v1/operator/stream?devices=${AC}`, status: 101 }])
    expect(h.frames[0]!.frame).toMatchObject({ device_id: AC, connectors: [{ connector_id: 1, state: 'charging' }] })
    expect(h.frames[0]!.receivedAt).toBeGreaterThan(Date.now() - 5000)
    expect(h.client.status).toMatchObject({ deviceIds: [AC], malformedFrames: 0 })
  })

  it('puts the token in the query only when asked (the documented fallback)', async () => {
    const h = await streamHarness({ tokenIn: 'query' })
    h.client.setDevices([AC])
    await h.waitForFrames(1)
    expect(streamRequests(h.sim)).toEqual([{ path: `/v1/operator/stream?devices=${AC}&token=[redacted]`, status: 101 }])
    expect(streamUrl('https://api.example.com/v1', [AC, DC])).toBe(`wss://api.example.com/v1/operator/stream?devices=${AC},${DC}`)
  })

  it('holds one connection for the whole set and re-subscribes only when the set changes', async () => {
    const h = await streamHarness()
    h.client.setDevices([AC])
    await h.waitForFrames(1)
    h.client.setDevices([AC])
    h.client.setDevices([DC, AC, DC])
    await h.waitForFrames(h.frames.length + 4)
    const start = h.frames.length
    await h.waitForFrames(start + 4)
    expect(new Set(h.frames.slice(start).map((f) => f.frame.device_id))).toEqual(new Set([AC, DC]))
    expect(streamRequests(h.sim).map((r) => r.path)).toEqual([`/v1/operator/stream?devices=${AC}`, `/v1/operator/stream?devices=${AC},${DC}`])
    h.client.setDevices([])
    expect(h.client.status.connection).toEqual({ state: 'stopped', reason: 'not-watching' })
  })

  it('a dropped connection shows reconnecting with the next try time, then live again', async () => {
    const h = await streamHarness()
    h.client.setDevices([AC])
    await h.waitFor('live')
    await h.waitForFrames(1)
    const mark = h.statuses.length
    h.sim.control.streamFault('drop')
    const reconnecting = await h.waitFor('reconnecting', mark)
    expect(reconnecting.connection).toMatchObject({ attempt: 1, reason: 'the connection dropped (1006)' })
    const { nextAttemptAt } = reconnecting.connection as { nextAttemptAt: number }
    expect(nextAttemptAt).toBeGreaterThan(Date.now() - 100)
    await h.waitFor('live', mark)
    const frames = h.frames.length
    await h.waitForFrames(frames + 2)
  })

  it('a stalled connection (no frames, no pongs) is replaced after the liveness time', async () => {
    const h = await streamHarness({ livenessMs: 200 })
    h.client.setDevices([AC])
    await h.waitForFrames(1)
    const mark = h.statuses.length
    h.sim.control.streamFault('stall')
    const reconnecting = await h.waitFor('reconnecting', mark, 3000)
    expect(reconnecting.connection).toMatchObject({ reason: 'no frames or answers for 0 s' })
    await h.waitFor('live', mark)
    await h.waitForFrames(h.frames.length + 2)
  })

  it('keeps a quiet but healthy connection: pongs count as signs of life', async () => {
    const h = await streamHarness({ livenessMs: 150 }, { streamIntervalMs: 5000 })
    h.client.setDevices([AC])
    await h.waitForFrames(1)
    await new Promise((resolve) => setTimeout(resolve, 600))
    expect(h.statuses.map((s) => s.connection.state)).toEqual(['connecting', 'live'])
  })

  it('drops and counts a malformed frame, and goes on', async () => {
    const h = await streamHarness()
    h.client.setDevices([AC])
    await h.waitForFrames(1)
    h.sim.control.streamFault('malformed')
    await h.waitForFrames(h.frames.length + 3)
    expect(h.client.status.malformedFrames).toBe(1)
    expect(h.client.status.connection.state).toBe('live')
    expect(h.frames.every((f) => f.frame.device_id === AC)).toBe(true)
    expect(MALFORMED_FRAME.length).toBeGreaterThan(0)
  })

  it('renews the token when the server closes with 1008 and reconnects at once', async () => {
    const h = await streamHarness()
    h.client.setDevices([AC])
    await h.waitForFrames(1)
    const tokens = h.sim.control.tokenRequestCount()
    const mark = h.statuses.length
    h.sim.control.expireAllTokens()
    await h.waitFor('live', mark)
    expect(h.sim.control.tokenRequestCount()).toBe(tokens + 1)
    expect(h.statuses.slice(mark).map((s) => s.connection.state)).not.toContain('reconnecting')
    await h.waitForFrames(h.frames.length + 2)
  })

  it('renews once per frame: a token refused again before any frame backs off instead of looping', async () => {
    let renewals = 0
    const h = await streamHarness({}, {}, (access) => ({
      ...access,
      renewToken: async () => {
        renewals += 1
        return ok('not-a-token') // the server refuses it with 401/2001
      },
    }))
    h.client.setDevices([AC])
    await h.waitForFrames(1)
    const mark = h.statuses.length
    h.sim.control.streamFault('expire')
    const reconnecting = await h.waitFor('reconnecting', mark)
    expect(reconnecting.connection).toMatchObject({ attempt: 1, reason: 'the server refused the token' })
    expect(renewals).toBe(1) // at once after the 1008; refused (401) → no second immediate attempt
    expect(streamRequests(h.sim).map((r) => r.status)).toEqual([101, 401])
    await h.waitFor('reconnecting', h.statuses.indexOf(reconnecting) + 1)
    expect(renewals).toBe(2) // the backed-off attempt renews again
    expect(streamRequests(h.sim).map((r) => r.status)).toEqual([101, 401, 401])
  })

  it('says "not available" when the client lacks the read scope (403), without retrying', async () => {
    const h = await streamHarness()
    h.sim.control.addClient('writer', 'w', ['write'])
    const { TellusClient } = await import('@main/tellus/tellus-client')
    const { TelemetryStreamClient } = await import('@main/tellus/stream/telemetry-stream-client')
    const access = new TellusClient({ baseUrl: h.sim.baseUrl, clientId: 'writer', clientSecret: 'w' }).streamAccess()
    if (!access.ok) throw new Error('no access')
    const statuses: string[] = []
    const writer = new TelemetryStreamClient({ access: access.value, onFrame: () => undefined, onStatus: (s) => statuses.push(s.connection.state) })
    writer.setDevices([AC])
    const deadline = Date.now() + 3000
    while (writer.status.connection.state !== 'unavailable' && Date.now() < deadline) await new Promise((r) => setTimeout(r, 5))
    expect(writer.status.connection).toMatchObject({ state: 'unavailable', message: expect.stringContaining('403/2003') })
    await new Promise((r) => setTimeout(r, 100))
    expect(statuses).toEqual(['connecting', 'unavailable'])
  })

  it('says "not available" for a device the API does not know (404/3001)', async () => {
    const h = await streamHarness()
    h.client.setDevices(['dvc_000000000000'])
    const status = await h.waitFor('unavailable')
    expect(status.connection).toMatchObject({ message: expect.stringContaining('404/3001') })
  })

  it('backs off exponentially with jitter, capped, while the server keeps failing; recovers when it stops', async () => {
    const h = await streamHarness({ now: () => 0, random: () => 0.5, backoff: { baseDelayMs: 10, maxDelayMs: 40, jitterRatio: 0.2 } })
    h.client.setDevices([AC])
    await h.waitForFrames(1)
    h.sim.control.setFault('*', { kind: 'server-error' })
    h.sim.control.streamFault('drop')
    const deadline = Date.now() + 5000
    const retries = () => h.statuses.filter((s) => s.connection.state === 'reconnecting')
    while (retries().length < 5 && Date.now() < deadline) await new Promise((r) => setTimeout(r, 5))
    const delays = retries()
      .slice(0, 5)
      .map((s) => (s.connection as { nextAttemptAt: number }).nextAttemptAt)
    expect(delays).toEqual([11, 22, 44, 44, 44]) // 10 · 2^n capped at 40, plus 0.5 × 20 % jitter
    expect(retries()[1]!.connection).toMatchObject({ reason: 'the server answered 500 instead of opening the stream' })
    h.sim.control.clearFaults()
    const frames = h.frames.length
    await h.waitForFrames(frames + 1)
    expect(h.client.status.connection.state).toBe('live')
  })

  it('stop closes the socket: no more frames, and the same set may connect again', async () => {
    const h = await streamHarness()
    h.client.setDevices([AC])
    await h.waitForFrames(1)
    h.client.stop('window-hidden')
    expect(h.client.status.connection).toEqual({ state: 'stopped', reason: 'window-hidden' })
    await new Promise((r) => setTimeout(r, 60))
    const count = h.frames.length
    await new Promise((r) => setTimeout(r, 100))
    expect(h.frames.length).toBe(count)
    h.client.resume()
    await h.waitForFrames(count + 1)
    expect(streamRequests(h.sim).map((r) => r.status)).toEqual([101, 101])
  })
})
