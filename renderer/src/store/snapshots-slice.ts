import type { StateCreator } from 'zustand'
import type { AppError, Result } from '@common/errors'
import type {
  ExportOutcome,
  Settings,
  SnapshotDeletion,
  SnapshotExportRequest,
  TellusApi,
} from '@common/ipc/contract'
import type { QuarantinedSnapshot, Snapshot, SnapshotMeta } from '@common/snapshot-types'
import { RECENT_SNAPSHOTS_LIMIT } from '@common/snapshots/recent-snapshots'
import type { AppState } from './app-state'

/** The newest this many snapshots are listed (main answers it at start from its first page); a filter narrows the list to see older ones. */
export const SNAPSHOT_LIST_LIMIT = RECENT_SNAPSHOTS_LIMIT

/** The browse filter as typed; empty strings mean "any". */
export interface SnapshotFilter {
  deviceId: string
  siteId: string
}

/** The pair of snapshots shown in the compare view, loaded in full. */
export type Comparison =
  | { status: 'idle' }
  | { status: 'loading' }
  | { status: 'loaded'; older: Snapshot; newer: Snapshot }
  | { status: 'error'; error: AppError }

/** Offline snapshots: browsing, selecting a pair to compare, opening, deleting, exporting, retention. */
export interface SnapshotsSlice {
  snapshotFilter: SnapshotFilter
  snapshotsStatus: 'idle' | 'loading' | 'loaded' | 'error'
  /** Newest first, at most SNAPSHOT_LIST_LIMIT. */
  snapshotItems: SnapshotMeta[]
  /** Files the store could not read and moved aside while listing. */
  quarantinedSnapshots: QuarantinedSnapshot[]
  snapshotsError: AppError | null
  /** Ids ticked for comparison, in the order they were ticked. */
  selectedSnapshotIds: string[]
  /** The pair the compare view shows, older first. */
  compareIds: [string, string] | null
  /** The visit the comparison was opened from (its board's "Before / after"); null: from Snapshots. */
  compareFromVisit: { visitId: string; name: string } | null
  comparison: Comparison
  /** The snapshot being opened in the device view, if any. */
  openingSnapshotId: string | null
  openSnapshotError: AppError | null
  snapshotSettings: Settings | null
  snapshotSettingsError: AppError | null
  /** Sets the filter and lists again. */
  applySnapshotFilter: (filter: SnapshotFilter) => Promise<void>
  /** Lists with the current filter; a listing overtaken by a newer one is dropped. */
  loadSnapshots: () => Promise<void>
  toggleSnapshotSelection: (id: string) => void
  clearSnapshotSelection: () => void
  /** Loads a stored snapshot and shows it in the device view as an offline copy. */
  openStoredSnapshot: (id: string) => Promise<void>
  /** Shows two snapshots in the compare view (ordered older first) and loads them; `fromVisit` is where "Back" returns. */
  startComparison: (ids: [string, string], fromVisit?: { visitId: string; name: string }) => Promise<void>
  /** Leaves the compare view for where it was opened from: the visit, or Snapshots. */
  leaveComparison: () => void
  /** (Re)loads the pair in `compareIds`. */
  loadComparison: () => Promise<void>
  /** Deletes, then lists again and drops deleted ids from the selection. */
  deleteSnapshots: (deletion: SnapshotDeletion) => Promise<Result<{ deleted: number }>>
  /** Main shows the save dialog; `{saved:false}` means the technician cancelled. */
  exportSnapshots: (request: SnapshotExportRequest) => Promise<Result<ExportOutcome>>
  loadSnapshotSettings: () => Promise<void>
  saveSnapshotRetention: (snapshotRetention: number) => Promise<Result<Settings>>
}

/** The two ids ordered older first, using the listing's fetch times (unknown ones keep their order). */
export function orderOlderFirst(ids: [string, string], items: readonly SnapshotMeta[]): [string, string] {
  const [a, b] = ids
  const timeOf = (id: string) => items.find((m) => m.id === id)?.fetchedAt
  const ta = timeOf(a)
  const tb = timeOf(b)
  return ta !== undefined && tb !== undefined && Date.parse(tb) < Date.parse(ta) ? [b, a] : [a, b]
}

function mergeQuarantined(known: QuarantinedSnapshot[], fresh: QuarantinedSnapshot[]): QuarantinedSnapshot[] {
  const seen = new Set(known.map((q) => q.movedTo))
  return [...known, ...fresh.filter((q) => !seen.has(q.movedTo))]
}

/** Whether a deletion removes (or may remove) a snapshot of the pair being compared. */
function comparisonAffected(deletion: SnapshotDeletion, ids: [string, string] | null, comparison: Comparison): boolean {
  if (!ids) return false
  switch (deletion.scope) {
    case 'all':
      return true
    case 'one':
      return ids.includes(deletion.id)
    case 'device':
      return comparison.status !== 'loaded' || comparison.older.deviceId === deletion.deviceId
  }
}

/** Creates the snapshots slice around the preload API. */
export const createSnapshotsSlice =
  (api: TellusApi): StateCreator<AppState, [], [], SnapshotsSlice> =>
  (set, get) => {
    let listTicket = 0
    let compareTicket = 0
    return {
      snapshotFilter: { deviceId: '', siteId: '' },
      snapshotsStatus: 'idle',
      snapshotItems: [],
      quarantinedSnapshots: [],
      snapshotsError: null,
      selectedSnapshotIds: [],
      compareIds: null,
      compareFromVisit: null,
      comparison: { status: 'idle' },
      openingSnapshotId: null,
      openSnapshotError: null,
      snapshotSettings: null,
      snapshotSettingsError: null,

      applySnapshotFilter: async (filter) => {
        set({ snapshotFilter: filter })
        await get().loadSnapshots()
      },

      loadSnapshots: async () => {
        const ticket = ++listTicket
        const { deviceId, siteId } = get().snapshotFilter
        set({ snapshotsStatus: 'loading', snapshotsError: null })
        const result = await api.listSnapshots({
          ...(deviceId.trim() ? { deviceId: deviceId.trim() } : {}),
          ...(siteId.trim() ? { siteId: siteId.trim() } : {}),
          limit: SNAPSHOT_LIST_LIMIT,
        })
        if (ticket !== listTicket) return
        if (!result.ok) {
          set({ snapshotsStatus: 'error', snapshotsError: result.error })
          return
        }
        const listed = new Set(result.value.items.map((m) => m.id))
        set((state) => ({
          snapshotsStatus: 'loaded',
          snapshotItems: result.value.items,
          // Quarantine reports accumulate: a file is only reported by the listing that moved it.
          quarantinedSnapshots: mergeQuarantined(state.quarantinedSnapshots, result.value.quarantined),
          selectedSnapshotIds: state.selectedSnapshotIds.filter((id) => listed.has(id)),
        }))
      },

      toggleSnapshotSelection: (id) =>
        set((state) => ({
          selectedSnapshotIds: state.selectedSnapshotIds.includes(id)
            ? state.selectedSnapshotIds.filter((s) => s !== id)
            : [...state.selectedSnapshotIds, id],
        })),

      clearSnapshotSelection: () => set({ selectedSnapshotIds: [] }),

      openStoredSnapshot: async (id) => {
        set({ openingSnapshotId: id, openSnapshotError: null })
        const result = await api.getSnapshot({ id })
        if (get().openingSnapshotId !== id) return
        if (!result.ok) {
          set({ openingSnapshotId: null, openSnapshotError: result.error })
          return
        }
        set({ openingSnapshotId: null })
        get().openSnapshot(result.value)
        get().setView('device')
      },

      startComparison: async (ids, fromVisit) => {
        set({ compareIds: orderOlderFirst(ids, get().snapshotItems), compareFromVisit: fromVisit ?? null })
        get().setView('compare')
        await get().loadComparison()
      },

      leaveComparison: () => {
        const from = get().compareFromVisit
        if (from && get().openVisitId !== from.visitId) void get().openVisit(from.visitId)
        get().setView(from ? 'visits' : 'snapshots')
      },

      loadComparison: async () => {
        const ids = get().compareIds
        if (!ids) {
          set({ comparison: { status: 'idle' } })
          return
        }
        const ticket = ++compareTicket
        set({ comparison: { status: 'loading' } })
        const [first, second] = await Promise.all(ids.map((id) => api.getSnapshot({ id })))
        if (ticket !== compareTicket || !first || !second) return
        if (!first.ok) set({ comparison: { status: 'error', error: first.error } })
        else if (!second.ok) set({ comparison: { status: 'error', error: second.error } })
        else {
          // Order by the snapshots' own fetch times: the listing may not have held both ids.
          const [older, newer] =
            Date.parse(second.value.fetchedAt) < Date.parse(first.value.fetchedAt)
              ? [second.value, first.value]
              : [first.value, second.value]
          set({ compareIds: [older.id, newer.id], comparison: { status: 'loaded', older, newer } })
        }
      },

      deleteSnapshots: async (deletion) => {
        const result = await api.deleteSnapshots(deletion)
        if (!result.ok) return result
        const { comparison, compareIds } = get()
        if (comparisonAffected(deletion, compareIds, comparison)) set({ compareIds: null, comparison: { status: 'idle' } })
        await get().loadSnapshots()
        return result
      },

      exportSnapshots: (request) => api.exportSnapshots(request),

      loadSnapshotSettings: async () => {
        const result = await api.getSettings()
        if (result.ok) set({ snapshotSettings: result.value, snapshotSettingsError: null })
        else set({ snapshotSettingsError: result.error })
      },

      saveSnapshotRetention: async (snapshotRetention) => {
        const result = await api.updateSettings({ snapshotRetention })
        if (result.ok) set({ snapshotSettings: result.value, snapshotSettingsError: null })
        return result
      },
    }
  }
