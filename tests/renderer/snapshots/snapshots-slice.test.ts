import { describe, expect, it } from 'vitest'
import { ok, type Result } from '@common/errors'
import type { SnapshotList } from '@common/snapshot-types'
import { createAppStore } from '@renderer/store/create-app-store'
import { createFakeApi, deferred } from '../support/fake-api'
import { deviceData, snapshotOf } from '../support/fixtures'
import { listed } from './support/render-view'

const a = snapshotOf(deviceData(), { id: 'a', fetchedAt: '2026-03-15T09:00:00Z' })
const b = snapshotOf(deviceData(), { id: 'b', fetchedAt: '2026-03-15T10:00:00Z' })

describe('snapshots slice', () => {
  it('drops a listing overtaken by a newer one', async () => {
    const slow = deferred<Result<SnapshotList>>()
    const fake = createFakeApi({ listSnapshots: () => slow.promise })
    const store = createAppStore(fake.api)
    const first = store.getState().loadSnapshots()
    fake.handlers.listSnapshots = () => ok({ items: [listed(b)], quarantined: [] })
    await store.getState().applySnapshotFilter({ deviceId: a.deviceId, siteId: '' })
    slow.resolve(ok({ items: [listed(a)], quarantined: [] }))
    await first
    expect(store.getState().snapshotItems.map((m) => m.id)).toEqual(['b'])
  })

  it('keeps reporting quarantined files across listings, once each, and drops vanished ids from the selection', async () => {
    const q = { file: 'x.json', movedTo: '/q/x.json', reason: 'bad' }
    const fake = createFakeApi({ listSnapshots: () => ok({ items: [listed(a), listed(b)], quarantined: [q] }) })
    const store = createAppStore(fake.api)
    await store.getState().loadSnapshots()
    store.getState().toggleSnapshotSelection('a')
    store.getState().toggleSnapshotSelection('b')
    fake.handlers.listSnapshots = () => ok({ items: [listed(b)], quarantined: [q] })
    await store.getState().loadSnapshots()
    expect(store.getState().quarantinedSnapshots).toEqual([q])
    expect(store.getState().selectedSnapshotIds).toEqual(['b'])
  })

  it('forgets the compared pair when one of it is deleted', async () => {
    const fake = createFakeApi({ getSnapshot: ({ id }) => ok(id === 'a' ? a : b), deleteSnapshots: () => ok({ deleted: 1 }) })
    const store = createAppStore(fake.api)
    await store.getState().startComparison(['b', 'a'])
    expect(store.getState().compareIds).toEqual(['a', 'b'])
    expect(store.getState().comparison.status).toBe('loaded')
    await store.getState().deleteSnapshots({ scope: 'one', id: 'a' })
    expect(store.getState().compareIds).toBeNull()
    expect(store.getState().comparison.status).toBe('idle')
  })

  it('keeps the view when opening a stored snapshot fails, and says why', async () => {
    const fake = createFakeApi()
    const store = createAppStore(fake.api)
    store.getState().setView('snapshots')
    await store.getState().openStoredSnapshot('nope')
    expect(store.getState().view).toBe('snapshots')
    expect(store.getState().openSnapshotError?.message).toBe('The fake API has no answer for getSnapshot (snapshots:get).')
  })
})
