import { describe, expect, it } from 'vitest'
import type { ChargingRecordData as RecordData } from '@main/simulator/charging-records'
import { vinCheckDigit } from '@main/simulator/vin'
import { ErrorEnvelopeSchema } from './v13-schemas'
import { type TestSimulator, dataOf, get, issueToken, useSimulators } from './support'

const start = useSimulators()

interface RecordPage {
  items: RecordData[]
  total: number
  page: number
  size: number
}

async function allRecords({ sim }: TestSimulator, query = ''): Promise<RecordData[]> {
  const token = await issueToken(sim)
  const records: RecordData[] = []
  for (let page = 1; ; page++) {
    const data = dataOf<RecordPage>(await get(sim, `/operator/charging-records?size=100&page=${page}${query}`, token))
    records.push(...data.items)
    if (page * data.size >= data.total) return records
  }
}

describe('GET /v1/operator/charging-records', () => {
  it('paginates a history of every device, newest first, with unique ids', async () => {
    const test = await start({ readsPerMinute: 1000 })
    const firstPage = dataOf<RecordPage>(await get(test.sim, '/operator/charging-records', await issueToken(test.sim)))
    expect(firstPage).toMatchObject({ page: 1, size: 20 })
    expect(firstPage.items).toHaveLength(20)
    const records = await allRecords(test)
    expect(records).toHaveLength(firstPage.total)
    expect(new Set(records.map((record) => record.record_id)).size).toBe(records.length)
    expect(new Set(records.map((record) => record.device_id))).toEqual(new Set(test.sim.deviceIds))
    const starts = records.map((record) => Date.parse(record.start_time))
    expect(starts).toEqual([...starts].sort((a, b) => b - a))
  })

  it('holds realistic records: energy, power, meters, cost, VIN and SoC agree', async () => {
    const test = await start({ readsPerMinute: 1000 })
    const records = await allRecords(test)
    for (const record of records) {
      const hours = (Date.parse(record.end_time) - Date.parse(record.start_time)) / 3_600_000
      expect(Date.parse(record.end_time)).toBeLessThanOrEqual(test.clock.now())
      expect(hours).toBeGreaterThan(0)
      expect(Math.abs(record.avg_power * hours - record.energy)).toBeLessThanOrEqual(Math.abs(record.energy) * 0.03 + 0.05)
      expect(Math.abs(record.max_power)).toBeGreaterThanOrEqual(Math.abs(record.avg_power))
      expect(record.meter_end - record.meter_start).toBeCloseTo(record.energy, 1)
      expect(Math.sign(record.cost)).toBe(Math.sign(record.energy))
      expect(record.record_id).toMatch(/^rec_[0-9a-z]{10}$/)
      expect(record.vehicle_info.vin).toMatch(/^[A-HJ-NPR-Z0-9]{17}$/)
      expect(record.vehicle_info.vin[8]).toBe(vinCheckDigit(record.vehicle_info.vin))
      if (record.energy > 0) expect(record.vehicle_info.soc_end).toBeGreaterThanOrEqual(record.vehicle_info.soc_start)
      else expect(record.vehicle_info.soc_end).toBeLessThan(record.vehicle_info.soc_start)
    }
    expect(records.some((record) => record.cost < 0)).toBe(true)
  })

  it('runs each connector meter on continuously', async () => {
    const test = await start({ readsPerMinute: 1000 })
    const records = await allRecords(test, '&device_id=dvc_3f9a1c7e5b20&connector_id=1')
    const chronological = [...records].reverse()
    for (let i = 1; i < chronological.length; i++) {
      expect(chronological[i]!.meter_start).toBeGreaterThanOrEqual(chronological[i - 1]!.meter_end)
    }
  })

  it('gives a faulting connector the failed-start signature of its last days, and its healthy sibling none', async () => {
    const test = await start({ readsPerMinute: 1000 })
    const short = (r: RecordData) => Date.parse(r.end_time) - Date.parse(r.start_time) < 5 * 60_000 && r.energy < 0.5
    const faulting = await allRecords(test, '&device_id=dvc_9e1d5b3a7f02&connector_id=1')
    const sibling = await allRecords(test, '&device_id=dvc_9e1d5b3a7f02&connector_id=2')
    const recent = faulting.filter((r) => test.clock.now() - Date.parse(r.start_time) < 3 * 86_400_000)
    expect(recent.length).toBeGreaterThanOrEqual(3)
    expect(recent.every(short)).toBe(true)
    expect(faulting.some((r) => !short(r))).toBe(true)
    expect(sibling.filter(short)).toEqual([])
  })

  it('filters by device and connector', async () => {
    const test = await start({ readsPerMinute: 1000 })
    const device = await allRecords(test, '&device_id=dvc_c47d19e2a6f8')
    expect(device.length).toBeGreaterThan(0)
    expect(device.every((record) => record.device_id === 'dvc_c47d19e2a6f8')).toBe(true)
    const connector = await allRecords(test, '&device_id=dvc_c47d19e2a6f8&connector_id=2')
    expect(connector.length).toBeGreaterThan(0)
    expect(connector.length).toBeLessThan(device.length)
    expect(connector.every((record) => record.connector_id === 2)).toBe(true)
  })

  it('filters by start_time and end_time (records that started within the span)', async () => {
    const test = await start({ readsPerMinute: 1000 })
    const from = new Date(test.clock.now() - 3 * 86_400_000).toISOString()
    const to = new Date(test.clock.now() - 86_400_000).toISOString().replace('.000Z', 'Z')
    const all = await allRecords(test)
    const span = await allRecords(test, `&start_time=${from}&end_time=${to}`)
    const expected = all.filter((record) => Date.parse(record.start_time) >= Date.parse(from) && Date.parse(record.start_time) <= Date.parse(to))
    expect(span.length).toBeGreaterThan(0)
    expect(span.map((record) => record.record_id)).toEqual(expected.map((record) => record.record_id))
  })

  it('gives an empty page for an unknown device', async () => {
    const { sim } = await start()
    expect(dataOf<RecordPage>(await get(sim, '/operator/charging-records?device_id=dvc_000000000000', await issueToken(sim)))).toEqual({
      items: [],
      total: 0,
      page: 1,
      size: 20,
    })
  })

  it.each([
    ['connector_id=0', 'connector_id'],
    ['connector_id=x', 'connector_id'],
    ['start_time=yesterday', 'start_time'],
    ['end_time=2026-13-45T00:00:00Z', 'end_time'],
    ['start_time=2026-05-01T00:00:00Z&end_time=2026-04-01T00:00:00Z', 'end_time'],
    ['size=101', 'size'],
    ['page=0', 'page'],
  ])('answers 400/1001 for %s', async (query, field) => {
    const { sim } = await start()
    const response = await get(sim, `/operator/charging-records?${query}`, await issueToken(sim))
    expect(response.status).toBe(400)
    expect(ErrorEnvelopeSchema.parse(response.json)).toMatchObject({ code: 1001, details: { field } })
  })

  it('is deterministic for a seed and start time, and differs with another seed', async () => {
    const a = await allRecords(await start({ readsPerMinute: 1000 }))
    const b = await allRecords(await start({ readsPerMinute: 1000 }))
    const c = await allRecords(await start({ readsPerMinute: 1000, seed: 2 }))
    expect(b).toEqual(a)
    expect(c).not.toEqual(a)
  })
})
