/**
 * The JSON export of one snapshot, or of two with their comparison: pretty-printed, versioned,
 * secret-free. Suitable for attaching to a work order or a support ticket.
 */
import { formatExportTime } from '@common/format/timestamp'
import type { ExportedHistory } from '@common/history/history-export'
import { compareSnapshots, type SnapshotComparison } from '@common/snapshots/compare-snapshots'
import type { Snapshot } from '@common/snapshot-types'
import { exportEntries } from './export-order'

export const JSON_EXPORT_FORMAT = 'tellus-field-snapshot-export'
export const JSON_EXPORT_FORMAT_VERSION = 1

/** Who made the export, and when. */
export interface ExportMeta {
  appVersion: string
  /** ISO 8601 time of the export. */
  exportedAt: string
}

/** The shape of the JSON export document. */
export interface JsonExport {
  format: typeof JSON_EXPORT_FORMAT
  formatVersion: typeof JSON_EXPORT_FORMAT_VERSION
  appVersion: string
  exportedAt: string
  /** The export time for people: local time with its zone, UTC beside it. */
  exportedAtLocal: string
  /** Older first. */
  snapshots: Snapshot[]
  comparison?: SnapshotComparison
  /** The device's charging history, when asked for (VINs shortened). */
  history?: ExportedHistory
}

/** Builds the JSON export of 1 or 2 snapshots (older first; compared when 2). */
export function buildJsonExport(snapshots: readonly Snapshot[], meta: ExportMeta, history?: ExportedHistory): string {
  const ordered = exportEntries(snapshots).map((entry) => entry.snapshot)
  const document: JsonExport = {
    format: JSON_EXPORT_FORMAT,
    formatVersion: JSON_EXPORT_FORMAT_VERSION,
    appVersion: meta.appVersion,
    exportedAt: meta.exportedAt,
    exportedAtLocal: formatExportTime(meta.exportedAt),
    snapshots: ordered,
  }
  const [older, newer] = ordered
  if (older && newer) document.comparison = compareSnapshots(older, newer)
  if (history) document.history = history
  return `${JSON.stringify(document, null, 2)}\n`
}
