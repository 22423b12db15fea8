/**
 * One charger's part of the work-order report, from its "before" and "after" snapshots: the two
 * states, the findings resolved, still open and newly appeared (judged at each fetch time with the
 * same rules as the device view), and the firmware verdict of the newest state.
 */
import { diagnoseDevice } from '../diagnostics/diagnose-device'
import type { Finding } from '../diagnostics/finding'
import { compareFirmware } from '../diagnostics/firmware'
import { judgeDevice } from '../diagnostics/verdict'
import { parseTimestamp } from '../format/timestamp'
import { readDevice } from '../snapshots/compare-snapshots'
import type { Snapshot } from '../snapshot-types'
import type { Device } from '../tellus/schemas'
import type { ReportCharger, ReportChargerState, ReportFinding, ReportFirmware, ReportRecording, ReportRunbook } from './report-types'

/** What the report knows about one charger before it is judged. */
export interface ChargerSources {
  deviceId: string
  before: Snapshot | null
  after: Snapshot | null
  recordings: ReportRecording[]
  runbooks: ReportRunbook[]
  notes: string[]
}

interface Judged {
  state: ReportChargerState
  device: Device | null
  findings: Finding[]
}

function finite(value: number | null | undefined): number | null {
  return typeof value === 'number' && Number.isFinite(value) ? value : null
}

function judge(snapshot: Snapshot): Judged {
  const read = readDevice(snapshot.data)
  const base = { snapshotId: snapshot.id, fetchedAt: snapshot.fetchedAt }
  if (!read.ok) {
    return { device: null, findings: [], state: { ...base, status: null, verdict: null, firmwareVersion: null, connectors: [], problem: read.problem } }
  }
  const device = read.device
  const findings = diagnoseDevice(device, { now: parseTimestamp(snapshot.fetchedAt) ?? Date.now() })
  const connectors = (device.connectors ?? []).map((c) => ({
    connectorId: c.connector_id,
    status: c.status,
    powerKw: finite(c.power),
    temperatureC: finite(c.temperature),
    socPercent: finite(c.soc),
  }))
  return {
    device,
    findings,
    state: { ...base, status: device.status ?? null, verdict: judgeDevice(device, findings).state, firmwareVersion: device.firmware_version ?? null, connectors, problem: null },
  }
}

/** The same finding in two snapshots: same rule, same connector. */
function findingKey(finding: Finding): string {
  return `${finding.ruleId}|${finding.connectorId ?? ''}`
}

function reportFinding(finding: Finding): ReportFinding {
  return { ruleId: finding.ruleId, severity: finding.severity, connectorId: finding.connectorId ?? null, message: finding.message, action: finding.action ?? null }
}

/**
 * Findings of "before" gone "after" (resolved), in both (still open), only "after" (appeared).
 * With only one of the two states, every finding of that state is still open.
 */
export function diffFindings(before: readonly Finding[] | null, after: readonly Finding[] | null): ReportCharger['findings'] {
  if (before === null || after === null) return { resolved: [], stillOpen: (after ?? before ?? []).map(reportFinding), appeared: [] }
  const beforeKeys = new Set(before.map(findingKey))
  const afterKeys = new Set(after.map(findingKey))
  return {
    resolved: before.filter((f) => !afterKeys.has(findingKey(f))).map(reportFinding),
    stillOpen: after.filter((f) => beforeKeys.has(findingKey(f))).map(reportFinding),
    appeared: after.filter((f) => !beforeKeys.has(findingKey(f))).map(reportFinding),
  }
}

/** The firmware verdict in words, with the firmware findings (behind, known issues) as given by the rules. */
export function firmwareVerdict(device: Device, findings: readonly Finding[]): ReportFirmware {
  const version = device.firmware_version ?? null
  if (!version) return { version: null, status: 'missing', latest: null, verdict: 'The charger reported no firmware version.' }
  const comparison = compareFirmware(device.model, version)
  const words = findings.filter((f) => f.ruleId.startsWith('firmware')).map((f) => f.message)
  const headline =
    comparison.status === 'current'
      ? `Firmware ${version} is the latest stable build for ${device.model ?? 'this model'}.`
      : comparison.status === 'unknown-model'
        ? `Firmware ${version}: the app's catalogue does not list ${device.model ?? 'this model'}, so it cannot say whether it is current.`
        : null
  return { version, status: comparison.status, latest: comparison.latest ?? null, verdict: [headline, ...words].filter((w): w is string => w !== null).join(' ') }
}

/** One charger's report. */
export function buildChargerReport(sources: ChargerSources): ReportCharger {
  const before = sources.before ? judge(sources.before) : null
  const after = sources.after ? judge(sources.after) : null
  const newest = after ?? before
  return {
    deviceId: sources.deviceId,
    model: newest?.device?.model ?? null,
    siteId: newest?.device?.site_id ?? null,
    before: before?.state ?? null,
    after: after?.state ?? null,
    findings: diffFindings(before?.findings ?? null, after?.findings ?? null),
    firmware: newest?.device ? firmwareVerdict(newest.device, newest.findings) : null,
    recordings: sources.recordings,
    runbooks: sources.runbooks,
    notes: sources.notes,
  }
}
