import { describe, expect, it } from 'vitest'
import { MALFORMED_FRAME } from '@main/simulator/stream'
import { type FailedStream, type OpenStream, connectStream, streamUrl, waitForFrames } from './stream-client'
import { get, issueToken, pause, useSimulators } from './support'

const start = useSimulators()
const AC = 'dvc_a1b2c3d4e5f6'
const IDLE_DC = 'dvc_5e0b8a3d7c14'

function expectOpen(result: OpenStream | FailedStream): OpenStream {
  if (!result.ok) throw new Error(`stream refused: ${result.status} ${JSON.stringify(result.body)}`)
  return result
}

async function control(port: number, path: string, body: unknown): Promise<{ status: number; json: { code: number; data?: unknown } }> {
  const response = await fetch(`http://127.0.0.1:${port}/__sim${path}`, { method: 'POST', body: JSON.stringify(body) })
  return { status: response.status, json: (await response.json()) as { code: number; data?: unknown } }
}

type DeviceJson = { data: { connectors: Array<{ connector_id: number; status: string; power: number; soc?: number }> } }

describe('simulator connector control (a test charge)', () => {
  it('plays plug-in → start → stop on the device endpoint and the stream, power ramping from 0 kW', async () => {
    const { sim, clock } = await start({ streamIntervalMs: 20 })
    const token = await issueToken(sim)
    const connector = async () => ((await get(sim, `/operator/devices/${IDLE_DC}`, token)).json as DeviceJson).data.connectors[0]!
    expect((await connector()).status).toBe('idle')

    sim.control.setConnectorState(IDLE_DC, 1, 'plug-in')
    expect(await connector()).toMatchObject({ status: 'preparing', power: 0, soc: 35 })

    sim.control.setConnectorState(IDLE_DC, 1, 'start')
    clock.advance(30_000)
    const ramping = await connector()
    expect(ramping.status).toBe('charging')
    expect(ramping.power).toBeGreaterThan(15)
    expect(ramping.power).toBeLessThan(35) // half-way up the 60 s ramp to 50 kW
    clock.advance(60_000)
    expect((await connector()).power).toBeGreaterThan(45)

    const stream = expectOpen(await connectStream(streamUrl(sim.baseUrl, `devices=${IDLE_DC}&token=${token}`)))
    await waitForFrames(stream.frames, 1)
    expect(stream.frames[0]!.connectors[0]).toMatchObject({ state: 'charging' })
    sim.control.setConnectorState(IDLE_DC, 1, 'stop')
    const before = stream.frames.length
    await waitForFrames(stream.frames, before + 2)
    expect(stream.frames.at(-1)!.connectors[0]).toMatchObject({ state: 'idle', power: 0 })

    sim.control.setConnectorState(IDLE_DC, 1, 'fault')
    expect((await connector()).status).toBe('fault')
    sim.control.setConnectorState(IDLE_DC, 1, 'reset')
    expect((await connector()).status).toBe('idle')
  })

  it('a restarted stuck-in-Preparing connector charges (the stuck vehicle drew no power; a restart plays the test vehicle)', async () => {
    const { sim, clock } = await start()
    const token = await issueToken(sim)
    const STUCK = 'dvc_8b2e4d6f1a93'
    const connector = async () => ((await get(sim, `/operator/devices/${STUCK}`, token)).json as DeviceJson).data.connectors[0]!
    expect(await connector()).toMatchObject({ status: 'preparing', power: 0 })
    sim.control.setConnectorState(STUCK, 1, 'start')
    clock.advance(90_000)
    expect(await connector()).toMatchObject({ status: 'charging' })
    expect((await connector()).power).toBeGreaterThan(45)
  })

  it('refuses an unknown device or connector, also through /__sim/connectors', async () => {
    const { sim } = await start({ controlEndpoint: true })
    expect(() => sim.control.setConnectorState('dvc_000000000000', 1, 'start')).toThrow(/No simulated charger/)
    expect(() => sim.control.setConnectorState(AC, 9, 'start')).toThrow(/no connector 9/)
    const refused = await control(sim.port, '/connectors', { device_id: AC, connector_id: 9, action: 'start' })
    expect(refused.json.code).toBe(3001)
    expect((await control(sim.port, '/connectors', { device_id: AC, connector_id: 1, action: 'explode' })).json.code).toBe(1001)
    const done = await control(sim.port, '/connectors', { device_id: AC, connector_id: 1, action: 'fault' })
    expect(done).toMatchObject({ status: 200, json: { code: 0 } })
  })
})

describe('simulator stream faults', () => {
  it('drop ends the connection without a close frame (1006)', async () => {
    const { sim } = await start({ streamIntervalMs: 20 })
    const stream = expectOpen(await connectStream(streamUrl(sim.baseUrl, `devices=${AC}&token=${await issueToken(sim)}`)))
    await waitForFrames(stream.frames, 1)
    expect(sim.control.streamFault('drop')).toBe(1)
    expect((await stream.closed).code).toBe(1006)
  })

  it('expire closes with 1008 "token expired"', async () => {
    const { sim } = await start({ controlEndpoint: true })
    const stream = expectOpen(await connectStream(streamUrl(sim.baseUrl, `devices=${AC}&token=${await issueToken(sim)}`)))
    expect((await control(sim.port, '/stream-faults', { kind: 'expire' })).json).toMatchObject({ code: 0, data: { streams: 1 } })
    expect(await stream.closed).toEqual({ code: 1008, reason: 'token expired' })
  })

  it('malformed sends one frame that is not JSON, then frames go on', async () => {
    const { sim } = await start({ streamIntervalMs: 20 })
    const stream = expectOpen(await connectStream(streamUrl(sim.baseUrl, `devices=${AC}&token=${await issueToken(sim)}`)))
    const raw: string[] = []
    stream.ws.on('message', (data) => raw.push(String(data)))
    await waitForFrames(stream.frames, 1)
    stream.ws.removeAllListeners('message') // the helper's own listener would throw on the bad frame
    stream.ws.on('message', (data) => raw.push(String(data)))
    sim.control.streamFault('malformed')
    while (raw.length < 3) await pause(5)
    expect(raw).toContain(MALFORMED_FRAME)
    expect(() => JSON.parse(MALFORMED_FRAME)).toThrow()
  })

  it('stall keeps the socket open but sends no frames and answers no ping; only streams of the named device', async () => {
    const { sim } = await start({ streamIntervalMs: 20 })
    const token = await issueToken(sim)
    const stalled = expectOpen(await connectStream(streamUrl(sim.baseUrl, `devices=${AC}&token=${token}`)))
    const other = expectOpen(await connectStream(streamUrl(sim.baseUrl, `devices=${IDLE_DC}&token=${token}`)))
    await waitForFrames(stalled.frames, 1)
    expect(sim.control.streamFault('stall', AC)).toBe(1)
    await pause(30)
    const count = stalled.frames.length
    let pongs = 0
    stalled.ws.on('pong', () => (pongs += 1))
    other.ws.on('pong', () => (pongs += 100))
    stalled.ws.ping()
    other.ws.ping()
    const otherCount = other.frames.length
    await pause(150)
    expect(stalled.frames.length).toBe(count)
    expect(other.frames.length).toBeGreaterThan(otherCount)
    expect(pongs).toBe(100)
    expect(stalled.ws.readyState).toBe(stalled.ws.OPEN)
  })
})
