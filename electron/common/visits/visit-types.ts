/**
 * Site visits: a named work list of chargers prepared at the depot (every charger fetched and kept
 * as a snapshot) so the visit is ready offline, then triaged on arrival. These types cross IPC.
 */
import type { DeviceId } from '../devices/device-id'
import type { AppError } from '../errors'
import type { QuarantinedFile } from '../quarantined-file'
import type { FindingReference, FindingSeverity } from '../diagnostics/finding'
import type { ReportFields } from '../reports/report-types'

/** Where a device on the work list came from. */
export type VisitDeviceOrigin = 'work-order' | 'recent' | 'charging-records'

/** One charger on a visit's work list and what the latest preparation did with it. */
export interface VisitDevice {
  /** Checked by `DeviceIdSchema` when it entered main (IPC or the visit file). */
  deviceId: DeviceId
  origin: VisitDeviceOrigin
  /** The snapshot the preparation saved: the "before" of the visit. */
  prepared?: { snapshotId: string; fetchedAt: string }
  /** Still to fetch in the current (or a cancelled / interrupted) preparation run. */
  queued?: boolean
  /** Why the latest preparation could not fetch this charger (cleared when it succeeds). */
  failure?: { error: AppError; at: string }
  /** Its charging history still to fetch in the current (or a stopped) run that includes history. */
  historyQueued?: boolean
  /** The charging history a preparation kept on disk (`history/`): when, and how many sessions. */
  history?: { fetchedAt: string; records: number }
  /** Why the latest preparation could not keep its charging history (cleared when it succeeds). */
  historyFailure?: { error: AppError; at: string }
}

/** What a preparation run is doing for one charger: its detail, or its charging history. */
export type PrepareStep = 'detail' | 'history'

/** How the latest preparation run ended (or that it is still running). */
export type PrepareRunStatus = 'running' | 'finished' | 'cancelled' | 'interrupted'

/** The latest preparation run of a visit. */
export interface PrepareRun {
  status: PrepareRunStatus
  startedAt: string
  endedAt?: string
  /** Why the run stopped early (network lost, signed out, app closed …), in words. */
  reason?: string
  /** The technician's choice: each charger's charging history is fetched too (kept for a resume). */
  withHistory?: boolean
}

/** A site visit as stored on disk. */
export interface Visit {
  id: string
  name: string
  site: string
  notes: string
  createdAt: string
  updatedAt: string
  archived: boolean
  devices: VisitDevice[]
  prepare?: PrepareRun
  /** The technician and work-order number last used on this visit's report. */
  reportFields?: ReportFields
}

/** What the technician types when creating or editing a visit. */
export interface VisitInput {
  name: string
  site: string
  notes: string
}

/** A visit in the list: no work list, just its counts. */
export interface VisitSummary {
  id: string
  name: string
  site: string
  createdAt: string
  archived: boolean
  deviceCount: number
  preparedCount: number
  failedCount: number
  prepare?: PrepareRun
}

/** What `visits:list` returns. */
export interface VisitList {
  visits: VisitSummary[]
  quarantined: QuarantinedFile[]
}

/** Progress of a preparation run, pushed while it runs and returned by start/cancel. */
export interface PrepareProgress {
  visitId: string
  status: PrepareRunStatus
  total: number
  done: number
  failed: number
  waiting: number
  /** The charger being fetched now, and which of its reads. */
  currentDeviceId: string | null
  currentStep: PrepareStep | null
  /** The run fetches charging history too; its counts (null when it does not). */
  withHistory: boolean
  history: { done: number; failed: number; waiting: number } | null
  /** Reads still to go: a detail per waiting charger, and per waiting history its measured pages (at least one). */
  readsLeft: number
  /** Time left by the client's pacing schedule for `readsLeft` plus the measured time per read (ms); null when idle. */
  etaMs: number | null
  reason?: string
}

/** One row of the triage board, computed from the newest snapshot of the charger. */
export interface TriageRow {
  deviceId: string
  /** The newest snapshot of this charger (on disk), or null: not ready offline. */
  snapshotId: string | null
  fetchedAt: string | null
  siteId: string | null
  model: string | null
  /** The device status as the API gave it. */
  status: string | null
  /** The worst finding's severity; null when there is no snapshot or no finding. */
  worst: FindingSeverity | null
  /** One line: the worst finding, the failure reason, or "No findings". */
  problem: string
  findingCount: number
  /** The prepared ("before") snapshot and a later one ("after"), when both exist. */
  beforeSnapshotId: string | null
  afterSnapshotId: string | null
  /** The latest preparation failed for this charger (the reason is the problem line when no snapshot). */
  failed: boolean
  /** Its charging history: kept offline by a preparation, failed (with the reason), or never asked for. */
  history: { state: 'kept'; fetchedAt: string; records: number } | { state: 'failed'; reason: string } | null
  /** The runbook of its most severe finding that names one (the board offers to open it). */
  runbook?: FindingReference
}

/** The triage board of a visit: the visit and its rows, worst first. */
export interface TriageBoard {
  visit: Visit
  rows: TriageRow[]
}

/** A change to a visit's name, site, notes or archived flag (fields left out stay as they are). */
export type VisitChange = Partial<VisitInput> & { id: string; archived?: boolean }

/** Chargers to put on a visit's work list. */
export interface WorkListAddition {
  id: string
  deviceIds: string[]
  origin: VisitDeviceOrigin
}

/** What adding chargers to a work list did. */
export interface WorkListChange {
  visit: Visit
  added: string[]
  /** Ids already on the list (not added twice). */
  alreadyListed: string[]
}

/** Which chargers a preparation fetches: all of them again, or those not prepared yet (resume, retry failed, new ones). */
export type PrepareScope = 'all' | 'remaining'
