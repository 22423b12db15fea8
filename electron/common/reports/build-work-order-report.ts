/**
 * Assembles the work-order report from what was gathered: the visit (when there is one), each
 * charger's snapshots, recordings and runbook sessions, and what the technician typed. Pure: the
 * main process gathers, this decides. Notes, evidence and attachments pass through
 * `shortenVinsInText` (the technician's name and the work-order number are kept as typed).
 */
import { parseTimestamp } from '../format/timestamp'
import type { Visit } from '../visits/visit-types'
import { buildChargerReport, type ChargerSources } from './charger-report'
import { REPORT_FORMAT, REPORT_FORMAT_VERSION, type ReportCharger, type ReportFields, type ReportRunbook, type WorkOrderReport } from './report-types'
import { shortenVinsInText, shortenVinsOrNull } from './shorten-vins'

/** What the report is built from. */
export interface WorkOrderSources {
  scope: 'visit' | 'device'
  fields: ReportFields
  visit: Visit | null
  chargers: ChargerSources[]
  appVersion: string
  /** ISO 8601 time of the export. */
  generatedAt: string
}

function cleanRunbook(runbook: ReportRunbook): ReportRunbook {
  return {
    ...runbook,
    steps: runbook.steps.map((step) => ({ ...step, evidence: shortenVinsOrNull(step.evidence), note: shortenVinsOrNull(step.note) })),
    escalation: runbook.escalation
      ? { ...runbook.escalation, attachments: runbook.escalation.attachments.map(shortenVinsInText), note: shortenVinsOrNull(runbook.escalation.note) }
      : null,
  }
}

/** Times of work on site for one charger: later fetches, recordings, runbook steps (and the standalone "before"). */
function activityTimes(charger: ReportCharger, includeBefore: boolean): string[] {
  return [
    ...(includeBefore && charger.before ? [charger.before.fetchedAt] : []),
    ...(charger.after ? [charger.after.fetchedAt] : []),
    ...charger.recordings.flatMap((r) => [r.startedAt, ...(r.endedAt ? [r.endedAt] : [])]),
    ...charger.runbooks.flatMap((r) => [r.startedAt, r.updatedAt, ...r.steps.flatMap((s) => (s.at ? [s.at] : []))]),
  ]
}

/** First to last on-site activity; null when nothing was done on site yet. */
export function timeOnSite(chargers: readonly ReportCharger[], includeBefore: boolean): WorkOrderReport['timeOnSite'] {
  const times = chargers
    .flatMap((c) => activityTimes(c, includeBefore))
    .map((t) => ({ text: t, ms: parseTimestamp(t) }))
    .filter((t): t is { text: string; ms: number } => t.ms !== undefined)
    .sort((a, b) => a.ms - b.ms)
  const first = times[0]
  const last = times[times.length - 1]
  return first && last ? { start: first.text, end: last.text, durationMs: last.ms - first.ms } : null
}

/** The site line: the visit's site, else the chargers' site ids. */
function siteOf(visit: Visit | null, chargers: readonly ReportCharger[]): string {
  if (visit && visit.site.trim() !== '') return visit.site
  const sites = [...new Set(chargers.map((c) => c.siteId).filter((s): s is string => s !== null))]
  return sites.length > 0 ? sites.join(', ') : 'Not known'
}

/** Builds the report. */
export function buildWorkOrderReport(sources: WorkOrderSources): WorkOrderReport {
  const chargers = sources.chargers.map((c) => buildChargerReport({ ...c, runbooks: c.runbooks.map(cleanRunbook) }))
  const { visit } = sources
  const prepared = visit?.devices.flatMap((d) => (d.prepared ? [d.prepared.fetchedAt] : [])).sort()[0] ?? null
  return {
    format: REPORT_FORMAT,
    formatVersion: REPORT_FORMAT_VERSION,
    appVersion: sources.appVersion,
    generatedAt: sources.generatedAt,
    scope: sources.scope,
    technician: sources.fields.technician.trim(),
    workOrder: sources.fields.workOrder.trim(),
    site: siteOf(visit, chargers),
    visit: visit ? { id: visit.id, name: visit.name, notes: shortenVinsInText(visit.notes), createdAt: visit.createdAt, preparedAt: prepared } : null,
    timeOnSite: timeOnSite(chargers, visit === null),
    chargers,
  }
}
