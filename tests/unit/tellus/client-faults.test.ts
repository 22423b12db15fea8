/** Faults injected into the simulator, over real HTTP: retries, no-retries, timeouts, cancellation, malformed answers. */
import { describe, expect, it } from 'vitest'
import { TellusClient } from '@main/tellus/tellus-client'
import { useSimulators } from './support'
import { asDeviceId } from '../../support/device-ids'

const startSimulator = useSimulators()
const deviceGets = (requests: { method: string; path: string; status: number }[], id: string) =>
  requests.filter((r) => r.method === 'GET' && r.path === `/v1/operator/devices/${id}`)

describe('TellusClient retries', () => {
  it('waits out a 429 for details.retry_after_seconds (plus jitter), then succeeds', async () => {
    const { sim, time, clientOptions } = await startSimulator()
    const options = clientOptions()
    const client = new TellusClient(options)
    const id = sim.deviceIds[0]!
    sim.control.setFault(id, { kind: 'rate-limit', count: 2, retryAfterSeconds: 7 })
    const result = await client.getDevice(id)
    expect(result.ok).toBe(true)
    expect(deviceGets(sim.control.requests(), id).map((r) => r.status)).toEqual([429, 429, 200])
    // random() = 0.5 → 15 % jitter on top of 7 s.
    expect(time.sleeps).toEqual([8050, 8050])
    expect(options.waits).toEqual([
      { waitMs: 8050, reason: 'retry' },
      { waitMs: 8050, reason: 'retry' },
    ])
  })

  it('reports a 429 that lasts beyond the attempts, with the wait the API asked for', async () => {
    const { sim, clientOptions } = await startSimulator()
    const client = new TellusClient(clientOptions({ retry: { maxAttempts: 3 } }))
    const id = sim.deviceIds[0]!
    sim.control.setFault(id, { kind: 'rate-limit', count: 10, retryAfterSeconds: 4 })
    expect(await client.getDevice(id)).toMatchObject({
      ok: false,
      error: { kind: 'rate-limited', code: 5001, status: 429, retryAfterMs: 4000, action: 'Wait 4 s, then try again.' },
    })
    expect(deviceGets(sim.control.requests(), id)).toHaveLength(3)
  })

  it.each(['html', 'plain'] as const)('retries a bare HTTP 500 (%s body) like a failing gateway, and succeeds when the API recovers', async (body) => {
    const { sim, time, clientOptions } = await startSimulator()
    const client = new TellusClient(clientOptions())
    const id = sim.deviceIds[0]!
    sim.control.setFault(id, { kind: 'server-error', count: 2, body })
    expect((await client.getDevice(id)).ok).toBe(true)
    expect(deviceGets(sim.control.requests(), id).map((r) => r.status)).toEqual([500, 500, 200])
    expect(time.sleeps).toHaveLength(2)
  })

  it('reports a bare HTTP 500 that lasts as the API failing, after the retries', async () => {
    const { sim, clientOptions } = await startSimulator()
    const client = new TellusClient(clientOptions({ retry: { maxAttempts: 3 } }))
    const id = sim.deviceIds[0]!
    sim.control.setFault(id, { kind: 'server-error', body: 'html' })
    const result = await client.getDevice(id)
    expect(result).toMatchObject({ ok: false, error: { kind: 'api', status: 500 } })
    expect(!result.ok && result.error.message).toContain('is failing')
    expect(deviceGets(sim.control.requests(), id)).toHaveLength(3)
  })

  it('backs off exponentially on 9001 and succeeds when the server recovers', async () => {
    const { sim, time, clientOptions } = await startSimulator()
    const client = new TellusClient(clientOptions({ random: () => 0 }))
    const id = sim.deviceIds[0]!
    sim.control.setFault(id, { kind: 'server-error', count: 3 })
    expect((await client.getDevice(id)).ok).toBe(true)
    expect(deviceGets(sim.control.requests(), id).map((r) => r.status)).toEqual([500, 500, 500, 200])
    expect(time.sleeps).toEqual([1000, 2000, 4000])
  })

  it('gives up on a persistent 9001 after 5 attempts and says what to do', async () => {
    const { sim, time, clientOptions } = await startSimulator()
    const client = new TellusClient(clientOptions({ random: () => 0 }))
    const id = sim.deviceIds[0]!
    sim.control.setFault(id, { kind: 'server-error' })
    const result = await client.getDevice(id)
    expect(result).toMatchObject({ ok: false, error: { kind: 'api', code: 9001, status: 500 } })
    expect(!result.ok && result.error.action).toContain('Try again in a minute')
    expect(deviceGets(sim.control.requests(), id)).toHaveLength(5)
    expect(time.sleeps).toEqual([1000, 2000, 4000, 8000])
  })

  it('retries a reset connection', async () => {
    const { sim, clientOptions } = await startSimulator()
    const client = new TellusClient(clientOptions())
    const id = sim.deviceIds[0]!
    sim.control.setFault(id, { kind: 'connection-reset', count: 2 })
    expect((await client.getDevice(id)).ok).toBe(true)
    expect(deviceGets(sim.control.requests(), id).map((r) => r.status)).toEqual([0, 0, 200])
  })

  it('reports a persistent reset as a network error naming the host', async () => {
    const { sim, clientOptions } = await startSimulator()
    const client = new TellusClient(clientOptions({ retry: { maxAttempts: 2 } }))
    const id = sim.deviceIds[0]!
    sim.control.setFault(id, { kind: 'connection-reset' })
    const result = await client.getDevice(id)
    expect(result).toMatchObject({ ok: false, error: { kind: 'network', message: `Cannot reach 127.0.0.1:${sim.port}: the connection was reset.` } })
    expect(!result.ok && result.error.action).toMatch(/^Check the network connection/)
  })

  it('retries a failing token request inside the shared token request', async () => {
    const { sim, clientOptions } = await startSimulator()
    const client = new TellusClient(clientOptions())
    sim.control.setFault('*', { kind: 'server-error', count: 1 })
    const results = await Promise.all([client.getDevice(sim.deviceIds[0]!), client.getDevice(sim.deviceIds[1]!)])
    expect(results.every((r) => r.ok)).toBe(true)
    expect(sim.control.requests().filter((r) => r.method === 'POST').map((r) => r.status)).toEqual([500, 200])
  })

  it('never retries 3001 (unknown device)', async () => {
    const id = asDeviceId('dvc_000000000000')
    const { sim, time, clientOptions } = await startSimulator()
    const client = new TellusClient(clientOptions())
    const result = await client.getDevice(id)
    expect(result).toMatchObject({
      ok: false,
      error: { kind: 'api', code: 3001, message: `Device ${id} was not found (3001).`, action: 'Check the id on the work order; it may belong to another operator.' },
    })
    expect(deviceGets(sim.control.requests(), id).map((r) => r.status)).toEqual([404])
    expect(time.sleeps).toEqual([])
  })

  it('never retries 1001 (bad parameter)', async () => {
    const { sim, time, clientOptions } = await startSimulator()
    const client = new TellusClient(clientOptions())
    // Valid on our side (an ISO date-time far in the future is fine), rejected by the server's range check.
    const result = await client.listChargingRecords({ deviceId: sim.deviceIds[0]!, page: 1_000_000_000_000 })
    expect(result).toMatchObject({ ok: false, error: { kind: 'api', code: 1001, status: 400 } })
    expect(!result.ok && result.error.message).toContain('field page')
    expect(sim.control.requests().filter((r) => r.method === 'GET')).toHaveLength(1)
    expect(time.sleeps).toEqual([])
  })
})

describe('TellusClient timeouts', () => {
  const timeouts = { headersMs: 300, totalMs: 600 }

  it('times out when no headers arrive (hang-before-headers)', async () => {
    const { sim, clientOptions } = await startSimulator()
    const client = new TellusClient(clientOptions({ timeouts }))
    const id = sim.deviceIds[0]!
    sim.control.setFault(id, { kind: 'hang-before-headers' })
    const result = await client.getDevice(id)
    expect(result).toMatchObject({ ok: false, error: { kind: 'timeout', message: `127.0.0.1:${sim.port} did not answer within 1 s.` } })
    expect(deviceGets(sim.control.requests(), id)).toHaveLength(1)
  })

  it('times out when the body stops arriving (hang)', async () => {
    const { sim, clientOptions } = await startSimulator()
    const client = new TellusClient(clientOptions({ timeouts }))
    const id = sim.deviceIds[0]!
    sim.control.setFault(id, { kind: 'hang' })
    const result = await client.getDevice(id)
    expect(result).toMatchObject({ ok: false, error: { kind: 'timeout' } })
    expect(!result.ok && result.error.message).toContain('did not finish arriving')
  })

  it('times out on latency beyond the headers timeout, and not on latency within it', async () => {
    const { sim, clientOptions } = await startSimulator()
    const client = new TellusClient(clientOptions({ timeouts: { headersMs: 300, totalMs: 5000 } }))
    const id = sim.deviceIds[0]!
    await client.verifyCredentials()
    sim.control.setFault(id, { kind: 'latency', ms: 2000 })
    expect(await client.getDevice(id)).toMatchObject({ ok: false, error: { kind: 'timeout' } })
    sim.control.setFault(id, { kind: 'latency', ms: 20 })
    expect((await client.getDevice(id)).ok).toBe(true)
  })
})

describe('TellusClient cancellation', () => {
  it('aborts the request in flight', async () => {
    const { sim, clientOptions } = await startSimulator()
    const client = new TellusClient(clientOptions())
    const id = sim.deviceIds[0]!
    await client.verifyCredentials()
    sim.control.setFault(id, { kind: 'hang-before-headers' })
    const controller = new AbortController()
    const pending = client.getDevice(id, { signal: controller.signal })
    await expect.poll(() => deviceGets(sim.control.requests(), id).length).toBe(1)
    controller.abort()
    expect(await pending).toEqual({ ok: false, error: { kind: 'cancelled', message: 'The request was cancelled.' } })
  })

  it('aborts a backoff wait (real timers: a 60 s backoff that must not be waited out)', async () => {
    const { sim, clientOptions } = await startSimulator()
    const controller = new AbortController()
    const { sleep: _virtual, ...options } = clientOptions({
      retry: { baseDelayMs: 60_000 },
      onWait: (info) => {
        if (info.reason === 'retry') controller.abort()
      },
    })
    const client = new TellusClient(options)
    const id = sim.deviceIds[0]!
    sim.control.setFault(id, { kind: 'server-error' })
    expect(await client.getDevice(id, { signal: controller.signal })).toMatchObject({ ok: false, error: { kind: 'cancelled' } })
    expect(deviceGets(sim.control.requests(), id)).toHaveLength(1)
  })

  it('aborts a token request in flight, and the next call starts afresh', async () => {
    const { sim, clientOptions } = await startSimulator()
    const client = new TellusClient(clientOptions())
    sim.control.setFault('*', { kind: 'hang-before-headers', count: 1 })
    const controller = new AbortController()
    const pending = client.getDevice(sim.deviceIds[0]!, { signal: controller.signal })
    await expect.poll(() => sim.control.tokenRequestCount()).toBe(1)
    controller.abort()
    expect(await pending).toMatchObject({ ok: false, error: { kind: 'cancelled' } })
    expect((await client.getDevice(sim.deviceIds[0]!)).ok).toBe(true)
  })

  it('returns cancelled at once for a signal aborted before the call', async () => {
    const { sim, clientOptions } = await startSimulator()
    const client = new TellusClient(clientOptions())
    const signal = AbortSignal.abort()
    expect(await client.getDevice(sim.deviceIds[0]!, { signal })).toMatchObject({ ok: false, error: { kind: 'cancelled' } })
    expect(await client.listSites({ signal })).toMatchObject({ ok: false, error: { kind: 'cancelled' } })
    expect(sim.control.requests()).toEqual([])
  })
})

describe('TellusClient malformed answers', () => {
  it.each([
    ['truncated-json', 'was cut off or is not valid JSON'],
    ['captive-portal', 'The network returned a web page instead of the Tellus API — a captive portal or proxy may need you to sign in.'],
    ['wrong-content-type', 'instead of JSON'],
  ] as const)('%s becomes invalid-response with a short excerpt, not retried', async (kind, message) => {
    const { sim, clientOptions } = await startSimulator()
    const client = new TellusClient(clientOptions())
    const id = sim.deviceIds[0]!
    sim.control.setFault(id, { kind, count: 1 })
    const result = await client.getDevice(id)
    expect(result).toMatchObject({ ok: false, error: { kind: 'invalid-response', status: 200 } })
    if (result.ok) return
    expect(result.error.message).toContain(message)
    expect(result.error.action).toBeTruthy()
    expect(result.error.excerpt?.length).toBeGreaterThan(0)
    expect(result.error.excerpt!.length).toBeLessThanOrEqual(200)
    expect(deviceGets(sim.control.requests(), id)).toHaveLength(1)
  })

  it('a captive portal on the token endpoint is reported the same way', async () => {
    const { sim, clientOptions } = await startSimulator()
    const client = new TellusClient(clientOptions())
    sim.control.setFault('*', { kind: 'captive-portal', count: 1 })
    const result = await client.verifyCredentials()
    expect(result).toMatchObject({ ok: false, error: { kind: 'invalid-response' } })
    expect(!result.ok && result.error.message).toContain('captive portal')
  })
})
