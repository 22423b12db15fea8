import type { StateCreator } from 'zustand'
import type { AppError, Result } from '@common/errors'
import type { TellusApi } from '@common/ipc/contract'
import type { QuarantinedFile } from '@common/quarantined-file'
import { DEFAULT_RECORD_SEARCH_DAYS, type RecordDeviceSearch, type RecordSearchDays } from '@common/visits/charging-record-devices'
import type {
  PrepareProgress,
  PrepareScope,
  TriageBoard,
  TriageRow,
  Visit,
  VisitChange,
  VisitDeviceOrigin,
  VisitInput,
  VisitSummary,
  WorkListChange,
} from '@common/visits/visit-types'
import type { AppState } from './app-state'

/** Loading state of the visit list and of the open visit's board. */
export type LoadStatus = 'idle' | 'loading' | 'loaded' | 'error'

/** The latest search of the charging records for chargers (operator-wide, so shared by every visit). */
export interface RecordSearchState {
  status: LoadStatus
  days: RecordSearchDays
  result: RecordDeviceSearch | null
  error: AppError | null
}

/** Site visits: the list, the open visit's triage board, and preparation progress pushed by main. */
export interface VisitsSlice {
  visitList: VisitSummary[]
  visitsStatus: LoadStatus
  visitsError: AppError | null
  quarantinedVisits: QuarantinedFile[]
  /** The visit whose board is shown; null shows the list. */
  openVisitId: string | null
  board: TriageBoard | null
  boardStatus: LoadStatus
  boardError: AppError | null
  /** The latest progress of each visit's preparation, by visit id. */
  prepareProgress: Record<string, PrepareProgress>
  /** When each visit's latest progress arrived (epoch ms), to count its time left down. */
  prepareProgressAt: Record<string, number>
  /** An error starting or cancelling a preparation. */
  prepareError: AppError | null
  recordSearch: RecordSearchState
  loadVisits: () => Promise<void>
  createVisit: (input: VisitInput) => Promise<Result<Visit>>
  updateVisit: (change: VisitChange) => Promise<Result<Visit>>
  /** Shows a visit's board (loads it and the progress of its preparation). */
  openVisit: (id: string) => Promise<void>
  closeVisit: () => void
  /** Reloads the open visit's board from disk (works offline). */
  loadBoard: () => Promise<void>
  addDevicesToVisit: (deviceIds: string[], origin: VisitDeviceOrigin) => Promise<Result<WorkListChange>>
  removeDeviceFromVisit: (deviceId: string) => Promise<Result<Visit>>
  /** Looks for chargers in the charging records of the last `days` (a few paced reads). */
  searchRecordDevices: (days: RecordSearchDays) => Promise<void>
  /** Prepares the open visit; `withHistory` fetches each charger's charging history too. */
  prepareOpenVisit: (scope: PrepareScope, withHistory: boolean) => Promise<void>
  cancelPrepare: () => Promise<void>
  /** Opens a board row's newest snapshot in the device view. */
  openBoardRow: (row: TriageRow) => Promise<void>
  /** Compares a row's prepared ("before") snapshot with its later ("after") one. */
  compareBeforeAfter: (row: TriageRow) => Promise<void>
}

/** Creates the visits slice; listens to preparation progress for the store's lifetime. */
export const createVisitsSlice =
  (api: TellusApi): StateCreator<AppState, [], [], VisitsSlice> =>
  (set, get) => {
    let boardTicket = 0
    const remember = (progress: PrepareProgress) =>
      set((state) => ({
        prepareProgress: { ...state.prepareProgress, [progress.visitId]: progress },
        prepareProgressAt: { ...state.prepareProgressAt, [progress.visitId]: Date.now() },
      }))

    api.on('visits:prepare-progress', (progress) => {
      const previous = get().prepareProgress[progress.visitId]
      remember(progress)
      // The board follows each finished charger or history, and the end of the run.
      const tally = (p: PrepareProgress | undefined) => (p ? [p.status, p.done, p.failed, p.history?.done, p.history?.failed].join() : null)
      const moved = tally(previous) !== tally(progress)
      if (moved && get().openVisitId === progress.visitId) void get().loadBoard()
      if (progress.status !== 'running') void get().loadVisits()
    })

    const afterChange = async (result: Result<unknown>) => {
      if (result.ok) await Promise.all([get().loadBoard(), get().loadVisits()])
    }

    return {
      visitList: [],
      visitsStatus: 'idle',
      visitsError: null,
      quarantinedVisits: [],
      openVisitId: null,
      board: null,
      boardStatus: 'idle',
      boardError: null,
      prepareProgress: {},
      prepareProgressAt: {},
      prepareError: null,
      recordSearch: { status: 'idle', days: DEFAULT_RECORD_SEARCH_DAYS, result: null, error: null },

      loadVisits: async () => {
        if (get().visitsStatus !== 'loaded') set({ visitsStatus: 'loading' })
        const result = await api.listVisits()
        if (!result.ok) return set({ visitsStatus: 'error', visitsError: result.error })
        set((state) => ({
          visitsStatus: 'loaded',
          visitsError: null,
          visitList: result.value.visits,
          quarantinedVisits: [...state.quarantinedVisits, ...result.value.quarantined],
        }))
      },

      createVisit: async (input) => {
        const result = await api.createVisit(input)
        if (result.ok) {
          await get().loadVisits()
          await get().openVisit(result.value.id)
        }
        return result
      },

      updateVisit: async (change) => {
        const result = await api.updateVisit(change)
        await afterChange(result)
        return result
      },

      openVisit: async (id) => {
        set({ openVisitId: id, board: null, boardStatus: 'idle', boardError: null, prepareError: null })
        const [progress] = await Promise.all([api.getPrepareProgress({ id }), get().loadBoard()])
        if (progress.ok) remember(progress.value)
      },

      closeVisit: () => set({ openVisitId: null, board: null, boardStatus: 'idle', boardError: null }),

      loadBoard: async () => {
        const id = get().openVisitId
        if (!id) return
        const ticket = ++boardTicket
        if (get().board?.visit.id !== id) set({ boardStatus: 'loading' })
        const result = await api.getVisitBoard({ id })
        if (ticket !== boardTicket || get().openVisitId !== id) return
        set(result.ok ? { board: result.value, boardStatus: 'loaded', boardError: null } : { boardStatus: 'error', boardError: result.error })
      },

      addDevicesToVisit: async (deviceIds, origin) => {
        const id = get().openVisitId
        if (!id) return { ok: false, error: { kind: 'invalid-input', message: 'Open a visit first.' } }
        const result = await api.addVisitDevices({ id, deviceIds, origin })
        await afterChange(result)
        return result
      },

      removeDeviceFromVisit: async (deviceId) => {
        const id = get().openVisitId
        if (!id) return { ok: false, error: { kind: 'invalid-input', message: 'Open a visit first.' } }
        const result = await api.removeVisitDevice({ id, deviceId })
        await afterChange(result)
        return result
      },

      searchRecordDevices: async (days) => {
        set((state) => ({ recordSearch: { ...state.recordSearch, status: 'loading', days, error: null } }))
        const result = await api.findRecordDevices({ days })
        set((state) => ({
          recordSearch: result.ok
            ? { status: 'loaded', days, result: result.value, error: null }
            : { status: 'error', days, result: state.recordSearch.result, error: result.error },
        }))
      },

      prepareOpenVisit: async (scope, withHistory) => {
        const id = get().openVisitId
        if (!id) return
        set({ prepareError: null })
        const result = await api.prepareVisit({ id, scope, withHistory })
        if (result.ok) remember(result.value)
        else set({ prepareError: result.error })
      },

      cancelPrepare: async () => {
        const id = get().openVisitId
        if (!id) return
        const result = await api.cancelPrepareVisit({ id })
        if (result.ok) remember(result.value)
        else set({ prepareError: result.error })
      },

      openBoardRow: async (row) => {
        if (row.snapshotId) await get().openStoredSnapshot(row.snapshotId)
      },

      compareBeforeAfter: async (row) => {
        const visit = get().board?.visit
        if (row.beforeSnapshotId && row.afterSnapshotId) {
          await get().startComparison([row.beforeSnapshotId, row.afterSnapshotId], visit ? { visitId: visit.id, name: visit.name } : undefined)
        }
      },
    }
  }
