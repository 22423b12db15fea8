/**
 * The triage board's rules: one row per charger from its newest snapshot, judged by the same
 * diagnostics rules as the device view (at the snapshot's fetch time), and the order a technician
 * works in: critical first, then warnings, then chargers with no offline copy, then the rest.
 */
import { parseTimestamp } from '../format/timestamp'
import { readDevice } from '../snapshots/compare-snapshots'
import { snapshotHealth } from '../snapshots/snapshot-health'
import type { Snapshot } from '../snapshot-types'
import type { TriageRow, VisitDevice } from './visit-types'

/** Severities a board can be filtered by, worst first; 'none' is a charger with no finding. */
export const TRIAGE_SEVERITIES = ['critical', 'warning', 'info', 'none'] as const
export type TriageSeverity = (typeof TRIAGE_SEVERITIES)[number]

/** Rank of a row: lower is worse. A charger with no offline copy ranks just after the warnings. */
export function triageRank(row: Pick<TriageRow, 'worst' | 'snapshotId'>): number {
  if (row.worst === 'critical') return 0
  if (row.worst === 'warning') return 1
  if (row.snapshotId === null) return 2
  return row.worst === 'info' ? 3 : 4
}

/** True for a charger that needs the technician: a critical or warning finding, or no offline copy. */
export function needsAttention(row: Pick<TriageRow, 'worst' | 'snapshotId'>): boolean {
  return triageRank(row) <= 2
}

/** The severity filter value of a row. */
export function rowSeverity(row: Pick<TriageRow, 'worst'>): TriageSeverity {
  return row.worst ?? 'none'
}

/** Rows worst first; equal ranks keep the work-list order (stable sort). */
export function sortTriageRows(rows: readonly TriageRow[]): TriageRow[] {
  return [...rows].sort((a, b) => triageRank(a) - triageRank(b))
}

/** True when `newest` is a different snapshot fetched after the prepared one: the visit's "after". */
export function isFetchedAfter(newest: Pick<Snapshot, 'id' | 'fetchedAt'> | null, before: { snapshotId: string; fetchedAt: string } | null): boolean {
  if (!newest || !before || newest.id === before.snapshotId) return false
  return (parseTimestamp(newest.fetchedAt) ?? 0) > (parseTimestamp(before.fetchedAt) ?? 0)
}

/** A charger's charging history as the board marks it: kept only when the latest history fetch succeeded. */
export function historyOf(device: VisitDevice): TriageRow['history'] {
  if (device.historyFailure) return { state: 'failed', reason: device.historyFailure.error.message }
  return device.history ? { state: 'kept', ...device.history } : null
}

/**
 * One charger's row. `newest` is its newest snapshot on disk (any fetch), null when there is none;
 * the prepared snapshot is the "before", and `newest` is the "after" when it was fetched later.
 */
export function buildTriageRow(device: VisitDevice, newest: Snapshot | null): TriageRow {
  const before = device.prepared ?? null
  const base = {
    deviceId: device.deviceId,
    beforeSnapshotId: before?.snapshotId ?? null,
    afterSnapshotId: newest && isFetchedAfter(newest, before) ? newest.id : null,
    failed: device.failure !== undefined,
    history: historyOf(device),
  }
  if (!newest) {
    const problem = device.failure ? `Not prepared: ${device.failure.error.message}` : 'No offline copy yet: prepare the visit while online.'
    return { ...base, snapshotId: null, fetchedAt: null, siteId: null, model: null, status: null, worst: null, problem, findingCount: 0 }
  }
  const health = snapshotHealth(newest)
  const read = readDevice(newest.data)
  const charger = read.ok ? read.device : null
  return {
    ...base,
    snapshotId: newest.id,
    fetchedAt: newest.fetchedAt,
    siteId: charger?.site_id ?? null,
    model: charger?.model ?? null,
    status: charger?.status ?? null,
    worst: health.worst?.severity ?? null,
    problem: health.worst?.message ?? health.problem ?? 'No findings',
    findingCount: health.findingCount,
    ...(health.runbook ? { runbook: health.runbook } : {}),
  }
}
