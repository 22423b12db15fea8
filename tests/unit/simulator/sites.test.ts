import { describe, expect, it } from 'vitest'
import { ErrorEnvelopeSchema } from './v13-schemas'
import { dataOf, get, issueToken, useSimulators } from './support'

const start = useSimulators()

interface SitePage {
  items: Array<{ site_id: string; total_connectors: number; status_summary: { idle: number; charging: number; fault: number } }>
  total: number
  page: number
  size: number
}
interface DeviceData {
  site_id: string
  connectors: Array<{ status: string }>
}

describe('GET /v1/operator/sites', () => {
  it('lists every site on page 1 with the default size 20', async () => {
    const { sim } = await start()
    const page = dataOf<SitePage>(await get(sim, '/operator/sites', await issueToken(sim)))
    expect(page).toMatchObject({ page: 1, size: 20, total: 4 })
    expect(page.items.map((site) => site.site_id)).toEqual(['site_001', 'site_002', 'site_003', 'site_004'])
  })

  it('paginates with page and size', async () => {
    const { sim } = await start()
    const token = await issueToken(sim)
    const first = dataOf<SitePage>(await get(sim, '/operator/sites?page=1&size=3', token))
    const second = dataOf<SitePage>(await get(sim, '/operator/sites?page=2&size=3', token))
    const beyond = dataOf<SitePage>(await get(sim, '/operator/sites?page=9&size=3', token))
    expect(first.items.map((site) => site.site_id)).toEqual(['site_001', 'site_002', 'site_003'])
    expect(second).toMatchObject({ page: 2, size: 3, total: 4 })
    expect(second.items.map((site) => site.site_id)).toEqual(['site_004'])
    expect(beyond).toMatchObject({ items: [], total: 4, page: 9 })
  })

  it('filters by status', async () => {
    const { sim } = await start()
    const token = await issueToken(sim)
    expect(dataOf<SitePage>(await get(sim, '/operator/sites?status=active', token)).total).toBe(3)
    const inactive = dataOf<SitePage>(await get(sim, '/operator/sites?status=inactive', token))
    expect(inactive.items.map((site) => site.site_id)).toEqual(['site_004'])
  })

  it.each([
    ['size=0', 'size'],
    ['size=101', 'size'],
    ['size=abc', 'size'],
    ['size=2.5', 'size'],
    ['page=0', 'page'],
    ['page=-1', 'page'],
    ['status=closed', 'status'],
  ])('answers 400/1001 for %s', async (query, field) => {
    const { sim } = await start()
    const response = await get(sim, `/operator/sites?${query}`, await issueToken(sim))
    expect(response.status).toBe(400)
    expect(ErrorEnvelopeSchema.parse(response.json)).toMatchObject({ code: 1001, details: { field } })
  })

  it('accepts the size bounds 1 and 100', async () => {
    const { sim } = await start()
    const token = await issueToken(sim)
    expect(dataOf<SitePage>(await get(sim, '/operator/sites?size=1', token)).items).toHaveLength(1)
    expect(dataOf<SitePage>(await get(sim, '/operator/sites?size=100', token)).size).toBe(100)
  })

  it("summarises each site's connectors consistently with the devices it holds", async () => {
    const { sim } = await start()
    const token = await issueToken(sim)
    const sites = dataOf<SitePage>(await get(sim, '/operator/sites', token)).items
    const devices = await Promise.all(sim.deviceIds.map(async (id) => dataOf<DeviceData>(await get(sim, `/operator/devices/${id}`, token))))
    for (const site of sites) {
      const connectors = devices.filter((device) => device.site_id === site.site_id).flatMap((device) => device.connectors)
      expect(site.total_connectors).toBe(connectors.length)
      expect(site.status_summary).toEqual({
        idle: connectors.filter((c) => c.status === 'idle').length,
        charging: connectors.filter((c) => c.status === 'charging' || c.status === 'discharging').length,
        fault: connectors.filter((c) => c.status === 'fault').length,
      })
    }
  })
})
