/** The endpoints over real HTTP against the simulator (and a paging server): values, raw data, inputs. */
import { describe, expect, it } from 'vitest'
import { PacerRegistry } from '@main/tellus/pacer'
import { TellusClient } from '@main/tellus/tellus-client'
import { useServers, useSimulators } from './support'
import { asDeviceId } from '../../support/device-ids'

const startSimulator = useSimulators()
const startServer = useServers()

describe('TellusClient endpoints', () => {
  it('getDevice returns the validated device, its data exactly as received, and when it arrived', async () => {
    const { sim, time, clientOptions } = await startSimulator()
    const client = new TellusClient(clientOptions())
    const deviceId = sim.deviceIds[0]!
    const result = await client.getDevice(deviceId)
    expect(result.ok).toBe(true)
    if (!result.ok) return
    expect(result.value.device.device_id).toBe(deviceId)
    expect(result.value.receivedAt).toBe(new Date(time.now()).toISOString())
    const direct = await fetch(`${sim.baseUrl}/operator/devices/${deviceId}`, {
      headers: { authorization: `Bearer ${await tokenFor(sim.baseUrl, sim.credentials)}` },
    })
    const { data } = (await direct.json()) as { data: unknown }
    expect(result.value.raw).toEqual(data)
  })

  it('keeps connector states and fields the spec does not list', async () => {
    const { sim, clientOptions } = await startSimulator()
    const client = new TellusClient(clientOptions())
    const states = new Set<string>()
    for (const id of sim.deviceIds) {
      const result = await client.getDevice(id)
      if (result.ok) for (const connector of result.value.device.connectors ?? []) states.add(connector.status)
    }
    expect(states).toContain('preparing')
  })

  it('listSites returns every site', async () => {
    const { sim, clientOptions } = await startSimulator()
    const result = await new TellusClient(clientOptions()).listSites()
    expect(result.ok && result.value.length).toBeGreaterThan(0)
    expect(sim.control.requests().filter((r) => r.path.startsWith('/v1/operator/sites')).map((r) => r.path)).toEqual([
      '/v1/operator/sites?page=1&size=100',
    ])
  })

  it('listSites follows pages until total is reached', async () => {
    const total = 230
    const seen: string[] = []
    const { url } = await startServer((req, res) => {
      seen.push(req.url ?? '')
      res.setHeader('content-type', 'application/json')
      if (req.method === 'POST') return res.end(JSON.stringify({ access_token: 'paging-token', token_type: 'Bearer', expires_in: 86400 }))
      const query = new URL(req.url ?? '', 'http://x').searchParams
      const page = Number(query.get('page'))
      const size = Number(query.get('size'))
      const items = Array.from({ length: Math.max(0, Math.min(size, total - (page - 1) * size)) }, (_, i) => ({
        site_id: `site_${(page - 1) * size + i}`,
        name: `Site ${(page - 1) * size + i}`,
      }))
      res.end(JSON.stringify({ code: 0, message: 'success', data: { items, total, page, size } }))
    })
    const client = new TellusClient({ baseUrl: `${url}/v1`, clientId: 'c', clientSecret: 'secret-1', pacer: { registry: new PacerRegistry(), readsPerMinute: 1000 } })
    const result = await client.listSites()
    expect(result.ok && result.value.map((s) => s.site_id)).toEqual(Array.from({ length: total }, (_, i) => `site_${i}`))
    expect(seen.filter((u) => u.includes('sites'))).toEqual([
      '/v1/operator/sites?page=1&size=100',
      '/v1/operator/sites?page=2&size=100',
      '/v1/operator/sites?page=3&size=100',
    ])
  })

  it('listChargingRecords pages and filters by device and time', async () => {
    const { sim, clientOptions } = await startSimulator()
    const client = new TellusClient(clientOptions())
    const deviceId = sim.deviceIds[0]!
    const first = await client.listChargingRecords({ deviceId, page: 1, size: 2 })
    expect(first.ok).toBe(true)
    if (!first.ok) return
    expect(first.value.items.length).toBeLessThanOrEqual(2)
    expect(first.value.items.every((r) => r.device_id === deviceId)).toBe(true)
    const second = await client.listChargingRecords({ deviceId, page: 2, size: 2 })
    expect(second.ok && second.value.page).toBe(2)
    const record = first.value.items[0]
    if (record) {
      const window = await client.listChargingRecords({ deviceId, startTime: record.start_time, endTime: record.start_time })
      expect(window.ok && window.value.items.map((r) => r.record_id)).toContain(record.record_id)
    }
    const paths = sim.control.requests().map((r) => r.path)
    expect(paths).toContain(`/v1/operator/charging-records?device_id=${deviceId}&page=2&size=2`)
  })

  it('listChargingRecords without a device lists the records of every device of the operator, in the time range', async () => {
    const { sim, time, clientOptions } = await startSimulator()
    const client = new TellusClient(clientOptions())
    const startTime = new Date(time.now() - 2 * 86_400_000).toISOString()
    const endTime = new Date(time.now()).toISOString()
    const page = await client.listChargingRecords({ startTime, endTime, size: 100 })
    expect(page.ok).toBe(true)
    if (!page.ok) return
    expect(new Set(page.value.items.map((r) => r.device_id)).size).toBeGreaterThan(1)
    expect(page.value.items.every((r) => r.start_time >= startTime.slice(0, 19) && r.start_time <= endTime)).toBe(true)
    const path = sim.control.requests().map((r) => r.path).find((p) => p.includes('charging-records'))
    expect(path).toBe(`/v1/operator/charging-records?page=1&size=100&start_time=${encodeURIComponent(startTime)}&end_time=${encodeURIComponent(endTime)}`)
  })

  it('refuses plain http to anything but loopback, without a request', async () => {
    let requests = 0
    const fetchSpy: typeof fetch = async (...args) => {
      requests += 1
      return fetch(...args)
    }
    const client = new TellusClient({ baseUrl: 'http://api.example.com/v1', clientId: 'c', clientSecret: 'secret-1', fetch: fetchSpy })
    expect(await client.getDevice(asDeviceId('dvc_1'))).toMatchObject({ ok: false, error: { kind: 'invalid-input' } })
    expect(await client.listSites()).toMatchObject({ ok: false, error: { kind: 'invalid-input' } })
    expect(await client.verifyCredentials()).toMatchObject({ ok: false, error: { kind: 'invalid-input' } })
    expect(requests).toBe(0)
  })

  it('reports a profile without a secret as invalid input', async () => {
    const client = new TellusClient({ baseUrl: 'https://api.example.com/v1', clientId: 'c' })
    expect(await client.getDevice(asDeviceId('dvc_1'))).toMatchObject({ ok: false, error: { kind: 'invalid-input', message: 'This profile has no client secret.' } })
  })

  it('fetches the secret on demand when given getClientSecret, and reports its failure as is', async () => {
    const { sim, clientOptions } = await startSimulator()
    let asked = 0
    const { clientSecret, ...options } = clientOptions()
    const client = new TellusClient({
      ...options,
      getClientSecret: async () => {
        asked += 1
        return { ok: true, value: clientSecret! }
      },
    })
    expect((await client.getDevice(sim.deviceIds[0]!)).ok).toBe(true)
    expect(asked).toBe(1)
    const locked = new TellusClient({
      ...options,
      getClientSecret: async () => ({ ok: false, error: { kind: 'keychain', message: 'The keychain is locked.' } }),
    })
    expect(await locked.getDevice(sim.deviceIds[0]!)).toEqual({ ok: false, error: { kind: 'keychain', message: 'The keychain is locked.' } })
  })
})

/** A token straight from the simulator, for the raw comparison. */
async function tokenFor(baseUrl: string, credentials: { clientId: string; clientSecret: string }): Promise<string> {
  const response = await fetch(`${baseUrl}/operator/oauth/token`, {
    method: 'POST',
    headers: { 'content-type': 'application/json' },
    body: JSON.stringify({ client_id: credentials.clientId, client_secret: credentials.clientSecret, grant_type: 'client_credentials' }),
  })
  return ((await response.json()) as { access_token: string }).access_token
}
