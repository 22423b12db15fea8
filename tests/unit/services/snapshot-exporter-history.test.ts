/** Exports that include the device's charging history kept on disk (a real history cache in a temp folder). */
import { readFile } from 'node:fs/promises'
import { join } from 'node:path'
import { afterEach, beforeEach, describe, expect, it } from 'vitest'
import type { DeviceHistory } from '@common/history/history-types'
import { HistoryCache } from '@main/history/history-cache'
import { SnapshotExporter } from '@main/services/snapshot-exporter'
import { SnapshotStore } from '@main/snapshots/snapshot-store'
import { tempRoot } from '../../support/common-fixtures'

const DEVICE = 'dvc_9e1d5b3a7f02'
const VIN = 'WVWZZZ1JZXW654321'
let dir: string
let cleanup: () => Promise<void>
let store: SnapshotStore
let cache: HistoryCache

const failedStart = (id: string, day: number) => ({
  record_id: id,
  device_id: DEVICE,
  connector_id: 1,
  start_time: `2026-11-2${day}T10:00:00Z`,
  end_time: `2026-11-2${day}T10:02:00Z`,
  energy: 0.1,
  cost: 0.03,
  vehicle_info: { vin: VIN, soc_start: 40, soc_end: 40 },
})
const HISTORY: DeviceHistory = {
  schemaVersion: 1,
  deviceId: DEVICE,
  fetchedAt: '2026-11-23T12:00:00.000Z',
  range: { start: '2026-10-24T12:00:00.000Z', end: '2026-11-23T12:00:00.000Z', days: 30 },
  profileId: 'demo',
  profileName: 'Demo fleet',
  baseUrl: 'http://127.0.0.1:1/v1',
  records: [failedStart('rec_3', 2), failedStart('rec_2', 1), failedStart('rec_1', 0)],
  truncated: false,
}

beforeEach(async () => {
  ;({ root: dir, cleanup } = await tempRoot('tellus-export-history-'))
  store = new SnapshotStore({ root: join(dir, 'snapshots') })
  cache = new HistoryCache(dir)
})
afterEach(() => cleanup())

async function snapshotId(): Promise<string> {
  const data = { device_id: DEVICE, model: 'TP-AC22', status: 'online', connectors: [{ connector_id: 1, status: 'fault' }, { connector_id: 2, status: 'idle' }] }
  const saved = await store.save({ deviceId: DEVICE, fetchedAt: '2026-11-23T12:00:00Z', profileId: 'demo', profileName: 'Demo fleet', baseUrl: 'http://127.0.0.1:1/v1', data })
  if (!saved.ok) throw new Error(saved.error.message)
  return saved.value.id
}

function exporter(path: string) {
  return new SnapshotExporter({
    snapshots: store,
    history: { cachedHistory: async (id) => cache.load(id).then((r) => (r.ok ? { ok: true as const, value: r.value.history } : r)) },
    chooseSavePath: async () => path,
    appVersion: () => '9.9.9',
    now: () => Date.parse('2026-11-23T12:30:00Z'),
  })
}

describe('exports with the charging history', () => {
  it('JSON: adds the history with its patterns, and never a full VIN', async () => {
    expect((await cache.save(HISTORY)).ok).toBe(true)
    const path = join(dir, 'out.json')
    expect((await exporter(path).export({ ids: [await snapshotId()], format: 'json', includeHistory: true })).ok).toBe(true)
    const text = await readFile(path, 'utf8')
    const document = JSON.parse(text)
    expect(document.history.records).toHaveLength(3)
    expect(document.history.records[0].vehicle_info.vin).toBe('…654321')
    expect(document.history.patterns).toContainEqual(expect.objectContaining({ ruleId: 'history-short-sessions', connectorId: 1 }))
    expect(document.history.patterns).toContainEqual(expect.objectContaining({ ruleId: 'history-silent-connector', connectorId: 2 }))
    expect(text).not.toContain(VIN)
  })

  it('HTML: a charging-history section with the pattern and the sessions, VINs shortened', async () => {
    expect((await cache.save(HISTORY)).ok).toBe(true)
    const path = join(dir, 'out.html')
    expect((await exporter(path).export({ ids: [await snapshotId()], format: 'html', includeHistory: true })).ok).toBe(true)
    const html = await readFile(path, 'utf8')
    expect(html).toContain(`Charging history: ${DEVICE}`)
    expect(html).toContain('3 sessions from')
    expect(html).toContain('F-0421 signature')
    expect(html).toContain('…654321')
    expect(html).not.toContain(VIN)
    expect(html).not.toMatch(/<script/i)
  })

  it('leaves the history out unless asked, and exports without it when none was fetched', async () => {
    const id = await snapshotId()
    const plain = join(dir, 'plain.json')
    expect((await exporter(plain).export({ ids: [id], format: 'json' })).ok).toBe(true)
    expect(JSON.parse(await readFile(plain, 'utf8')).history).toBeUndefined()
    const none = join(dir, 'none.json')
    expect((await exporter(none).export({ ids: [id], format: 'json', includeHistory: true })).ok).toBe(true)
    expect(JSON.parse(await readFile(none, 'utf8')).history).toBeUndefined()
  })
})
