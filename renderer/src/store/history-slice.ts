import type { StateCreator } from 'zustand'
import type { AppError } from '@common/errors'
import { DEFAULT_HISTORY_RANGE_DAYS, type HistoryFetch, type HistoryRangeDays } from '@common/history/history-types'
import type { TimelinePoint } from '@common/history/timeline'
import type { TellusApi } from '@common/ipc/contract'
import type { RecordingSummary } from '@common/live/recording-types'
import type { AppState } from './app-state'

export type HistoryStatus = 'idle' | 'loading' | 'loaded' | 'error'

/** A device's charging history and snapshot timeline, as the history view shows them. */
export interface HistorySlice {
  /** The device whose history is open (null: none chosen yet). */
  historyDeviceId: string | null
  historyDays: HistoryRangeDays
  historyStatus: HistoryStatus
  /** The last fetch: live or the offline copy (kept while a new fetch runs). */
  history: HistoryFetch | null
  historyError: AppError | null
  /** The session picked in the table, by record id. */
  selectedRecordId: string | null
  timeline: TimelinePoint[]
  /** The device's recordings of test charges, shown on the same time axis. */
  timelineRecordings: RecordingSummary[]
  timelineError: AppError | null
  /** Up to two timeline points (snapshot ids) picked for a comparison. */
  timelinePicks: string[]
  /** Opens the history view for a device and fetches its history and timeline. */
  openHistory: (deviceId: string) => Promise<void>
  /** Fetches the open device's history again (optionally over another range). */
  loadHistory: (days?: HistoryRangeDays) => Promise<void>
  selectRecord: (recordId: string | null) => void
  /** Picks or unpicks a timeline point; a third pick replaces the older of the two. */
  toggleTimelinePick: (snapshotId: string) => void
}

/** Creates the history slice. A fetch overtaken by a newer one (another device or range) is dropped. */
export const createHistorySlice =
  (api: TellusApi): StateCreator<AppState, [], [], HistorySlice> =>
  (set, get) => {
    let ticket = 0
    const loadTimeline = async (deviceId: string) => {
      const [result, recordings] = await Promise.all([api.getTimeline({ deviceId }), api.listRecordings({ deviceId })])
      if (get().historyDeviceId !== deviceId) return
      set(result.ok ? { timeline: result.value, timelineError: null } : { timeline: [], timelineError: result.error })
      // Recordings are a bonus on the axis: without them the timeline still shows the snapshots.
      set({ timelineRecordings: recordings.ok ? recordings.value : [] })
    }
    return {
      historyDeviceId: null,
      historyDays: DEFAULT_HISTORY_RANGE_DAYS,
      historyStatus: 'idle',
      history: null,
      historyError: null,
      selectedRecordId: null,
      timeline: [],
      timelineRecordings: [],
      timelineError: null,
      timelinePicks: [],
      openHistory: async (deviceId) => {
        const sameDevice = get().historyDeviceId === deviceId
        set({ historyDeviceId: deviceId, ...(sameDevice ? {} : { history: null, selectedRecordId: null, timeline: [], timelineRecordings: [], timelinePicks: [] }) })
        get().setView('history')
        await Promise.all([get().loadHistory(), loadTimeline(deviceId)])
      },
      loadHistory: async (days) => {
        const deviceId = get().historyDeviceId
        if (!deviceId) return
        const range = days ?? get().historyDays
        const mine = ++ticket
        set({ historyDays: range, historyStatus: 'loading', historyError: null })
        const result = await api.fetchHistory({ deviceId, days: range })
        if (mine !== ticket) return
        if (result.ok) set({ history: result.value, historyStatus: 'loaded', historyError: null })
        else set({ historyStatus: 'error', historyError: result.error, history: get().history?.history.deviceId === deviceId ? get().history : null })
      },
      selectRecord: (recordId) => set({ selectedRecordId: recordId }),
      toggleTimelinePick: (snapshotId) => {
        const picks = get().timelinePicks
        if (picks.includes(snapshotId)) set({ timelinePicks: picks.filter((id) => id !== snapshotId) })
        else set({ timelinePicks: [...picks, snapshotId].slice(-2) })
      },
    }
  }
