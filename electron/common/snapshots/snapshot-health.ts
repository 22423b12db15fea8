/**
 * The health mark a list shows for one snapshot: its worst finding, judged at the moment it was
 * fetched (as the device view judges a stored copy), so every list marks a charger the same way.
 */
import { diagnoseDevice, sortFindings } from '../diagnostics/diagnose-device'
import type { Finding, FindingReference, FindingSeverity } from '../diagnostics/finding'
import { parseTimestamp } from '../format/timestamp'
import type { Snapshot } from '../snapshot-types'
import { readDevice } from './compare-snapshots'

/** A finding severity, `healthy` when there are no findings, `unreadable` when the payload is not a device. */
export type HealthLevel = FindingSeverity | 'healthy' | 'unreadable'

/** What a list needs to mark a charger: the level, the worst finding's one line, and how many findings. */
export interface SnapshotHealth {
  level: HealthLevel
  /** The most severe finding (device-wide before connectors, then by connector), or null. */
  worst: Finding | null
  findingCount: number
  /** Why the payload is unreadable (level `unreadable`), else null. */
  problem: string | null
  /** The runbook of the most severe finding that names one (a list offers to open it), when any. */
  runbook?: FindingReference
}

/** The most severe finding, in the order the device view lists them; null for none. */
export function worstFinding(findings: readonly Finding[]): Finding | null {
  return sortFindings(findings)[0] ?? null
}

/** The health of already computed findings. */
export function healthOfFindings(findings: readonly Finding[]): SnapshotHealth {
  const sorted = sortFindings(findings)
  const worst = sorted[0] ?? null
  const runbook = sorted.find((finding) => finding.reference?.kind === 'runbook')?.reference
  return { level: worst?.severity ?? 'healthy', worst, findingCount: findings.length, problem: null, ...(runbook ? { runbook } : {}) }
}

/** The health of one snapshot, judged at its fetch time (now, if that time does not parse). */
export function snapshotHealth(snapshot: Pick<Snapshot, 'data' | 'fetchedAt'>, fallbackNow: number = Date.now()): SnapshotHealth {
  const read = readDevice(snapshot.data)
  if (!read.ok) return { level: 'unreadable', worst: null, findingCount: 0, problem: read.problem }
  const now = parseTimestamp(snapshot.fetchedAt) ?? fallbackNow
  return healthOfFindings(diagnoseDevice(read.device, { now }))
}
