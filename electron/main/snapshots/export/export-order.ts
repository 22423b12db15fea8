/**
 * Shared first step of both exports: check there are one or two snapshots, redact them, and put
 * them older first (their findings, when given, move with them).
 */
import type { Finding } from '@common/diagnostics/finding'
import type { Snapshot } from '@common/snapshot-types'
import { redactSnapshot } from './redact-secrets'

/** One exported snapshot with its findings (when the caller computed them). */
export interface ExportEntry {
  snapshot: Snapshot
  findings: Finding[] | null
}

/** Redacted entries, older first. Throws a RangeError unless there are one or two snapshots (a caller bug). */
export function exportEntries(snapshots: readonly Snapshot[], findings?: readonly (readonly Finding[] | undefined)[]): ExportEntry[] {
  if (snapshots.length < 1 || snapshots.length > 2) throw new RangeError(`An export holds 1 or 2 snapshots, not ${snapshots.length}`)
  const entries = snapshots.map((snapshot, index) => ({ snapshot: redactSnapshot(snapshot), findings: findings?.[index] ? [...findings[index]] : null }))
  return entries.sort((a, b) => timeOf(a.snapshot) - timeOf(b.snapshot))
}

function timeOf(snapshot: Snapshot): number {
  const time = Date.parse(snapshot.fetchedAt)
  return Number.isFinite(time) ? time : 0
}
