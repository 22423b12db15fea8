/**
 * Site visits for the IPC handlers: the visit list, editing a visit and its work list, the triage
 * board (from snapshots on disk only, so it works with no network) and the preparation runs.
 */
import type { DeviceId } from '@common/devices/device-id'
import { appError, fail, ok, type Result } from '@common/errors'
import type { ReportFields } from '@common/reports/report-types'
import type { Snapshot } from '@common/snapshot-types'
import { buildTriageRow, sortTriageRows } from '@common/visits/triage'
import { MAX_VISIT_DEVICES } from '@common/visits/visit-schemas'
import type { TriageBoard, Visit, VisitChange, VisitDeviceOrigin, VisitInput, VisitList, WorkListChange } from '@common/visits/visit-types'
import type { PrepareScheduler } from './prepare-scheduler'
import type { VisitStore } from './visit-store'

export class VisitService {
  private recovered: Promise<void> | null = null

  constructor(
    private readonly deps: {
      store: VisitStore
      scheduler: PrepareScheduler
      latestSnapshot: (deviceId: DeviceId) => Promise<Result<Snapshot | null>>
    },
  ) {}

  /** Every visit, newest first (runs left "running" by a closed app are shown as interrupted). */
  async list(): Promise<Result<VisitList>> {
    await this.recover()
    return this.deps.store.list()
  }

  /** Creates a visit with an empty work list. */
  create(input: VisitInput): Promise<Result<Visit>> {
    return this.deps.store.create(input)
  }

  /** Renames, re-sites, edits notes, archives or restores a visit. */
  async update(change: VisitChange): Promise<Result<Visit>> {
    await this.recover()
    const { id, ...fields } = change
    return this.deps.store.update(id, (visit) => ok({ ...visit, ...Object.fromEntries(Object.entries(fields).filter(([, v]) => v !== undefined)) }))
  }

  /** Adds chargers to the end of the work list, each once. */
  async addDevices(id: string, deviceIds: readonly DeviceId[], origin: VisitDeviceOrigin): Promise<Result<WorkListChange>> {
    const added: DeviceId[] = []
    const alreadyListed: DeviceId[] = []
    const updated = await this.deps.store.update(id, (visit) => {
      const listed = new Set(visit.devices.map((d) => d.deviceId))
      for (const deviceId of deviceIds) {
        if (listed.has(deviceId)) alreadyListed.push(deviceId)
        else {
          listed.add(deviceId)
          added.push(deviceId)
        }
      }
      if (listed.size > MAX_VISIT_DEVICES) {
        return fail(appError('invalid-input', `A visit holds at most ${MAX_VISIT_DEVICES} chargers; this would make ${listed.size}.`, { action: 'Split the work order into two visits.' }))
      }
      return ok({ ...visit, devices: [...visit.devices, ...added.map((deviceId) => ({ deviceId, origin }))] })
    })
    return updated.ok ? ok({ visit: updated.value, added, alreadyListed }) : updated
  }

  /** Remembers the technician and work-order number of the visit's report. */
  rememberReportFields(id: string, fields: ReportFields): Promise<Result<Visit>> {
    return this.deps.store.update(id, (visit) => ok({ ...visit, reportFields: { technician: fields.technician.trim(), workOrder: fields.workOrder.trim() } }))
  }

  /** Takes a charger off the work list (its snapshots stay). */
  removeDevice(id: string, deviceId: string): Promise<Result<Visit>> {
    return this.deps.store.update(id, (visit) => ok({ ...visit, devices: visit.devices.filter((d) => d.deviceId !== deviceId) }))
  }

  /** The triage board: each charger's newest snapshot on disk, judged and sorted worst first. */
  async board(id: string): Promise<Result<TriageBoard>> {
    await this.recover()
    const visit = await this.deps.store.get(id)
    if (!visit.ok) return visit
    const rows = []
    for (const device of visit.value.devices) {
      const newest = await this.deps.latestSnapshot(device.deviceId)
      rows.push(buildTriageRow(device, newest.ok ? newest.value : null))
    }
    return ok({ visit: visit.value, rows: sortTriageRows(rows) })
  }

  private recover(): Promise<void> {
    this.recovered ??= this.deps.scheduler.recoverAbandoned()
    return this.recovered
  }
}
