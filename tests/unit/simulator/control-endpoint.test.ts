import { describe, expect, it } from 'vitest'
import { isLoopbackAddress } from '@main/simulator/request-handler'
import { ErrorEnvelopeSchema } from './v13-schemas'
import { type ReadResponse, get, issueToken, useSimulators } from './support'

const start = useSimulators()

async function control(origin: string, method: 'GET' | 'POST', path: string, body?: unknown): Promise<ReadResponse> {
  const response = await fetch(`${origin}/__sim${path}`, { method, body: body === undefined ? undefined : typeof body === 'string' ? body : JSON.stringify(body) })
  const text = await response.text()
  return { status: response.status, contentType: response.headers.get('content-type') ?? '', text, json: JSON.parse(text) as unknown, headers: response.headers }
}

describe('the /__sim control endpoint', () => {
  it('describes what is served', async () => {
    const { sim } = await start({ controlEndpoint: true })
    const origin = `http://127.0.0.1:${sim.port}`
    const info = await control(origin, 'GET', '')
    expect(info.status).toBe(200)
    expect(info.json).toMatchObject({
      code: 0,
      data: { base_url: sim.baseUrl, client_id: 'demo_field_client', client_secret: 'demo-fleet-secret' },
    })
    const devices = (info.json as { data: { devices: Array<{ device_id: string; model: string; site_id: string; status: string }> } }).data.devices
    expect(devices.map((device) => device.device_id)).toEqual(sim.deviceIds)
    expect(devices.find((device) => device.status === 'offline')).toBeDefined()
  })

  it('sets and clears faults', async () => {
    const { sim } = await start({ controlEndpoint: true })
    const origin = `http://127.0.0.1:${sim.port}`
    const token = await issueToken(sim)
    expect((await control(origin, 'POST', '/faults', { target: 'dvc_a1b2c3d4e5f6', fault: { kind: 'server-error', count: 1 } })).status).toBe(200)
    expect((await get(sim, '/operator/devices/dvc_a1b2c3d4e5f6', token)).status).toBe(500)
    expect((await get(sim, '/operator/devices/dvc_a1b2c3d4e5f6', token)).status).toBe(200)
    await control(origin, 'POST', '/faults', { target: '*', fault: { kind: 'captive-portal' } })
    expect((await get(sim, '/operator/sites', token)).contentType).toMatch(/^text\/html/)
    await control(origin, 'POST', '/faults', { target: '*', fault: null })
    expect((await get(sim, '/operator/sites', token)).status).toBe(200)
    await control(origin, 'POST', '/faults', { target: '*', fault: { kind: 'server-error' } })
    expect((await control(origin, 'POST', '/clear')).status).toBe(200)
    expect((await get(sim, '/operator/sites', token)).status).toBe(200)
  })

  it('is not subject to its own faults, rate limits or the request log', async () => {
    const { sim } = await start({ controlEndpoint: true })
    const origin = `http://127.0.0.1:${sim.port}`
    sim.control.setFault('*', { kind: 'hang-before-headers' })
    expect((await control(origin, 'GET', '/requests')).status).toBe(200)
    expect(sim.control.requests()).toEqual([])
  })

  it('refuses invalid fault requests with 400/1001', async () => {
    const { sim } = await start({ controlEndpoint: true })
    const origin = `http://127.0.0.1:${sim.port}`
    for (const body of ['{not json', { target: '*', fault: { kind: 'gremlins' } }, { fault: { kind: 'hang' } }, { target: '*', fault: { kind: 'rate-limit' } }]) {
      const response = await control(origin, 'POST', '/faults', body)
      expect(response.status).toBe(400)
      expect(ErrorEnvelopeSchema.parse(response.json).code).toBe(1001)
    }
  })

  it('expires and revokes tokens, sets the TTL and adds clients', async () => {
    const { sim } = await start({ controlEndpoint: true })
    const origin = `http://127.0.0.1:${sim.port}`
    let token = await issueToken(sim)
    await control(origin, 'POST', '/tokens/expire')
    expect(ErrorEnvelopeSchema.parse((await get(sim, '/operator/sites', token)).json).code).toBe(2002)
    token = await issueToken(sim)
    await control(origin, 'POST', '/tokens/revoke')
    expect(ErrorEnvelopeSchema.parse((await get(sim, '/operator/sites', token)).json).code).toBe(2001)
    expect((await control(origin, 'POST', '/token-ttl', { seconds: 0 })).status).toBe(400)
    await control(origin, 'POST', '/token-ttl', { seconds: 90 })
    await control(origin, 'POST', '/clients', { client_id: 'ops', client_secret: 's3cret', scopes: ['read'] })
    const response = await fetch(`${sim.baseUrl}/operator/oauth/token`, {
      method: 'POST',
      headers: { 'content-type': 'application/json' },
      body: JSON.stringify({ client_id: 'ops', client_secret: 's3cret', grant_type: 'client_credentials' }),
    })
    expect(await response.json()).toMatchObject({ expires_in: 90 })
  })

  it('returns and resets the request log', async () => {
    const { sim } = await start({ controlEndpoint: true })
    const origin = `http://127.0.0.1:${sim.port}`
    await get(sim, '/operator/sites')
    expect((await control(origin, 'GET', '/requests')).json).toMatchObject({ code: 0, data: [{ method: 'GET', path: '/v1/operator/sites', status: 401 }] })
    await control(origin, 'POST', '/requests/reset')
    expect((await control(origin, 'GET', '/requests')).json).toMatchObject({ data: [] })
  })

  it('answers 404/3001 for an unknown action', async () => {
    const { sim } = await start({ controlEndpoint: true })
    const response = await control(`http://127.0.0.1:${sim.port}`, 'POST', '/explode')
    expect(response.status).toBe(404)
    expect(ErrorEnvelopeSchema.parse(response.json).code).toBe(3001)
  })

  it('is not served unless asked for: /__sim is then an unknown path (404) and steers nothing', async () => {
    const { sim } = await start()
    const origin = `http://127.0.0.1:${sim.port}`
    const token = await issueToken(sim)
    for (const path of ['', '/requests']) expect((await fetch(`${origin}/__sim${path}`)).status).toBe(404)
    const post = await fetch(`${origin}/__sim/faults`, {
      method: 'POST',
      headers: { 'content-type': 'text/plain' },
      body: JSON.stringify({ target: '*', fault: { kind: 'server-error' } }),
    })
    expect(post.status).toBe(404)
    expect((await get(sim, '/operator/sites', token)).status).toBe(200)
  })

  it('tells loopback addresses from others', () => {
    for (const address of ['127.0.0.1', '127.1.2.3', '::1', '::ffff:127.0.0.1']) expect(isLoopbackAddress(address)).toBe(true)
    for (const address of ['10.0.0.5', '192.168.1.20', '::ffff:10.0.0.5', 'fe80::1', undefined]) expect(isLoopbackAddress(address)).toBe(false)
  })
})
