/**
 * Gathers what a work-order report is built from, from disk only (so it works offline): the
 * visit, each charger's "before" and "after" snapshots, its recorded test charges and its runbook
 * sessions. In a visit, "before" is the prepared snapshot and "after" the newest one fetched later,
 * as on the triage board; standalone, "before" is the first snapshot of the STANDALONE_WINDOW_MS
 * before the newest.
 */
import type { DeviceId } from '@common/devices/device-id'
import { fail, ok, type Result } from '@common/errors'
import type { ValidArgsOf } from '@common/ipc/contract-schemas'
import type { RecordingSummary, Recording } from '@common/live/recording-types'
import type { ChargerSources } from '@common/reports/charger-report'
import { reportRecording } from '@common/reports/recording-chart-points'
import { reportRunbook } from '@common/reports/report-runbook'
import type { RunbookSession, RunbookSessionFilter } from '@common/runbooks/runbook-session'
import type { Snapshot, SnapshotList } from '@common/snapshot-types'
import { isFetchedAfter } from '@common/visits/triage'
import type { Visit, VisitDevice } from '@common/visits/visit-types'
import { appError } from '@common/errors'

/** How far back a standalone report looks for the charger's "before" state. */
export const STANDALONE_WINDOW_MS = 12 * 60 * 60 * 1000
/** Recorded test charges drawn per charger at most (the newest ones). */
export const REPORT_MAX_RECORDINGS = 3

/** Where the gathering reads from. */
export interface ReportStores {
  visits: { get(id: string): Promise<Result<Visit>> }
  snapshots: {
    get(id: string): Promise<Result<Snapshot>>
    latest(deviceId: DeviceId): Promise<Result<Snapshot | null>>
    list(query: { deviceId: DeviceId }): Promise<Result<SnapshotList>>
  }
  recordings: { list(deviceId: string): Promise<Result<RecordingSummary[]>>; get(id: string): Promise<Result<Recording>> }
  runbooks: { list(filter: RunbookSessionFilter): Promise<Result<RunbookSession[]>> }
}

/** The gathered visit (null standalone) and chargers. */
export interface GatheredReport {
  visit: Visit | null
  chargers: ChargerSources[]
}

async function visitCharger(stores: ReportStores, visit: Visit, device: VisitDevice): Promise<Result<ChargerSources>> {
  const notes: string[] = []
  let before: Snapshot | null = null
  if (device.prepared) {
    const prepared = await stores.snapshots.get(device.prepared.snapshotId)
    if (prepared.ok) before = prepared.value
    else notes.push(`The prepared ("before") snapshot of ${device.prepared.fetchedAt} could not be opened: ${prepared.error.message}`)
  } else {
    notes.push(device.failure ? `Not prepared: ${device.failure.error.message}` : 'Not prepared before the visit: no "before" state.')
  }
  const newest = await stores.snapshots.latest(device.deviceId)
  if (!newest.ok) return newest
  const after = newest.value && (device.prepared ? isFetchedAfter(newest.value, device.prepared) : true) ? newest.value : null
  return extras(stores, { deviceId: device.deviceId, before, after, notes }, visit.id, Date.parse(visit.createdAt))
}

async function standaloneCharger(stores: ReportStores, deviceId: DeviceId): Promise<Result<ChargerSources>> {
  const listed = await stores.snapshots.list({ deviceId })
  if (!listed.ok) return listed
  const [newestMeta] = listed.value.items
  if (!newestMeta) return fail(appError('invalid-input', `There is no snapshot of ${deviceId} on this laptop, so there is nothing to report.`, { action: 'Fetch the charger first.' }))
  const from = Date.parse(newestMeta.fetchedAt) - STANDALONE_WINDOW_MS
  const firstMeta = listed.value.items.filter((m) => Date.parse(m.fetchedAt) >= from).at(-1) ?? newestMeta
  const before = await stores.snapshots.get(firstMeta.id)
  if (!before.ok) return before
  const after = firstMeta.id === newestMeta.id ? null : await stores.snapshots.get(newestMeta.id)
  if (after && !after.ok) return after
  return extras(stores, { deviceId, before: before.value, after: after?.value ?? null, notes: [] }, null, Date.parse(before.value.fetchedAt))
}

/** Adds the recordings started since `sinceMs` and the runbook sessions (oldest first). */
async function extras(stores: ReportStores, base: Omit<ChargerSources, 'recordings' | 'runbooks'>, visitId: string | null, sinceMs: number): Promise<Result<ChargerSources>> {
  const notes = [...base.notes]
  const listed = await stores.recordings.list(base.deviceId)
  if (!listed.ok) return listed
  const since = listed.value.filter((r) => Date.parse(r.startedAt) >= sinceMs)
  const chosen = since.slice(0, REPORT_MAX_RECORDINGS)
  if (since.length > chosen.length) notes.push(`${since.length} test charges were recorded; the newest ${chosen.length} are drawn here.`)
  const recordings = []
  for (const summary of chosen) {
    const recording = await stores.recordings.get(summary.id)
    if (recording.ok) recordings.push(reportRecording(recording.value))
    else notes.push(`The test charge recorded ${summary.startedAt} could not be read: ${recording.error.message}`)
  }
  const sessions = await stores.runbooks.list(visitId ? { visitId, deviceId: base.deviceId } : { deviceId: base.deviceId })
  if (!sessions.ok) return sessions
  // Standalone: the charger's sessions outside any visit, touched since the "before" state.
  const chosenSessions = visitId ? sessions.value : sessions.value.filter((s) => s.visitId === null && Date.parse(s.updatedAt) >= sinceMs)
  const runbooks = chosenSessions.sort((a, b) => a.startedAt.localeCompare(b.startedAt)).map(reportRunbook)
  return ok({ ...base, notes, recordings, runbooks })
}

/** Gathers the sources of a report. */
export async function gatherReport(stores: ReportStores, scope: ValidArgsOf<'exportReport'>['scope']): Promise<Result<GatheredReport>> {
  const visitId = scope.visitId
  const visit = visitId ? await stores.visits.get(visitId) : null
  if (visit && !visit.ok) return visit
  const devices = visit ? visit.value.devices.filter((d) => scope.kind === 'visit' || d.deviceId === scope.deviceId) : []
  if (scope.kind === 'device' && visit && devices.length === 0) {
    return fail(appError('invalid-input', `${scope.deviceId} is not on the work list of "${visit.value.name}".`))
  }
  const chargers: ChargerSources[] = []
  if (visit) {
    for (const device of devices) {
      const charger = await visitCharger(stores, visit.value, device)
      if (!charger.ok) return charger
      chargers.push(charger.value)
    }
  } else if (scope.kind === 'device') {
    const charger = await standaloneCharger(stores, scope.deviceId)
    if (!charger.ok) return charger
    chargers.push(charger.value)
  }
  return ok({ visit: visit?.value ?? null, chargers })
}
