/**
 * The verdict on a charger: the one answer a technician wants first ("is this charger healthy, and
 * what do I do?"), derived from the device response and its findings.
 */
import { worstFinding } from '../snapshots/snapshot-health'
import type { Device } from '../tellus/schemas'
import type { Finding, FindingSeverity } from './finding'
import { connectorsOf } from './readings'

/** Overall state of a charger, worst last. */
export type VerdictState = 'healthy' | 'needs-attention' | 'out-of-service'

/** The overall state, the worst severity among the findings, and the problems (critical and warning findings). */
export interface Verdict {
  state: VerdictState
  worst: FindingSeverity | null
  /** Critical and warning findings, most severe first (the order `diagnoseDevice` returns). */
  problems: Finding[]
}

/** Connector states in which a connector cannot charge anyone. */
const UNUSABLE_CONNECTOR_STATES: readonly string[] = ['fault', 'unavailable']

/**
 * Judges a charger: out of service when it is offline or none of its connectors can charge;
 * needs attention when any finding is critical or a warning; healthy otherwise (info findings
 * do not spoil a healthy verdict).
 */
export function judgeDevice(device: Device, findings: readonly Finding[]): Verdict {
  const problems = findings.filter((finding) => finding.severity !== 'info')
  const worst = worstFinding(findings)?.severity ?? null
  const connectors = connectorsOf(device)
  const noneUsable = connectors.length > 0 && connectors.every((connector) => UNUSABLE_CONNECTOR_STATES.includes(connector.status))
  if (device.status === 'offline' || noneUsable) return { state: 'out-of-service', worst, problems }
  return { state: problems.length > 0 ? 'needs-attention' : 'healthy', worst, problems }
}
