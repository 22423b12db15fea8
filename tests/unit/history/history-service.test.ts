/**
 * The history service with real parts: the simulator over loopback HTTP (with a low read limit
 * where pacing matters), the real API client and a real history cache in a temp folder.
 */
import { mkdir, readdir, readFile, writeFile } from 'node:fs/promises'
import { join } from 'node:path'
import { afterEach, beforeEach, describe, expect, it } from 'vitest'
import { ok } from '@common/errors'
import { historyPatterns } from '@common/history/session-patterns'
import type { ActiveProfile } from '@main/services/client-registry'
import { HistoryCache } from '@main/history/history-cache'
import { HistoryService } from '@main/history/history-service'
import { TellusClient } from '@main/tellus/tellus-client'
import { useSimulators, type TestSimulator } from '../tellus/support'
import { asDeviceId } from '../../support/device-ids'
import { tempRoot } from '../../support/common-fixtures'

const FAULTING = asDeviceId('dvc_9e1d5b3a7f02')
const DC = asDeviceId('dvc_3f9a1c7e5b20')
const startSimulator = useSimulators()
let root: string
let cleanup: () => Promise<void>

beforeEach(async () => ({ root, cleanup } = await tempRoot('tellus-history-')))
afterEach(() => cleanup())

function setup(test: TestSimulator, extra = {}) {
  const profile: ActiveProfile = { id: 'prf_1', name: 'North depot', baseUrl: test.sim.baseUrl }
  const options = test.clientOptions(extra)
  const client = new TellusClient(options)
  const cache = new HistoryCache(root, test.time.now)
  const service = new HistoryService({ clients: { active: async () => ok({ profile, client }) }, cache, now: test.time.now })
  return { service, cache, waits: options.waits }
}

describe('HistoryService', () => {
  it('fetches every page of the range, newest first, and keeps it on disk', async () => {
    const test = await startSimulator({ readsPerMinute: 1000 })
    const { service, cache } = setup(test)
    const result = await service.fetchHistory(DC, 30)
    expect(result.ok).toBe(true)
    if (!result.ok || result.value.source !== 'live') throw new Error('expected a live history')
    const { history, pages } = result.value
    const gets = test.sim.control.requests().filter((r) => r.method === 'GET')
    expect(pages).toBe(gets.length)
    expect(pages).toBeGreaterThan(1)
    expect(history.records.length).toBeGreaterThan(100)
    expect(history.records.every((r) => r.device_id === DC)).toBe(true)
    const starts = history.records.map((r) => Date.parse(r.start_time))
    expect(starts).toEqual([...starts].sort((a, b) => b - a))
    expect(new Set(history.records.map((r) => r.record_id)).size).toBe(history.records.length)
    expect(history.range.days).toBe(30)
    expect(Date.parse(history.range.end) - Date.parse(history.range.start)).toBe(30 * 86_400_000)
    const cached = await cache.load(DC)
    expect(cached.ok && cached.value.history).toEqual(history)
  })

  it('fetches the pages within the client pacing: waits for its slots and never trips a 429', async () => {
    const test = await startSimulator({ readsPerMinute: 3 })
    const { service, waits } = setup(test, { pacer: { readsPerMinute: 3, registry: new (await import('@main/tellus/pacer')).PacerRegistry() } })
    const result = await service.fetchHistory(DC, 30)
    expect(result.ok && result.value.source).toBe('live')
    const statuses = test.sim.control.requests().filter((r) => r.method === 'GET').map((r) => r.status)
    expect(statuses.length).toBeGreaterThan(3)
    expect(statuses.every((s) => s === 200)).toBe(true)
    expect(waits.filter((w) => w.reason === 'reads').length).toBeGreaterThanOrEqual(1)
  })

  it('shows the failed-start pattern on the faulting demo connector', async () => {
    const test = await startSimulator({ readsPerMinute: 1000 })
    const { service } = setup(test)
    const result = await service.fetchHistory(FAULTING, 30)
    if (!result.ok) throw new Error(result.error.message)
    const findings = historyPatterns({ records: result.value.history.records, now: test.time.now(), rangeDays: 30 })
    expect(findings).toContainEqual(expect.objectContaining({ ruleId: 'history-short-sessions', connectorId: 1, severity: 'critical' }))
  })

  it('opens the kept history offline, with the error, when the API cannot be reached', async () => {
    const test = await startSimulator({ readsPerMinute: 1000 })
    const { service } = setup(test, { retry: { maxAttempts: 1 } })
    const live = await service.fetchHistory(DC, 7)
    expect(live.ok && live.value.source).toBe('live')
    await test.sim.close()
    const offline = await service.fetchHistory(DC, 7)
    expect(offline.ok && offline.value.source).toBe('offline')
    if (!offline.ok || offline.value.source !== 'offline') return
    expect(offline.value.error.kind).toBe('network')
    expect(live.ok && offline.value.history).toEqual(live.ok && live.value.history)
  })

  it('gives the plain error when the API cannot be reached and nothing was kept', async () => {
    const test = await startSimulator({ readsPerMinute: 1000 })
    const { service } = setup(test, { retry: { maxAttempts: 1 } })
    await test.sim.close()
    const result = await service.fetchHistory(DC, 7)
    expect(result).toMatchObject({ ok: false, error: { kind: 'network' } })
  })

  it('opens the kept history with the sign-in error when the credentials are rejected (the device view rule)', async () => {
    const test = await startSimulator({ readsPerMinute: 1000 })
    const { service } = setup(test)
    expect((await service.fetchHistory(DC, 7)).ok).toBe(true)
    const rejected = new HistoryService({
      clients: { active: async () => ok({ profile: { id: 'p', name: 'x', baseUrl: test.sim.baseUrl }, client: new TellusClient(test.clientOptions({ clientSecret: 'wrong-secret' })) }) },
      cache: new HistoryCache(root, test.time.now),
      now: test.time.now,
    })
    const result = await rejected.fetchHistory(DC, 7)
    expect(result).toMatchObject({ ok: true, value: { source: 'offline', error: { kind: 'auth' } } })
  })

  it('gives an empty live history for a device the records endpoint does not know', async () => {
    const test = await startSimulator({ readsPerMinute: 1000 })
    const { service } = setup(test)
    const result = await service.fetchHistory(asDeviceId('dvc_000000000000'), 7)
    expect(result.ok && result.value.source).toBe('live')
    expect(result.ok && result.value.history.records).toEqual([])
  })

  it('still shows a live history it could not keep, and says why', async () => {
    const test = await startSimulator({ readsPerMinute: 1000 })
    const { service } = setup(test)
    // A file where the history folder should be: every write into it fails.
    await writeFile(join(root, 'history'), 'not a folder')
    const result = await service.fetchHistory(DC, 7)
    expect(result.ok && result.value.source).toBe('live')
    if (!result.ok || result.value.source !== 'live') return
    expect(result.value.storageError).toMatchObject({ kind: 'storage' })
    expect(result.value.storageError?.message).toContain('history not kept for offline use')
  })
})

describe('HistoryCache', () => {
  const history = (deviceId: string) => ({
    schemaVersion: 1,
    deviceId,
    fetchedAt: '2026-05-01T10:00:00.000Z',
    range: { start: '2026-04-01T10:00:00.000Z', end: '2026-05-01T10:00:00.000Z', days: 30 },
    profileId: 'prf_1',
    profileName: 'North depot',
    baseUrl: 'https://api.example.com/v1',
    records: [{ record_id: 'rec_1', device_id: deviceId, connector_id: 1, start_time: '2026-04-30T10:00:00Z', end_time: '2026-04-30T11:00:00Z', energy: 7.1, vendor_extra: { kept: true } }],
    truncated: false,
  })

  it('round-trips a history, keeping fields the app does not know', async () => {
    const cache = new HistoryCache(root)
    expect((await cache.save(history(DC))).ok).toBe(true)
    const loaded = await cache.load(DC)
    expect(loaded.ok && loaded.value.history).toEqual(history(DC))
    expect(await readdir(join(root, 'history'))).toEqual([`${DC}.json`])
  })

  it('answers "none kept" for a device never fetched', async () => {
    expect(await new HistoryCache(root).load(DC)).toEqual(ok({ history: null }))
  })

  it.each([
    ['truncated JSON', '{"schemaVersion":1,"deviceId":'],
    ['another device in the file', JSON.stringify(history('dvc_000000000000'))],
    ['a record without its id', JSON.stringify({ ...history(DC), records: [{ device_id: DC }] })],
  ])('moves a damaged file aside and reports it (%s)', async (_label, contents) => {
    await mkdir(join(root, 'history'), { recursive: true })
    await writeFile(join(root, 'history', `${DC}.json`), contents)
    const loaded = await new HistoryCache(root, () => Date.parse('2026-05-01T10:00:00Z')).load(DC)
    expect(loaded.ok && loaded.value.history).toBeNull()
    const movedAside = loaded.ok ? loaded.value.movedAside : undefined
    expect(movedAside).toMatch(/\.json\.damaged-20260501T100000000Z$/)
    expect(await readFile(movedAside!, 'utf8')).toBe(contents)
    expect(await readdir(join(root, 'history'))).not.toContain(`${DC}.json`)
  })

  it('never writes outside its folder, whatever the id', async () => {
    const result = await new HistoryCache(root).save(history('../../etc/passwd'))
    expect(result).toMatchObject({ ok: false, error: { kind: 'invalid-input' } })
  })
})
