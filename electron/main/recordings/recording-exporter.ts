/**
 * Exports a recording to a file the technician chooses: CSV (one row per connector per frame, for
 * a spreadsheet or the work order) or JSON (the whole recording, for support).
 */
import type { Result } from '@common/errors'
import { formatExportTime } from '@common/format/timestamp'
import type { ExportOutcome, RecordingExportRequest } from '@common/ipc/contract'
import type { Recording } from '@common/live/recording-types'
import { fileNameStamp, saveExport, type ChooseSavePath } from '../fs/save-export'

const CSV_HEADER = ['received_at', 'received_at_local', 'frame_timestamp', 'connector_id', 'state', 'power_kw', 'energy_delivered_kwh', 'soc_percent']

function csvCell(value: unknown): string {
  if (value === undefined || value === null) return ''
  const text = String(value)
  return /[",\n\r]/.test(text) ? `"${text.replace(/"/g, '""')}"` : text
}

/** The CSV text of a recording (header row first; empty cells for readings a frame lacks). */
export function recordingCsv(recording: Recording): string {
  const rows = [CSV_HEADER.join(',')]
  for (const { frame, receivedAt } of recording.frames) {
    for (const connector of frame.connectors) {
      rows.push(
        [new Date(receivedAt).toISOString(), formatExportTime(receivedAt), frame.timestamp, connector.connector_id, connector.state, connector.power, connector.energy_delivered, connector.soc]
          .map(csvCell)
          .join(','),
      )
    }
  }
  return `${rows.join('\n')}\n`
}

/** The JSON document of a recording export: who exported it and when (ISO, and local with zone and UTC), and the recording. */
export function recordingJson(recording: Recording, meta: { appVersion: string; now: number }): Record<string, unknown> {
  const exportedAt = new Date(meta.now).toISOString()
  return { exportedBy: `Tellus Field ${meta.appVersion}`, exportedAt, exportedAtLocal: formatExportTime(exportedAt), recording }
}

/** Writes recordings to files. */
export class RecordingExporter {
  constructor(
    private readonly deps: {
      recordings: { get(id: string): Promise<Result<Recording>> }
      chooseSavePath: ChooseSavePath
      appVersion: () => string
      now: () => number
    },
  ) {}

  /** Reads the recording, asks where to save, writes the file atomically. */
  async export(request: RecordingExportRequest): Promise<Result<ExportOutcome>> {
    const recording = await this.deps.recordings.get(request.id)
    if (!recording.ok) return recording
    const { summary } = recording.value
    const contents =
      request.format === 'csv'
        ? recordingCsv(recording.value)
        : JSON.stringify(recordingJson(recording.value, { appVersion: this.deps.appVersion(), now: this.deps.now() }), null, 2)
    const filters = request.format === 'csv' ? [{ name: 'CSV', extensions: ['csv'] }] : [{ name: 'JSON', extensions: ['json'] }]
    return saveExport(this.deps.chooseSavePath, { suggestedName: `${summary.deviceId}-recording-${fileNameStamp(summary.startedAt)}.${request.format}`, filters, contents })
  }
}
