/**
 * The IPC contract: every request channel with its argument and result type, and every event the
 * main process pushes. Main, preload and renderer are all typed from this file, and adding a
 * channel means changing it first. It holds no runtime dependencies so the sandboxed preload stays
 * tiny; the argument validators live in `contract-schemas.ts` and are checked against these types.
 */
import type { AppError, Result } from '../errors'
import type { HistoryFetch } from '../history/history-types'
import type { TimelinePoint } from '../history/timeline'
import type { Recording, RecordingSummary } from '../live/recording-types'
import type { LiveFrame, StreamStatus } from '../live/stream-status'
import type { ProfilesState } from '../profile-types'
import type { RunbookEscalationInput, RunbookSessionList, RunbookStartInput, RunbookStepInput } from '../runbooks/runbook-requests'
import type { RunbookSession } from '../runbooks/runbook-session'
import type { ReportExportOutcome, ReportRequest } from '../reports/report-types'
import type { Snapshot, SnapshotDraft, SnapshotList } from '../snapshot-types'
import type { Device, Site } from '../tellus/schemas'
import type { RecordDeviceSearch, RecordSearchDays } from '../visits/charging-record-devices'
import type { PrepareProgress, PrepareScope, TriageBoard, Visit, VisitChange, VisitInput, VisitList, WorkListAddition, WorkListChange } from '../visits/visit-types'

/** What the app reports about itself (shown in the About panel and the status bar). */
export interface AppInfo {
  name: string
  version: string
  platform: string
  arch: string
  versions: { electron: string | null; chrome: string | null; node: string }
  paths: { userData: string; snapshots: string; logs: string }
}

export interface ProfileInput {
  name: string
  baseUrl: string
  clientId: string
  clientSecret: string
}

export interface ProfileUpdate {
  id: string
  name?: string
  baseUrl?: string
  clientId?: string
  /** Only when the technician typed a new one; omitted means "keep the stored secret". */
  clientSecret?: string
}

/**
 * A new profile for a client secret the keychain still holds after its profile was lost. The secret
 * never leaves main; the keychain does not record which server it was entered for, so the
 * technician confirms that `baseUrl` is that server before the secret is sent there to be checked.
 */
export interface ProfileRelink {
  /** The keychain account (an `UnlinkedSecret`). */
  account: string
  name: string
  baseUrl: string
  clientId: string
  originConfirmed: true
}

/**
 * A device fetch: live from the API and kept as a snapshot (`saved: true`), live but not kept
 * (`saved: false`: a draft without an id, and the storage error), or the newest snapshot when the
 * network let us down (with the error that caused the fallback). A live fetch carries `device`, the
 * payload as the client parsed it (once): the renderer shows it without parsing `snapshot.data` again.
 */
export type DeviceFetch =
  | { source: 'live'; saved: true; snapshot: Snapshot; device: Device }
  | { source: 'live'; saved: false; snapshot: SnapshotDraft; device: Device; storageError: AppError }
  | { source: 'offline'; snapshot: Snapshot; error: AppError }

/** One charger of the demo fleet, for the start screen. */
export interface DemoDevice {
  deviceId: string
  model: string
  siteId: string
}

export interface SnapshotQuery {
  deviceId?: string
  siteId?: string
  limit?: number
}

export type SnapshotDeletion = { scope: 'one'; id: string } | { scope: 'device'; deviceId: string } | { scope: 'all' }

export interface SnapshotExportRequest {
  /** One id exports a snapshot; two export a comparison (older first). */
  ids: [string] | [string, string]
  format: 'json' | 'html'
  /** Adds the device's charging history kept on disk (patterns, sessions with VINs shortened). */
  includeHistory?: boolean
}

export type ExportOutcome = { saved: true; path: string } | { saved: false }

export interface RecordingExportRequest {
  id: string
  /** CSV: one row per connector per frame, for spreadsheets; JSON: the whole recording. */
  format: 'csv' | 'json'
}

export interface Settings {
  /** Snapshots kept per device, newest first. */
  snapshotRetention: number
}

/** Request channels: method name on the exposed API → channel, argument and result. */
export interface IpcContract {
  getAppInfo: { channel: 'app:get-info'; args: void; result: AppInfo }
  /** The "Copy diagnostics" text for support (versions, paths, keychain state, recent log lines). */
  getDiagnostics: { channel: 'app:get-diagnostics'; args: void; result: string }
  /** Opens the folder of the log file in the system file manager. */
  openLogsFolder: { channel: 'app:open-logs-folder'; args: void; result: void }
  /** Puts text on the system clipboard through main (the renderer has no clipboard permission). */
  writeClipboard: { channel: 'clipboard:write-text'; args: { text: string }; result: void }
  listProfiles: { channel: 'profiles:list'; args: void; result: ProfilesState }
  addProfile: { channel: 'profiles:add'; args: ProfileInput; result: ProfilesState }
  updateProfile: { channel: 'profiles:update'; args: ProfileUpdate; result: ProfilesState }
  removeProfile: { channel: 'profiles:remove'; args: { id: string }; result: ProfilesState }
  activateProfile: { channel: 'profiles:activate'; args: { id: string }; result: ProfilesState }
  signOut: { channel: 'profiles:sign-out'; args: void; result: ProfilesState }
  /** Recreates a lost profile around a client secret still in the keychain. */
  relinkProfile: { channel: 'profiles:relink'; args: ProfileRelink; result: ProfilesState }
  /** Deletes a keychain entry that no profile uses. */
  forgetUnlinkedSecret: { channel: 'profiles:forget-unlinked'; args: { account: string }; result: ProfilesState }
  /** Hides the damaged-profiles-file notice for the rest of the session. */
  dismissProfilesNotice: { channel: 'profiles:dismiss-notice'; args: void; result: ProfilesState }
  fetchDevice: { channel: 'devices:fetch'; args: { deviceId: string }; result: DeviceFetch }
  listSites: { channel: 'sites:list'; args: void; result: Site[] }
  /** Device ids of the built-in demo fleet (the API has no "list devices" endpoint). */
  listDemoDevices: { channel: 'demo:list-devices'; args: void; result: DemoDevice[] }
  listSnapshots: { channel: 'snapshots:list'; args: SnapshotQuery; result: SnapshotList }
  getSnapshot: { channel: 'snapshots:get'; args: { id: string }; result: Snapshot }
  deleteSnapshots: { channel: 'snapshots:delete'; args: SnapshotDeletion; result: { deleted: number } }
  exportSnapshots: { channel: 'snapshots:export'; args: SnapshotExportRequest; result: ExportOutcome }
  getSettings: { channel: 'settings:get'; args: void; result: Settings }
  updateSettings: { channel: 'settings:update'; args: Partial<Settings>; result: Settings }
  listVisits: { channel: 'visits:list'; args: void; result: VisitList }
  createVisit: { channel: 'visits:create'; args: VisitInput; result: Visit }
  updateVisit: { channel: 'visits:update'; args: VisitChange; result: Visit }
  addVisitDevices: { channel: 'visits:add-devices'; args: WorkListAddition; result: WorkListChange }
  removeVisitDevice: { channel: 'visits:remove-device'; args: { id: string; deviceId: string }; result: Visit }
  /** The triage board, from snapshots on disk only (works offline). */
  getVisitBoard: { channel: 'visits:board'; args: { id: string }; result: TriageBoard }
  /**
   * Starts preparing a visit for offline use (with each charger's charging history when `withHistory`;
   * left out, the visit's last choice); progress follows as `visits:prepare-progress` events.
   */
  prepareVisit: { channel: 'visits:prepare'; args: { id: string; scope: PrepareScope; withHistory?: boolean }; result: PrepareProgress }
  cancelPrepareVisit: { channel: 'visits:cancel-prepare'; args: { id: string }; result: PrepareProgress }
  getPrepareProgress: { channel: 'visits:prepare-progress'; args: { id: string }; result: PrepareProgress }
  /** The chargers named in the operator's charging records of the last `days` (no device id needed), for a work list. */
  findRecordDevices: { channel: 'visits:record-devices'; args: { days: RecordSearchDays }; result: RecordDeviceSearch }
  /** Charging records of a device over the last `days` (every page), kept for offline use. */
  fetchHistory: { channel: 'history:fetch'; args: { deviceId: string; days: number }; result: HistoryFetch }
  /** The device's snapshots on one time axis (newest TIMELINE_MAX_POINTS). */
  getTimeline: { channel: 'history:timeline'; args: { deviceId: string }; result: TimelinePoint[] }
  /** Adds a watch on a device's live telemetry (a device view or visit is open); release with unwatchDevice. */
  watchDevice: { channel: 'live:watch'; args: { deviceId: string }; result: StreamStatus }
  unwatchDevice: { channel: 'live:unwatch'; args: { deviceId: string }; result: StreamStatus }
  /** The window became visible or hidden (hidden for over a minute stops the stream). */
  setWindowVisible: { channel: 'live:window-visible'; args: { visible: boolean }; result: StreamStatus }
  startRecording: { channel: 'recordings:start'; args: { deviceId: string }; result: RecordingSummary }
  stopRecording: { channel: 'recordings:stop'; args: { deviceId: string }; result: RecordingSummary }
  /** A device's recordings, newest first (a running one included). */
  listRecordings: { channel: 'recordings:list'; args: { deviceId: string }; result: RecordingSummary[] }
  getRecording: { channel: 'recordings:get'; args: { id: string }; result: Recording }
  deleteRecording: { channel: 'recordings:delete'; args: { id: string }; result: { deleted: number } }
  exportRecording: { channel: 'recordings:export'; args: RecordingExportRequest; result: ExportOutcome }
  /** Saved runbook sessions (of a visit and/or a charger), most recently updated first. */
  listRunbookSessions: { channel: 'runbooks:list'; args: { visitId?: string; deviceId?: string }; result: RunbookSessionList }
  /** Resumes the open session of this runbook on this charger (same visit), or starts one; an automatic first step is checked. */
  startRunbook: { channel: 'runbooks:start'; args: RunbookStartInput; result: RunbookSession }
  /** Runs the current automatic step's check again (live fetch, else the newest snapshot). */
  recheckRunbookStep: { channel: 'runbooks:recheck'; args: { sessionId: string; stepId: string }; result: RunbookSession }
  /** Completes the current step (tick, answer or own reading) and moves along the runbook's branch. */
  completeRunbookStep: { channel: 'runbooks:complete-step'; args: RunbookStepInput; result: RunbookSession }
  /** Escalates to L2 with what the runbook says to attach. */
  escalateRunbook: { channel: 'runbooks:escalate'; args: RunbookEscalationInput; result: RunbookSession }
  /** The work-order report of a visit or a charger, saved as PDF, HTML and JSON side by side (one save dialog). */
  exportReport: { channel: 'reports:export'; args: ReportRequest; result: ReportExportOutcome }
}

export type ApiMethod = keyof IpcContract
export type Channel = IpcContract[ApiMethod]['channel']
export type ArgsOf<M extends ApiMethod> = IpcContract[M]['args']
export type ResultOf<M extends ApiMethod> = IpcContract[M]['result']

/** The channel of every method; the preload builds the exposed API from this map. */
export const CHANNELS: { [M in ApiMethod]: IpcContract[M]['channel'] } = {
  getAppInfo: 'app:get-info',
  getDiagnostics: 'app:get-diagnostics',
  openLogsFolder: 'app:open-logs-folder',
  writeClipboard: 'clipboard:write-text',
  listProfiles: 'profiles:list',
  addProfile: 'profiles:add',
  updateProfile: 'profiles:update',
  removeProfile: 'profiles:remove',
  activateProfile: 'profiles:activate',
  signOut: 'profiles:sign-out',
  relinkProfile: 'profiles:relink',
  forgetUnlinkedSecret: 'profiles:forget-unlinked',
  dismissProfilesNotice: 'profiles:dismiss-notice',
  fetchDevice: 'devices:fetch',
  listSites: 'sites:list',
  listDemoDevices: 'demo:list-devices',
  listSnapshots: 'snapshots:list',
  getSnapshot: 'snapshots:get',
  deleteSnapshots: 'snapshots:delete',
  exportSnapshots: 'snapshots:export',
  getSettings: 'settings:get',
  updateSettings: 'settings:update',
  listVisits: 'visits:list',
  createVisit: 'visits:create',
  updateVisit: 'visits:update',
  addVisitDevices: 'visits:add-devices',
  removeVisitDevice: 'visits:remove-device',
  getVisitBoard: 'visits:board',
  prepareVisit: 'visits:prepare',
  cancelPrepareVisit: 'visits:cancel-prepare',
  getPrepareProgress: 'visits:prepare-progress',
  findRecordDevices: 'visits:record-devices',
  fetchHistory: 'history:fetch',
  getTimeline: 'history:timeline',
  watchDevice: 'live:watch',
  unwatchDevice: 'live:unwatch',
  setWindowVisible: 'live:window-visible',
  startRecording: 'recordings:start',
  stopRecording: 'recordings:stop',
  listRecordings: 'recordings:list',
  getRecording: 'recordings:get',
  deleteRecording: 'recordings:delete',
  exportRecording: 'recordings:export',
  listRunbookSessions: 'runbooks:list',
  startRunbook: 'runbooks:start',
  recheckRunbookStep: 'runbooks:recheck',
  completeRunbookStep: 'runbooks:complete-step',
  escalateRunbook: 'runbooks:escalate',
  exportReport: 'reports:export',
}

/** Events pushed from main to the renderer. */
export interface IpcEvents {
  /** The client is holding a request back to stay under the Tellus rate limits. */
  'client:pacing': { waitMs: number; reason: 'reads' | 'token' | 'retry' }
  /** A visit's preparation moved on (a charger started, finished or failed; the run ended). */
  'visits:prepare-progress': PrepareProgress
  /** The live stream's state changed (or it dropped a malformed frame). */
  'live:status': StreamStatus
  /** A validated telemetry frame of a watched device. */
  'live:frame': LiveFrame
  /** A recording started or ended (also when a bound ended it). */
  'recordings:changed': RecordingSummary
}
export type EventName = keyof IpcEvents
export const EVENT_NAMES: readonly EventName[] = ['client:pacing', 'visits:prepare-progress', 'live:status', 'live:frame', 'recordings:changed']

/** The API the preload exposes on `window.tellus`. Every call resolves to a `Result`, never throws. */
export type TellusApi = {
  [M in ApiMethod]: ArgsOf<M> extends void ? () => Promise<Result<ResultOf<M>>> : (args: ArgsOf<M>) => Promise<Result<ResultOf<M>>>
} & {
  /** Subscribes to a main-process event; returns the unsubscribe function. */
  on<E extends EventName>(event: E, listener: (payload: IpcEvents[E]) => void): () => void
}
