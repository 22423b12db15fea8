/**
 * Patterns in a device's charging history, as findings a technician reads in one sentence:
 * - repeated very short sessions with almost no energy on one connector (the F-0421 /
 *   "stuck in Preparing" signature),
 * - a connector with no session for far longer than its siblings,
 * - sessions ending with the battery far below where it started on a unit that cannot discharge.
 * Figures marked "app's choice" are ours; the 3-in-7-days escalation comes from the runbook.
 */
import { formatDuration } from '../format/duration'
import { formatReading } from '../format/number'
import { parseTimestamp } from '../format/timestamp'
import type { Finding } from '../diagnostics/finding'
import { runbookReference } from '../diagnostics/references'
import type { ChargingRecord } from '../tellus/schemas'

const MINUTE = 60_000
const HOUR = 60 * MINUTE
const DAY = 24 * HOUR

/** A session shorter than this (app's choice) with less than SHORT_SESSION_MAX_KWH is a failed start. */
export const SHORT_SESSION_MAX_MS = 5 * MINUTE
/** Energy below which a short session delivered "almost nothing" (app's choice). */
export const SHORT_SESSION_MAX_KWH = 0.5
/** This many failed starts on one connector make a pattern (app's choice). */
export const SHORT_SESSION_PATTERN_COUNT = 3
/** The stuck-in-Preparing runbook escalates when it recurs 3 times in 7 days. */
export const SHORT_SESSION_ESCALATE = { count: 3, windowMs: 7 * DAY } as const
/** A connector is "silent" when its last session is this many times older than its siblings' (app's choice)… */
export const SILENT_CONNECTOR_RATIO = 4
/** …and at least this old (app's choice: one quiet day is normal). */
export const SILENT_CONNECTOR_MIN_MS = 2 * DAY
/** A battery ending this many percentage points below its start is "far below" (app's choice). */
export const SOC_DROP_MIN_POINTS = 10

export interface HistoryContext {
  /** Records of the range, any order. */
  records: readonly ChargingRecord[]
  /** The range's end (usually the fetch time), in ms. */
  now: number
  /** Length of the range, for the wording ("in the last 30 days"). */
  rangeDays: number
  /** The device's connector ids when known (from a snapshot), so a connector with no session at all counts. */
  connectorIds?: readonly number[]
  /** Whether the unit can discharge (V2G). Unknown: inferred from negative energy in the records. */
  bidirectional?: boolean
}

/** Duration of a record in ms, or null when it has no end (still running) or bad times. */
export function sessionDurationMs(record: ChargingRecord): number | null {
  const start = parseTimestamp(record.start_time)
  const end = parseTimestamp(record.end_time)
  return start === undefined || end === undefined ? null : end - start
}

/** True for a session that started and stopped within minutes with almost no energy. */
export function isFailedStart(record: ChargingRecord): boolean {
  const duration = sessionDurationMs(record)
  return duration !== null && duration >= 0 && duration < SHORT_SESSION_MAX_MS && Math.abs(record.energy) < SHORT_SESSION_MAX_KWH
}

function byConnector(records: readonly ChargingRecord[]): Map<number, ChargingRecord[]> {
  const groups = new Map<number, ChargingRecord[]>()
  for (const record of records) {
    const group = groups.get(record.connector_id) ?? []
    group.push(record)
    groups.set(record.connector_id, group)
  }
  return groups
}

function startMs(record: ChargingRecord): number {
  return parseTimestamp(record.start_time) ?? Number.NEGATIVE_INFINITY
}

function shortSessionFindings({ records, now, rangeDays }: HistoryContext): Finding[] {
  const findings: Finding[] = []
  for (const [connectorId, group] of byConnector(records)) {
    const failed = group.filter(isFailedStart)
    if (failed.length < SHORT_SESSION_PATTERN_COUNT) continue
    const newest = Math.max(...failed.map(startMs))
    const recent = failed.filter((r) => now - startMs(r) <= SHORT_SESSION_ESCALATE.windowMs).length
    const escalate = recent >= SHORT_SESSION_ESCALATE.count
    findings.push({
      ruleId: 'history-short-sessions',
      severity: escalate ? 'critical' : 'warning',
      connectorId,
      message:
        `Connector ${connectorId} had ${failed.length} sessions shorter than ${formatDuration(SHORT_SESSION_MAX_MS)} with under ` +
        `${formatReading(SHORT_SESSION_MAX_KWH, 'kWh', 1)} in the last ${rangeDays} days (${recent} in the last 7 days, the newest ` +
        `${formatDuration(now - newest)} ago): the “stuck in Preparing” / F-0421 signature.`,
      action: escalate
        ? 'It recurred 3 or more times in 7 days: follow the stuck-in-Preparing runbook and escalate with photos, vehicle make and firmware.'
        : 'Follow the stuck-in-Preparing runbook: check the vehicle handshake and the auth_ok event before the stall.',
      reference: runbookReference('connector-stuck-preparing'),
    })
  }
  return findings
}

function silentConnectorFindings({ records, now, rangeDays, connectorIds }: HistoryContext): Finding[] {
  const groups = byConnector(records)
  const ids = [...new Set([...(connectorIds ?? []), ...groups.keys()])].sort((a, b) => a - b)
  if (ids.length < 2) return []
  const lastStart = new Map(ids.map((id) => [id, Math.max(...(groups.get(id) ?? []).map(startMs))]))
  const findings: Finding[] = []
  for (const id of ids) {
    const siblings = ids.filter((other) => other !== id).map((other) => now - (lastStart.get(other) ?? Number.NEGATIVE_INFINITY))
    const busiestSibling = Math.min(...siblings)
    if (!Number.isFinite(busiestSibling)) continue
    const silence = now - (lastStart.get(id) ?? Number.NEGATIVE_INFINITY)
    const threshold = Math.max(SILENT_CONNECTOR_MIN_MS, busiestSibling * SILENT_CONNECTOR_RATIO)
    if (silence < threshold) continue
    const quiet = Number.isFinite(silence) ? `no session for ${formatDuration(silence)}` : `no session in the last ${rangeDays} days`
    findings.push({
      ruleId: 'history-silent-connector',
      severity: 'warning',
      connectorId: id,
      message: `Connector ${id} has had ${quiet}, while another connector of this charger had one ${formatDuration(busiestSibling)} ago.`,
      action: 'Check whether drivers avoid it: a damaged cable or latch, a blocked bay, or a fault the charger does not report.',
    })
  }
  return findings
}

function socDropFindings({ records, bidirectional }: HistoryContext): Finding[] {
  const canDischarge = bidirectional ?? records.some((r) => r.energy < 0)
  if (canDischarge) return []
  const findings: Finding[] = []
  for (const [connectorId, group] of byConnector(records)) {
    const drops = group.filter((r) => {
      const start = r.vehicle_info?.soc_start
      const end = r.vehicle_info?.soc_end
      return typeof start === 'number' && typeof end === 'number' && start - end >= SOC_DROP_MIN_POINTS
    })
    if (drops.length === 0) continue
    const worst = drops.reduce((a, b) => ((a.vehicle_info?.soc_start ?? 0) - (a.vehicle_info?.soc_end ?? 0) >= (b.vehicle_info?.soc_start ?? 0) - (b.vehicle_info?.soc_end ?? 0) ? a : b))
    findings.push({
      ruleId: 'history-soc-drop',
      severity: 'warning',
      connectorId,
      message:
        `Connector ${connectorId}: ${drops.length} ${drops.length === 1 ? 'session' : 'sessions'} ended with the battery far below its start ` +
        `(worst ${formatReading(worst.vehicle_info?.soc_start ?? null, '%')} → ${formatReading(worst.vehicle_info?.soc_end ?? null, '%')}) on a charger that cannot discharge.`,
      action: 'Check the session records and the meter values with support: a non-V2G unit should never lower the state of charge.',
    })
  }
  return findings
}

/** Every history pattern, critical first, then by connector. */
export function historyPatterns(context: HistoryContext): Finding[] {
  const rank = { critical: 0, warning: 1, info: 2 } as const
  return [...shortSessionFindings(context), ...silentConnectorFindings(context), ...socDropFindings(context)].sort(
    (a, b) => rank[a.severity] - rank[b.severity] || (a.connectorId ?? 0) - (b.connectorId ?? 0),
  )
}
