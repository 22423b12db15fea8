/**
 * Exports one snapshot, or a comparison of two, to a file the technician chooses: JSON for
 * support tickets, a printable self-contained HTML report for the work order. Findings are
 * computed at export time with the current rules.
 */
import { DeviceSchema } from '@common/tellus/schemas'
import { diagnoseDevice } from '@common/diagnostics/diagnose-device'
import type { Finding } from '@common/diagnostics/finding'
import { ok, type Result } from '@common/errors'
import { historyForExport, type ExportedHistory } from '@common/history/history-export'
import type { DeviceHistory } from '@common/history/history-types'
import type { ExportOutcome, SnapshotExportRequest } from '@common/ipc/contract'
import type { Snapshot } from '@common/snapshot-types'
import { fileNameStamp, saveExport, type ChooseSavePath } from '../fs/save-export'
import { buildHtmlReport } from '../snapshots/export/build-html-report'
import { buildJsonExport } from '../snapshots/export/build-json-export'

/** Findings of a stored payload, as of `fetchedAt` (so ages read as they did at fetch time). */
export function findingsOf(snapshot: Snapshot): Finding[] {
  const device = DeviceSchema.safeParse(snapshot.data)
  return device.success ? diagnoseDevice(device.data, { now: Date.parse(snapshot.fetchedAt) }) : []
}

/** A file name like `dvc_a1b2c3d4e5f6-2026-11-23T1405Z.html` or `…-compare-….html`. */
export function suggestedFileName(snapshots: readonly Snapshot[], format: 'json' | 'html'): string {
  const first = snapshots[0]!
  const last = snapshots[snapshots.length - 1]!
  const name = snapshots.length === 2 ? `${first.deviceId}-compare-${fileNameStamp(first.fetchedAt)}-${fileNameStamp(last.fetchedAt)}` : `${first.deviceId}-${fileNameStamp(first.fetchedAt)}`
  return `${name}.${format}`
}

export class SnapshotExporter {
  constructor(
    private readonly deps: {
      snapshots: { get(id: string): Promise<Result<Snapshot>> }
      /** The charging history kept on disk, for exports that include it. */
      history?: { cachedHistory(deviceId: string): Promise<Result<DeviceHistory | null>> }
      chooseSavePath: ChooseSavePath
      appVersion: () => string
      now: () => number
    },
  ) {}

  /** Reads the snapshots, asks where to save, writes the file atomically. */
  async export(request: SnapshotExportRequest): Promise<Result<ExportOutcome>> {
    const snapshots: Snapshot[] = []
    for (const id of request.ids) {
      const snapshot = await this.deps.snapshots.get(id)
      if (!snapshot.ok) return snapshot
      snapshots.push(snapshot.value)
    }
    snapshots.sort((a, b) => a.fetchedAt.localeCompare(b.fetchedAt))
    const meta = { appVersion: this.deps.appVersion(), exportedAt: new Date(this.deps.now()).toISOString() }
    const history = request.includeHistory ? await this.historyOf(snapshots[snapshots.length - 1]!) : undefined
    if (history && !history.ok) return history
    const kept = history?.value ?? undefined
    const contents =
      request.format === 'json'
        ? buildJsonExport(snapshots, meta, kept)
        : buildHtmlReport({ snapshots, findings: snapshots.map(findingsOf), ...meta, history: kept })
    const filters = request.format === 'json' ? [{ name: 'JSON', extensions: ['json'] }] : [{ name: 'HTML report', extensions: ['html'] }]
    return saveExport(this.deps.chooseSavePath, { suggestedName: suggestedFileName(snapshots, request.format), filters, contents })
  }

  /** The device's kept history for an export (null when none was fetched yet). */
  private async historyOf(snapshot: Snapshot): Promise<Result<ExportedHistory | null>> {
    if (!this.deps.history) return ok(null)
    const cached = await this.deps.history.cachedHistory(snapshot.deviceId)
    if (!cached.ok) return cached
    if (!cached.value) return ok(null)
    const device = DeviceSchema.safeParse(snapshot.data)
    return ok(historyForExport(cached.value, device.success ? device.data.connectors?.map((c) => c.connector_id) : undefined))
  }
}
