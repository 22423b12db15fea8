/**
 * A recorded test charge as the report draws it: per connector, power (kW) and state of charge (%)
 * over the time since the recording started, thinned to at most REPORT_CHART_POINTS points so a
 * two-hour recording stays a small, static chart.
 */
import type { Recording } from '../live/recording-types'
import type { ReportChartPoint, ReportRecording } from './report-types'

/** Points per connector series at most. */
export const REPORT_CHART_POINTS = 240

function finite(value: number | null | undefined): number | null {
  return typeof value === 'number' && Number.isFinite(value) ? value : null
}

/** Every `step`-th point and always the last one, so the chart keeps its full time span. */
export function thinPoints<T>(points: readonly T[], max: number): T[] {
  if (points.length <= max) return [...points]
  const step = (points.length - 1) / (max - 1)
  return Array.from({ length: max }, (_, i) => points[Math.round(i * step)]!)
}

/** The report's view of one recording. */
export function reportRecording(recording: Recording): ReportRecording {
  const start = recording.frames[0]?.receivedAt ?? Date.parse(recording.summary.startedAt)
  const series = new Map<number, ReportChartPoint[]>()
  for (const { frame, receivedAt } of recording.frames) {
    for (const connector of frame.connectors) {
      const points = series.get(connector.connector_id) ?? []
      points.push({ tMs: receivedAt - start, powerKw: finite(connector.power), socPercent: finite(connector.soc) })
      series.set(connector.connector_id, points)
    }
  }
  return {
    id: recording.summary.id,
    startedAt: recording.summary.startedAt,
    endedAt: recording.summary.endedAt ?? null,
    frames: recording.summary.frames,
    connectors: [...series.entries()].sort(([a], [b]) => a - b).map(([connectorId, points]) => ({ connectorId, points: thinPoints(points, REPORT_CHART_POINTS) })),
  }
}
