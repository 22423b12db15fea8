/**
 * The work-order report: what a technician hands in after a visit (or after working on one
 * charger): who and which work order, the site, each charger's state before and after, the
 * findings resolved and still open, the runbook steps walked, the test charges recorded, the
 * firmware verdict and the time on site. The same model is written as JSON for machines and drawn
 * as HTML and PDF for people. These types cross IPC (the request and the outcome) and are the JSON
 * file's shape.
 */
import type { FindingSeverity } from '../diagnostics/finding'
import type { VerdictState } from '../diagnostics/verdict'
import type { FirmwareStatus } from '../diagnostics/firmware'

/** Paper sizes the PDF is laid out for (the HTML prints on the same). */
export const REPORT_PAGE_SIZES = ['A4', 'Letter'] as const
export type ReportPageSize = (typeof REPORT_PAGE_SIZES)[number]

/** Longest technician name and work-order number (characters). */
export const REPORT_FIELD_LIMITS = { technician: 120, workOrder: 60 } as const

/** What the technician types on the report: remembered per visit. */
export interface ReportFields {
  technician: string
  workOrder: string
}

/** Which report: a whole visit, or one charger (inside a visit when `visitId` is given). */
export type ReportScope = { kind: 'visit'; visitId: string } | { kind: 'device'; deviceId: string; visitId: string | null }

/** What `reports:export` is asked for. */
export interface ReportRequest {
  scope: ReportScope
  fields: ReportFields
  pageSize: ReportPageSize
}

/** Where the three files went (same name, three extensions), or that the technician cancelled. */
export type ReportExportOutcome = { saved: true; paths: { html: string; pdf: string; json: string } } | { saved: false }

/** A finding as the report lists it. */
export interface ReportFinding {
  ruleId: string
  severity: FindingSeverity
  connectorId: number | null
  message: string
  action: string | null
}

/** One connector in one state (readings as the platform last had them; null when not reported). */
export interface ReportConnector {
  connectorId: number
  status: string | null
  powerKw: number | null
  temperatureC: number | null
  socPercent: number | null
}

/** A charger's state from one snapshot. */
export interface ReportChargerState {
  snapshotId: string
  fetchedAt: string
  /** Null when the stored payload could not be read (`problem` says why). */
  status: string | null
  verdict: VerdictState | null
  firmwareVersion: string | null
  connectors: ReportConnector[]
  problem: string | null
}

/** The firmware verdict of the charger's newest state. */
export interface ReportFirmware {
  version: string | null
  status: FirmwareStatus | 'missing'
  latest: string | null
  /** One or more sentences: where the version stands, and any known issue. */
  verdict: string
}

/** One series point of a recorded test charge: ms since the recording started. */
export interface ReportChartPoint {
  tMs: number
  powerKw: number | null
  socPercent: number | null
}

/** A recorded test charge, downsampled for the chart. */
export interface ReportRecording {
  id: string
  startedAt: string
  endedAt: string | null
  frames: number
  connectors: Array<{ connectorId: number; points: ReportChartPoint[] }>
}

/** One runbook step as the report lists it. */
export interface ReportRunbookStep {
  title: string
  kind: 'auto' | 'manual'
  outcome: string
  evidence: string | null
  evidenceAt: string | null
  usedOfflineCopy: boolean
  note: string | null
  at: string | null
}

/** One runbook walked on the charger. */
export interface ReportRunbook {
  sessionId: string
  runbookId: string
  title: string
  status: 'in-progress' | 'resolved' | 'escalated'
  startedAt: string
  updatedAt: string
  steps: ReportRunbookStep[]
  escalation: { at: string; attachments: string[]; note: string | null } | null
}

/** Everything the report says about one charger. */
export interface ReportCharger {
  deviceId: string
  model: string | null
  siteId: string | null
  /** The visit's prepared snapshot (or the first of the day's work standalone). */
  before: ReportChargerState | null
  /** The newest snapshot fetched after the "before"; null when there was no later fetch. */
  after: ReportChargerState | null
  findings: { resolved: ReportFinding[]; stillOpen: ReportFinding[]; appeared: ReportFinding[] }
  firmware: ReportFirmware | null
  recordings: ReportRecording[]
  runbooks: ReportRunbook[]
  /** Things the report could not show for this charger, in words. */
  notes: string[]
}

export const REPORT_FORMAT = 'tellus-field-work-order-report'
export const REPORT_FORMAT_VERSION = 1

/** The report (and the JSON file). */
export interface WorkOrderReport {
  format: typeof REPORT_FORMAT
  formatVersion: typeof REPORT_FORMAT_VERSION
  appVersion: string
  generatedAt: string
  scope: 'visit' | 'device'
  technician: string
  workOrder: string
  site: string
  visit: { id: string; name: string; notes: string; createdAt: string; preparedAt: string | null } | null
  /** First to last activity on site (fetches after preparing, recordings, runbook steps); null with none. */
  timeOnSite: { start: string; end: string; durationMs: number } | null
  chargers: ReportCharger[]
}
