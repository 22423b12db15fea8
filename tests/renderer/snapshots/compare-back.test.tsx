/** The compare view's back button says where it returns to: Snapshots, or the visit it was opened from (issue 17). */
import { cleanup, screen } from '@testing-library/react'
import { afterEach, expect, it } from 'vitest'
import { DeviceIdSchema } from '@common/devices/device-id'
import { ok } from '@common/errors'
import type { TriageBoard } from '@common/visits/visit-types'
import { CompareView } from '@renderer/views/snapshots/compare-view'
import { createFakeApi } from '../support/fake-api'
import { deviceData, snapshotOf } from '../support/fixtures'
import { renderView } from './support/render-view'

afterEach(cleanup)

const VISIT_ID = 'v-20260315090000-abcdef'
const before = snapshotOf(deviceData({ status: 'offline' }), { id: 's-before', fetchedAt: '2026-03-15T09:00:00Z' })
const after = snapshotOf(deviceData({ status: 'online' }), { id: 's-after', fetchedAt: '2026-03-15T11:00:00Z' })
const board: TriageBoard = {
  visit: { id: VISIT_ID, name: 'WO-48213 level -2', site: '', notes: '', createdAt: '2026-03-15T08:00:00Z', updatedAt: '2026-03-15T08:00:00Z', archived: false, devices: [{ deviceId: DeviceIdSchema.parse(before.deviceId), origin: 'work-order' }] },
  rows: [],
}
const fake = () => createFakeApi({ getSnapshot: ({ id }) => ok(id === 's-before' ? before : after), getVisitBoard: () => ok(board) })

it('opened from a visit\'s before / after, goes back to that visit and says so', async () => {
  const { store, user } = renderView(<CompareView />, fake())
  await store.getState().openVisit(VISIT_ID)
  await store.getState().compareBeforeAfter({ ...board.rows[0]!, deviceId: before.deviceId, beforeSnapshotId: 's-before', afterSnapshotId: 's-after' } as never)
  await user.click(await screen.findByRole('button', { name: '← Back to visit WO-48213 level -2' }))
  expect(store.getState().view).toBe('visits')
  expect(store.getState().openVisitId).toBe(VISIT_ID)
})

it('opened from Snapshots, goes back to Snapshots', async () => {
  const { store, user } = renderView(<CompareView />, fake())
  await store.getState().openVisit(VISIT_ID)
  await store.getState().compareBeforeAfter({ deviceId: before.deviceId, beforeSnapshotId: 's-before', afterSnapshotId: 's-after' } as never)
  await store.getState().startComparison(['s-before', 's-after'])
  await user.click(await screen.findByRole('button', { name: '← Back to snapshots' }))
  expect(store.getState().view).toBe('snapshots')
})
