import { describe, expect, it } from 'vitest'
import { ErrorEnvelopeSchema, TelemetryFrameSchema } from './v13-schemas'
import { type FailedStream, type OpenStream, connectStream, streamUrl, waitForFrames } from './stream-client'
import { get, issueToken, pause, useSimulators } from './support'

const start = useSimulators()
const AC = 'dvc_a1b2c3d4e5f6'
const DC = 'dvc_c47d19e2a6f8'
const OFFLINE = 'dvc_4c6e8a0b2d19'

function expectOpen(result: OpenStream | FailedStream): OpenStream {
  if (!result.ok) throw new Error(`stream refused: ${result.status} ${JSON.stringify(result.body)} ${result.error?.message ?? ''}`)
  return result
}

function expectRefused(result: OpenStream | FailedStream, status: number, code: number): void {
  expect(result.ok).toBe(false)
  const failed = result as FailedStream
  expect(failed.status).toBe(status)
  expect(failed.contentType).toMatch(/^application\/json/)
  expect(ErrorEnvelopeSchema.parse(failed.body).code).toBe(code)
}

describe('GET /v1/operator/stream (WebSocket)', () => {
  it('sends a TelemetryFrame per device at once and then every interval (token in the Authorization header)', async () => {
    const { sim, clock } = await start({ streamIntervalMs: 30 })
    const token = await issueToken(sim)
    const stream = expectOpen(await connectStream(streamUrl(sim.baseUrl, `devices=${AC},${DC}`), { authorization: `Bearer ${token}` }))
    await waitForFrames(stream.frames, 2)
    expect(stream.frames.slice(0, 2).map((frame) => frame.device_id).sort()).toEqual([AC, DC].sort())
    clock.advance(5000)
    await waitForFrames(stream.frames, 6)
    for (const frame of stream.frames) TelemetryFrameSchema.parse(frame)
    const acFrames = stream.frames.filter((frame) => frame.device_id === AC)
    expect(acFrames.length).toBeGreaterThanOrEqual(3)
    expect(acFrames[0]!.connectors[0]).toMatchObject({ connector_id: 1, state: 'charging' })
    expect(acFrames.at(-1)!.timestamp).toBe(new Date(clock.now()).toISOString().replace('.000Z', 'Z'))
  })

  it('frames agree with the device endpoint at the same instant', async () => {
    const { sim } = await start({ streamIntervalMs: 10_000 })
    const token = await issueToken(sim)
    const stream = expectOpen(await connectStream(streamUrl(sim.baseUrl, `devices=${DC}&token=${token}`)))
    await waitForFrames(stream.frames, 1)
    const frame = stream.frames[0]!
    const device = (await get(sim, `/operator/devices/${DC}`, token)).json as { data: { connectors: Array<{ status: string; soc?: number }> } }
    expect(frame.connectors.map((connector) => connector.state)).toEqual(device.data.connectors.map((connector) => connector.status))
    expect(frame.connectors.map((connector) => connector.soc)).toEqual(device.data.connectors.map((connector) => connector.soc))
  })

  it('accepts the token as ?token= and keeps it out of the request log', async () => {
    const { sim } = await start()
    const token = await issueToken(sim)
    const stream = expectOpen(await connectStream(streamUrl(sim.baseUrl, `devices=${AC}&token=${token}`)))
    await waitForFrames(stream.frames, 1)
    const entry = sim.control.requests().at(-1)!
    expect(entry).toMatchObject({ method: 'GET', status: 101, clientId: 'demo_field_client' })
    expect(entry.path).toBe(`/v1/operator/stream?devices=${AC}&token=[redacted]`)
  })

  it('sends no frames for an offline device', async () => {
    const { sim } = await start({ streamIntervalMs: 20 })
    const stream = expectOpen(await connectStream(streamUrl(sim.baseUrl, `devices=${OFFLINE},${AC}&token=${await issueToken(sim)}`)))
    await waitForFrames(stream.frames, 3)
    expect(stream.frames.every((frame) => frame.device_id === AC)).toBe(true)
  })

  it('refuses the handshake with 400/1002 when devices is missing or empty', async () => {
    const { sim } = await start()
    const token = await issueToken(sim)
    expectRefused(await connectStream(streamUrl(sim.baseUrl, `token=${token}`)), 400, 1002)
    const empty = await connectStream(streamUrl(sim.baseUrl, `devices=,&token=${token}`))
    expectRefused(empty, 400, 1002)
    expect(ErrorEnvelopeSchema.parse((empty as FailedStream).body).details).toEqual({ field: 'devices' })
  })

  it('refuses the handshake with 401/2001 without a token or with a bad one', async () => {
    const { sim } = await start()
    expectRefused(await connectStream(streamUrl(sim.baseUrl, `devices=${AC}`)), 401, 2001)
    expectRefused(await connectStream(streamUrl(sim.baseUrl, `devices=${AC}`), { authorization: 'Bearer nope' }), 401, 2001)
  })

  it('refuses the handshake with 401/2002 for an expired token', async () => {
    const { sim, clock } = await start({ tokenTtlSeconds: 10 })
    const token = await issueToken(sim)
    clock.advance(10_000)
    expectRefused(await connectStream(streamUrl(sim.baseUrl, `devices=${AC}&token=${token}`)), 401, 2002)
  })

  it('refuses the handshake with 403/2003 without the read scope and 404/3001 for an unknown device', async () => {
    const { sim } = await start()
    sim.control.addClient('writer', 'w', ['write'])
    expectRefused(await connectStream(streamUrl(sim.baseUrl, `devices=${AC}&token=${await issueToken(sim, 'writer', 'w')}`)), 403, 2003)
    expectRefused(await connectStream(streamUrl(sim.baseUrl, `devices=${AC},dvc_000000000000&token=${await issueToken(sim)}`)), 404, 3001)
  })

  it('allows one connection per client and device set (429/5001 for a second), and again after it closes', async () => {
    const { sim } = await start()
    const token = await issueToken(sim)
    const first = expectOpen(await connectStream(streamUrl(sim.baseUrl, `devices=${AC},${DC}&token=${token}`)))
    expectRefused(await connectStream(streamUrl(sim.baseUrl, `devices=${DC},${AC}&token=${token}`)), 429, 5001)
    expectOpen(await connectStream(streamUrl(sim.baseUrl, `devices=${AC}&token=${token}`)))
    first.ws.close()
    await first.closed
    let again: OpenStream | FailedStream = { ok: false }
    for (let attempt = 0; attempt < 50 && !again.ok; attempt++) {
      again = await connectStream(streamUrl(sim.baseUrl, `devices=${AC},${DC}&token=${token}`))
      if (!again.ok) await pause(10)
    }
    expectOpen(again)
  })

  it('closes the socket with 1008 when the token expires or is revoked', async () => {
    const { sim, clock } = await start({ streamIntervalMs: 20, tokenTtlSeconds: 60 })
    const expiring = expectOpen(await connectStream(streamUrl(sim.baseUrl, `devices=${AC}&token=${await issueToken(sim)}`)))
    clock.advance(60_000)
    expect(await expiring.closed).toEqual({ code: 1008, reason: 'token expired' })
    const revoked = expectOpen(await connectStream(streamUrl(sim.baseUrl, `devices=${AC}&token=${await issueToken(sim)}`)))
    sim.control.revokeAllTokens()
    expect(await revoked.closed).toEqual({ code: 1008, reason: 'token invalid' })
  })

  it('answers a plain GET (no upgrade) with 400/1001', async () => {
    const { sim } = await start()
    const response = await get(sim, `/operator/stream?devices=${AC}`)
    expect(response.status).toBe(400)
    expect(ErrorEnvelopeSchema.parse(response.json).code).toBe(1001)
  })

  it('refuses upgrades on other paths with 404/3001', async () => {
    const { sim } = await start()
    expectRefused(await connectStream(`${sim.baseUrl.replace(/^http/, 'ws')}/operator/sites?token=x`), 404, 3001)
  })

  it("applies '*' faults to the handshake", async () => {
    const { sim } = await start()
    const token = await issueToken(sim)
    const url = streamUrl(sim.baseUrl, `devices=${AC}&token=${token}`)
    sim.control.setFault('*', { kind: 'server-error', count: 1 })
    expectRefused(await connectStream(url), 500, 9001)
    sim.control.setFault('*', { kind: 'connection-reset', count: 1 })
    const reset = await connectStream(url)
    expect(reset.ok).toBe(false)
    expect((reset as FailedStream).error).toBeDefined()
    sim.control.setFault('*', { kind: 'captive-portal', count: 1 })
    const portal = (await connectStream(url)) as FailedStream
    expect(portal.status).toBe(200)
    expect(portal.contentType).toMatch(/^text\/html/)
    expectOpen(await connectStream(url))
  })

  it('close() ends open streams', async () => {
    const { sim } = await start()
    const stream = expectOpen(await connectStream(streamUrl(sim.baseUrl, `devices=${AC}&token=${await issueToken(sim)}`)))
    await sim.close()
    const { code } = await stream.closed
    expect(code).toBe(1006)
  })
})
