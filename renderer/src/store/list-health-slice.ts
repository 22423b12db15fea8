import type { StateCreator } from 'zustand'
import type { TellusApi } from '@common/ipc/contract'
import type { SnapshotHealth } from '@common/snapshots/snapshot-health'
import type { AppState } from './app-state'

/** A snapshot's health as a list knows it: being read, read, or not readable from the store. */
export type ListHealth = { status: 'loading' } | { status: 'loaded'; health: SnapshotHealth } | { status: 'error' }

/** The worst finding of stored snapshots, for the marks in recent devices and demo chargers. */
export interface ListHealthSlice {
  /** By snapshot id. A snapshot never changes, so an entry is computed once. */
  healthBySnapshotId: Record<string, ListHealth>
  /** Reads the snapshots not known yet and judges each at its fetch time (snapshotHealth). */
  ensureSnapshotHealth: (snapshotIds: readonly string[]) => Promise<void>
}

/** Creates the list-health slice: stored snapshots are read through the preload API, one at a time. */
export const createListHealthSlice =
  (api: TellusApi): StateCreator<AppState, [], [], ListHealthSlice> =>
  (set, get) => {
    const record = (id: string, entry: ListHealth) => set({ healthBySnapshotId: { ...get().healthBySnapshotId, [id]: entry } })
    return {
      healthBySnapshotId: {},
      ensureSnapshotHealth: async (snapshotIds) => {
        const known = get().healthBySnapshotId
        const missing = [...new Set(snapshotIds)].filter((id) => known[id] === undefined || known[id].status === 'error')
        if (missing.length === 0) return
        set({ healthBySnapshotId: { ...known, ...Object.fromEntries(missing.map((id) => [id, { status: 'loading' } as const])) } })
        // The diagnostics load with the first health asked for, not with the first screen.
        const { snapshotHealth } = await import('@common/snapshots/snapshot-health')
        for (const id of missing) {
          const result = await api.getSnapshot({ id })
          record(id, result.ok ? { status: 'loaded', health: snapshotHealth(result.value) } : { status: 'error' })
        }
      },
    }
  }
