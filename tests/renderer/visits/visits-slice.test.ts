/** The visits slice over a fake preload API: opening a visit, progress events, before/after, board filters. */
import { describe, expect, it } from 'vitest'
import { DeviceIdSchema } from '@common/devices/device-id'
import { ok } from '@common/errors'
import type { PrepareProgress, TriageBoard, TriageRow } from '@common/visits/visit-types'
import { createAppStore } from '@renderer/store/create-app-store'
import { filterRows, movedIndex, nextAttentionIndex, siteOptions, UNKNOWN_SITE } from '@renderer/views/visits/board-filter'
import { createFakeApi } from '../support/fake-api'
import { triageRow } from '../support/fixtures'

const VISIT_ID = 'v-20260501073000-abcdef'

const row = triageRow

function board(rows: TriageRow[]): TriageBoard {
  return {
    visit: { id: VISIT_ID, name: 'WO-1', site: '', notes: '', createdAt: '2026-05-01T07:30:00.000Z', updatedAt: '2026-05-01T07:30:00.000Z', archived: false, devices: rows.map((r) => ({ deviceId: DeviceIdSchema.parse(r.deviceId), origin: 'work-order' as const })) },
    rows,
  }
}

const progress = (extra: Partial<PrepareProgress>): PrepareProgress => ({ visitId: VISIT_ID, status: 'running', total: 2, done: 0, failed: 0, waiting: 2, currentDeviceId: null, currentStep: null, withHistory: false, history: null, readsLeft: 2, etaMs: 2_000, ...extra })

describe('visits slice', () => {
  it('opens a visit: loads its board and the progress of its preparation', async () => {
    const fake = createFakeApi({ getVisitBoard: () => ok(board([row('dvc_000000000001')])), getPrepareProgress: () => ok(progress({ status: 'finished', done: 1, waiting: 0, etaMs: null })) })
    const store = createAppStore(fake.api)
    await store.getState().openVisit(VISIT_ID)
    expect(store.getState().boardStatus).toBe('loaded')
    expect(store.getState().board?.rows).toHaveLength(1)
    expect(store.getState().prepareProgress[VISIT_ID]?.status).toBe('finished')
  })

  it('follows progress events: counts stored, the board reloaded when a charger is done, not on every event', async () => {
    const fake = createFakeApi({ getVisitBoard: () => ok(board([row('dvc_000000000001')])), getPrepareProgress: () => ok(progress({})) })
    const store = createAppStore(fake.api)
    await store.getState().openVisit(VISIT_ID)
    const loads = () => fake.callsOf('getVisitBoard').length
    const before = loads()
    fake.emit('visits:prepare-progress', progress({ currentDeviceId: 'dvc_000000000001' }))
    expect(loads()).toBe(before)
    fake.emit('visits:prepare-progress', progress({ done: 1, waiting: 1, currentDeviceId: 'dvc_000000000002' }))
    expect(loads()).toBe(before + 1)
    expect(store.getState().prepareProgress[VISIT_ID]).toMatchObject({ done: 1, waiting: 1 })
    expect(store.getState().prepareProgressAt[VISIT_ID]).toBeGreaterThan(0)
  })

  it('compares a row\'s before and after in one call, and opens its newest snapshot', async () => {
    const fake = createFakeApi({ getSnapshot: ({ id }) => ok({ schemaVersion: 1, id, deviceId: 'dvc_000000000001', fetchedAt: id.includes('0730') ? '2026-05-01T07:30:00.000Z' : '2026-05-01T09:00:00.000Z', profileId: 'p', profileName: 'P', baseUrl: 'https://x/v1', data: {} }) })
    const store = createAppStore(fake.api)
    const withAfter = row('dvc_000000000001', { beforeSnapshotId: 'dvc_000000000001~20260501T073000000Z-00abcdef', afterSnapshotId: 'dvc_000000000001~20260501T090000000Z-00abcdef' })
    await store.getState().compareBeforeAfter(withAfter)
    expect(store.getState().view).toBe('compare')
    expect(store.getState().compareIds).toEqual([withAfter.beforeSnapshotId, withAfter.afterSnapshotId])
    await store.getState().openBoardRow(withAfter)
    expect(store.getState().view).toBe('device')
    expect(store.getState().current?.source).toBe('snapshot')
  })
})

describe('board filter and keys', () => {
  const rows = [
    row('dvc_0000000000a1', { worst: 'critical', siteId: 'site_002' }),
    row('dvc_0000000000a2', { worst: 'info' }),
    row('dvc_0000000000a3', { snapshotId: null, siteId: null }),
    row('dvc_0000000000a4'),
  ]

  it('filters by site and severity, with chargers of no known site under their own label', () => {
    expect(filterRows(rows, { site: 'site_002', severity: '' }).map((r) => r.deviceId)).toEqual(['dvc_0000000000a1'])
    expect(filterRows(rows, { site: '', severity: 'none' }).map((r) => r.deviceId)).toEqual(['dvc_0000000000a3', 'dvc_0000000000a4'])
    expect(siteOptions(rows)).toEqual([UNKNOWN_SITE, 'site_001', 'site_002'].sort())
  })

  it('jumps to the next charger needing attention, wrapping round', () => {
    expect(nextAttentionIndex(rows, 0)).toBe(2)
    expect(nextAttentionIndex(rows, 2)).toBe(0)
    expect(nextAttentionIndex([row('dvc_0000000000b1')], 0)).toBe(-1)
  })

  it('moves with arrows, Home/End and pages, within the list', () => {
    expect(movedIndex('ArrowDown', 3, 4, 10)).toBe(3)
    expect(movedIndex('ArrowUp', 0, 4, 10)).toBe(0)
    expect(movedIndex('End', 0, 4, 10)).toBe(3)
    expect(movedIndex('PageDown', 0, 40, 10)).toBe(10)
    expect(movedIndex('x', 0, 4, 10)).toBeNull()
  })
})
