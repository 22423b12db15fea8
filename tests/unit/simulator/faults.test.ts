import { request as httpRequest } from 'node:http'
import { describe, expect, it } from 'vitest'
import { FaultRegistry } from '@main/simulator/faults'
import type { Fault } from '@main/simulator/index'
import { ErrorEnvelopeSchema } from './v13-schemas'
import { dataOf, get, issueToken, pause, postToken, useSimulators } from './support'

const start = useSimulators()
const DEVICE = 'dvc_a1b2c3d4e5f6'
const OTHER = 'dvc_3f9a1c7e5b20'

/** A raw GET over node:http: the response head, or the socket error. */
function rawGet(url: string, token: string): Promise<{ status?: number; error?: NodeJS.ErrnoException }> {
  return new Promise((resolve) => {
    const req = httpRequest(url, { headers: { authorization: `Bearer ${token}` } }, (res) => {
      res.resume()
      resolve({ status: res.statusCode })
    })
    req.on('error', (error: NodeJS.ErrnoException) => resolve({ error }))
    req.end()
  })
}

describe('faults', () => {
  it('rate-limit answers 429/5001 with details.retry_after_seconds for `count` requests, then recovers', async () => {
    const { sim } = await start()
    const token = await issueToken(sim)
    sim.control.setFault(DEVICE, { kind: 'rate-limit', count: 2, retryAfterSeconds: 7 })
    for (let i = 0; i < 2; i++) {
      const response = await get(sim, `/operator/devices/${DEVICE}`, token)
      expect(response.status).toBe(429)
      expect(ErrorEnvelopeSchema.parse(response.json)).toEqual({ code: 5001, message: 'Too many requests', data: null, details: { retry_after_seconds: 7 } })
    }
    expect((await get(sim, `/operator/devices/${DEVICE}`, token)).status).toBe(200)
  })

  it('rate-limit without retryAfterSeconds leaves details out', async () => {
    const { sim } = await start()
    sim.control.setFault('*', { kind: 'rate-limit', count: 1 })
    const response = await get(sim, '/operator/sites')
    expect(response.status).toBe(429)
    expect(ErrorEnvelopeSchema.parse(response.json).details).toBeUndefined()
  })

  it('server-error without count answers 500/9001 until cleared', async () => {
    const { sim } = await start()
    const token = await issueToken(sim)
    sim.control.setFault('*', { kind: 'server-error' })
    for (let i = 0; i < 3; i++) {
      const response = await get(sim, '/operator/sites', token)
      expect(response.status).toBe(500)
      expect(ErrorEnvelopeSchema.parse(response.json).code).toBe(9001)
    }
    sim.control.clearFaults()
    expect((await get(sim, '/operator/sites', token)).status).toBe(200)
  })

  it("'*' applies to the token endpoint too", async () => {
    const { sim } = await start()
    sim.control.setFault('*', { kind: 'server-error', count: 1 })
    const body = { client_id: sim.credentials.clientId, client_secret: sim.credentials.clientSecret, grant_type: 'client_credentials' }
    expect((await postToken(sim, body)).status).toBe(500)
    expect((await postToken(sim, body)).status).toBe(200)
    expect(sim.control.tokenRequestCount()).toBe(2)
  })

  it('a device fault applies only to that device, and setFault(target, null) clears it', async () => {
    const { sim } = await start()
    const token = await issueToken(sim)
    sim.control.setFault(DEVICE, { kind: 'server-error' })
    expect((await get(sim, `/operator/devices/${DEVICE}`, token)).status).toBe(500)
    expect((await get(sim, `/operator/devices/${OTHER}`, token)).status).toBe(200)
    expect((await get(sim, '/operator/sites', token)).status).toBe(200)
    sim.control.setFault(DEVICE, null)
    expect((await get(sim, `/operator/devices/${DEVICE}`, token)).status).toBe(200)
  })

  it('a device fault wins over a * fault for that device, consuming only its own count', async () => {
    const { sim } = await start()
    const token = await issueToken(sim)
    sim.control.setFault(DEVICE, { kind: 'server-error', count: 1 })
    sim.control.setFault('*', { kind: 'captive-portal', count: 1 })
    expect((await get(sim, `/operator/devices/${DEVICE}`, token)).status).toBe(500)
    expect((await get(sim, `/operator/devices/${DEVICE}`, token)).contentType).toMatch(/^text\/html/)
    expect((await get(sim, `/operator/devices/${DEVICE}`, token)).status).toBe(200)
  })

  it('connection-reset destroys the socket without a response', async () => {
    const { sim } = await start()
    const token = await issueToken(sim)
    sim.control.setFault(DEVICE, { kind: 'connection-reset', count: 1 })
    const result = await rawGet(`${sim.baseUrl}/operator/devices/${DEVICE}`, token)
    expect(result.status).toBeUndefined()
    expect(result.error?.code).toBe('ECONNRESET')
    await expect(fetch(`${sim.baseUrl}/operator/devices/${DEVICE}`, { headers: { authorization: `Bearer ${token}` } })).resolves.toHaveProperty('status', 200)
    expect(sim.control.requests().at(-2)).toMatchObject({ path: `/v1/operator/devices/${DEVICE}`, status: 0 })
  })

  it('truncated-json answers 200 application/json with a body cut mid-way', async () => {
    const { sim } = await start()
    const token = await issueToken(sim)
    const whole = await get(sim, `/operator/devices/${DEVICE}`, token)
    sim.control.setFault(DEVICE, { kind: 'truncated-json', count: 1 })
    const cut = await get(sim, `/operator/devices/${DEVICE}`, token)
    expect(cut.status).toBe(200)
    expect(cut.contentType).toMatch(/^application\/json/)
    expect(() => JSON.parse(cut.text)).toThrow()
    expect(cut.text.length).toBeGreaterThan(10)
    expect(cut.text.length).toBeLessThan(whole.text.length)
    expect(cut.text.startsWith('{"code":0,"message":"success","data":{"device_id":"dvc_a1b2c3d4e5f6"')).toBe(true)
  })

  it('deep-nesting answers the normal reply as valid JSON with a field nested 10,000 arrays deep (about 20 kB)', async () => {
    const { sim } = await start()
    const token = await issueToken(sim)
    sim.control.setFault(DEVICE, { kind: 'deep-nesting', count: 1 })
    const response = await get(sim, `/operator/devices/${DEVICE}`, token)
    expect(response.status).toBe(200)
    expect(response.contentType).toMatch(/^application\/json/)
    expect(response.json).toMatchObject({ code: 0, data: { device_id: DEVICE } })
    let depth = 0
    for (let value = (response.json as { data: { nested: unknown } }).data.nested; Array.isArray(value); value = value[0]) depth += 1
    expect(depth).toBe(10_000)
    expect(response.text.length).toBeGreaterThan(20_000)
    expect(response.text.length).toBeLessThan(25_000)
    expect((await get(sim, `/operator/devices/${DEVICE}`, token)).json).not.toHaveProperty('data.nested')
  })

  it('deep-nesting takes its depth', async () => {
    const { sim } = await start()
    sim.control.setFault('*', { kind: 'deep-nesting', depth: 3 })
    expect((await get(sim, '/operator/sites', await issueToken(sim))).json).toMatchObject({ code: 0, data: { nested: [[[]]] } })
  })

  it('bad-token breaks the access token with CR/LF, and leaves other replies alone', async () => {
    const { sim } = await start()
    sim.control.setFault('*', { kind: 'bad-token' })
    const response = await postToken(sim, { client_id: sim.credentials.clientId, client_secret: sim.credentials.clientSecret, grant_type: 'client_credentials' })
    expect(response.status).toBe(200)
    const token = (response.json as { access_token: string }).access_token
    expect(token).toMatch(/\r\n/)
    const valid = token.split('\r\n')[0]!
    expect((await get(sim, `/operator/devices/${DEVICE}`, valid)).status).toBe(200)
  })

  it('captive-portal answers 200 with an HTML login page', async () => {
    const { sim } = await start()
    sim.control.setFault('*', { kind: 'captive-portal', count: 1 })
    const response = await get(sim, '/operator/sites')
    expect(response.status).toBe(200)
    expect(response.contentType).toMatch(/^text\/html/)
    expect(response.text).toContain('<form')
    expect(response.json).toBeUndefined()
  })

  it('wrong-content-type answers a valid envelope labelled text/plain', async () => {
    const { sim } = await start()
    const token = await issueToken(sim)
    sim.control.setFault(DEVICE, { kind: 'wrong-content-type', count: 1 })
    const response = await get(sim, `/operator/devices/${DEVICE}`, token)
    expect(response.status).toBe(200)
    expect(response.contentType).toMatch(/^text\/plain/)
    expect(response.json).toMatchObject({ code: 0, message: 'success', data: { device_id: DEVICE } })
  })

  it('hang sends headers and part of the body, then nothing until the simulator closes', async () => {
    const { sim } = await start()
    const token = await issueToken(sim)
    sim.control.setFault(DEVICE, { kind: 'hang', count: 1 })
    const response = await fetch(`${sim.baseUrl}/operator/devices/${DEVICE}`, { headers: { authorization: `Bearer ${token}` } })
    expect(response.status).toBe(200)
    expect(response.headers.get('content-type')).toMatch(/^application\/json/)
    const reader = response.body!.getReader()
    const first = await reader.read()
    expect(new TextDecoder().decode(first.value)).toMatch(/^\{"code":0/)
    let settled = false
    const rest = reader.read().then(
      () => (settled = true),
      () => (settled = true),
    )
    await pause(200)
    expect(settled).toBe(false)
    expect((await get(sim, `/operator/devices/${DEVICE}`, token)).status).toBe(200)
    await sim.close()
    await rest
    expect(settled).toBe(true)
  })

  it('hang-before-headers never answers; closing the simulator ends the request', async () => {
    const { sim } = await start()
    const token = await issueToken(sim)
    sim.control.setFault('*', { kind: 'hang-before-headers', count: 1 })
    let answered = false
    const pending = rawGet(`${sim.baseUrl}/operator/sites`, token).then((result) => {
      answered = true
      return result
    })
    await pause(200)
    expect(answered).toBe(false)
    expect(sim.control.requests().at(-1)).toMatchObject({ path: '/v1/operator/sites', status: 0 })
    await sim.close()
    const result = await pending
    expect(result.status).toBeUndefined()
    expect(result.error).toBeDefined()
  })

  it('latency holds a request without affecting others, then answers normally', async () => {
    const { sim } = await start()
    const token = await issueToken(sim)
    sim.control.setFault(DEVICE, { kind: 'latency', ms: 60_000 })
    let answered = false
    const slow = rawGet(`${sim.baseUrl}/operator/devices/${DEVICE}`, token).then((result) => {
      answered = true
      return result
    })
    expect((await get(sim, `/operator/devices/${OTHER}`, token)).status).toBe(200)
    await pause(100)
    expect(answered).toBe(false)
    sim.control.setFault(DEVICE, { kind: 'latency', ms: 20 })
    const quick = await get(sim, `/operator/devices/${DEVICE}`, token)
    expect(dataOf<{ device_id: string }>(quick).device_id).toBe(DEVICE)
    await sim.close()
    expect((await slow).error).toBeDefined()
  })

  it('latency on the device adds to a * fault', async () => {
    const { sim } = await start()
    const token = await issueToken(sim)
    sim.control.setFault(DEVICE, { kind: 'latency', ms: 10 })
    sim.control.setFault('*', { kind: 'server-error', count: 1 })
    expect((await get(sim, `/operator/devices/${DEVICE}`, token)).status).toBe(500)
    expect((await get(sim, `/operator/devices/${DEVICE}`, token)).status).toBe(200)
  })

  it.each<[string, unknown]>([
    ['a count of 0', { kind: 'server-error', count: 0 }],
    ['a rate-limit without count', { kind: 'rate-limit' }],
    ['an unknown kind', { kind: 'gremlins' }],
    ['a negative latency', { kind: 'latency', ms: -1 }],
  ])('setFault refuses %s', async (_name, fault) => {
    const { sim } = await start()
    expect(() => sim.control.setFault('*', fault as Fault)).toThrow()
  })
})

describe('FaultRegistry', () => {
  it('consumes counts per matching request and persists faults without count', () => {
    const registry = new FaultRegistry()
    registry.set('a', { kind: 'server-error', count: 2 })
    registry.set('*', { kind: 'captive-portal' })
    expect(registry.take(['a', '*']).map((fault) => fault.kind)).toEqual(['server-error'])
    expect(registry.take(['b', '*']).map((fault) => fault.kind)).toEqual(['captive-portal'])
    expect(registry.take(['a', '*']).map((fault) => fault.kind)).toEqual(['server-error'])
    expect(registry.take(['a', '*']).map((fault) => fault.kind)).toEqual(['captive-portal'])
    expect(registry.take(['a', '*']).map((fault) => fault.kind)).toEqual(['captive-portal'])
  })
})
