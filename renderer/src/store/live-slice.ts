import type { StateCreator } from 'zustand'
import type { AppError } from '@common/errors'
import type { RecordingExportRequest, TellusApi } from '@common/ipc/contract'
import { followStates, type ConnectorStates } from '@common/live/connector-states'
import type { Recording, RecordingSummary } from '@common/live/recording-types'
import { NOT_WATCHING, type LiveFrame, type StreamStatus } from '@common/live/stream-status'
import { appendFrame, type SeriesByConnector } from '@renderer/views/device/live/chart-series'
import type { AppState } from './app-state'

/** What the renderer keeps of one watched device's stream. */
export interface LiveDevice {
  latest: LiveFrame
  states: ConnectorStates
  series: SeriesByConnector
}

/**
 * Live telemetry and recordings: the stream's status and each watched device's latest frame,
 * connector states and chart series (fed by main's `live:*` events), running recordings, each
 * device's recording list, and the recording open in the recording view.
 */
export interface LiveSlice {
  liveStatus: StreamStatus
  liveDevices: Readonly<Record<string, LiveDevice>>
  watchDevice: (deviceId: string) => Promise<void>
  unwatchDevice: (deviceId: string) => Promise<void>
  setWindowVisible: (visible: boolean) => Promise<void>
  /** Running recordings by device. */
  activeRecordings: Readonly<Record<string, RecordingSummary>>
  /** Each device's recordings, newest first. */
  recordingLists: Readonly<Record<string, RecordingSummary[]>>
  recordingError: AppError | null
  startRecording: (deviceId: string) => Promise<void>
  stopRecording: (deviceId: string) => Promise<void>
  loadRecordings: (deviceId: string) => Promise<void>
  deleteRecording: (summary: RecordingSummary) => Promise<void>
  exportRecording: (request: RecordingExportRequest) => Promise<void>
  /** The recording in the recording view (`null` while loading or after an error). */
  openRecording: Recording | null
  openRecordingError: AppError | null
  /** Loads a recording and switches to the recording view. */
  showRecording: (id: string) => Promise<void>
}

/** Creates the slice and routes main's live events into it. */
export const createLiveSlice = (api: TellusApi): StateCreator<AppState, [], [], LiveSlice> => (set, get) => {
  api.on('live:status', (status) => set({ liveStatus: status }))
  api.on('live:frame', (frame) => {
    const deviceId = frame.frame.device_id
    const before = get().liveDevices[deviceId]
    const device: LiveDevice = {
      latest: frame,
      states: followStates(before?.states ?? {}, frame.frame, frame.receivedAt),
      series: appendFrame(before?.series ?? {}, frame),
    }
    set({ liveDevices: { ...get().liveDevices, [deviceId]: device } })
  })
  api.on('recordings:changed', (summary) => {
    const { [summary.deviceId]: _ended, ...others } = get().activeRecordings
    set({ activeRecordings: summary.end ? others : { ...others, [summary.deviceId]: summary } })
    void get().loadRecordings(summary.deviceId)
  })
  const listOf = (deviceId: string) => get().recordingLists[deviceId] ?? []

  return {
    liveStatus: NOT_WATCHING,
    liveDevices: {},
    watchDevice: async (deviceId) => {
      const result = await api.watchDevice({ deviceId })
      if (result.ok) set({ liveStatus: result.value })
    },
    unwatchDevice: async (deviceId) => {
      const { [deviceId]: _dropped, ...others } = get().liveDevices
      set({ liveDevices: others })
      const result = await api.unwatchDevice({ deviceId })
      if (result.ok) set({ liveStatus: result.value })
    },
    setWindowVisible: async (visible) => {
      await api.setWindowVisible({ visible })
    },
    activeRecordings: {},
    recordingLists: {},
    recordingError: null,
    startRecording: async (deviceId) => {
      const result = await api.startRecording({ deviceId })
      if (!result.ok) return set({ recordingError: result.error })
      set({ recordingError: null, activeRecordings: { ...get().activeRecordings, [deviceId]: result.value } })
    },
    stopRecording: async (deviceId) => {
      const result = await api.stopRecording({ deviceId })
      set({ recordingError: result.ok ? null : result.error })
    },
    loadRecordings: async (deviceId) => {
      const result = await api.listRecordings({ deviceId })
      if (!result.ok) return set({ recordingError: result.error })
      set({ recordingLists: { ...get().recordingLists, [deviceId]: result.value } })
    },
    deleteRecording: async (summary) => {
      const result = await api.deleteRecording({ id: summary.id })
      if (!result.ok) return set({ recordingError: result.error })
      set({ recordingLists: { ...get().recordingLists, [summary.deviceId]: listOf(summary.deviceId).filter((item) => item.id !== summary.id) } })
    },
    exportRecording: async (request) => {
      const result = await api.exportRecording(request)
      set({ recordingError: result.ok ? null : result.error })
    },
    openRecording: null,
    openRecordingError: null,
    showRecording: async (id) => {
      set({ openRecording: null, openRecordingError: null, view: 'recording' })
      const result = await api.getRecording({ id })
      set(result.ok ? { openRecording: result.value } : { openRecordingError: result.error })
    },
  }
}
