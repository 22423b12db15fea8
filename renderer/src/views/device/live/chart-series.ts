/**
 * Chart data of one connector: time (s since the epoch), power (kW) and state of charge (%), in
 * columns as uPlot takes them. Live series keep the last CHART_WINDOW_MS and at most
 * CHART_MAX_POINTS; a recording's series are built from all its frames with the same function.
 */
import type { LiveFrame } from '@common/live/stream-status'

/** What the live charts show: the last ten minutes. */
export const CHART_WINDOW_MS = 10 * 60_000
/** At most this many points per connector (10 min at 10 frames/s), so memory stays flat. */
export const CHART_MAX_POINTS = 6000

/** How wide (s) the time axis is around a single moment (the first frame): a minute. */
export const SINGLE_MOMENT_SPAN_S = 60

/**
 * The time axis (s since the epoch) of a series with `times`, where uPlot proposes `min` to `max`:
 * as proposed, except for a single moment (the first frame), shown inside the minute around it
 * (uPlot pads one time out to 86,400 / 0.001 s: nearly three years of empty axis).
 */
export function chartTimeRange(times: ArrayLike<number>, min: number, max: number): [number, number] {
  if (times.length !== 1) return [min, max]
  const only = times[0]!
  return [only - SINGLE_MOMENT_SPAN_S / 2, only + SINGLE_MOMENT_SPAN_S / 2]
}

/** One connector's columns. */
export interface ChartSeries {
  t: number[]
  power: Array<number | null>
  soc: Array<number | null>
}

/** Every connector's series, by connector id. */
export type SeriesByConnector = Readonly<Record<number, ChartSeries>>

const value = (reading: number | null | undefined) => (typeof reading === 'number' && Number.isFinite(reading) ? reading : null)

/**
 * The series with `frame` appended to each of its connectors (new arrays; the old ones are left
 * untouched for React), trimmed to `windowMs` before the frame and `maxPoints`.
 */
export function appendFrame(series: SeriesByConnector, { frame, receivedAt }: LiveFrame, windowMs = CHART_WINDOW_MS, maxPoints = CHART_MAX_POINTS): SeriesByConnector {
  const next: Record<number, ChartSeries> = { ...series }
  const t = receivedAt / 1000
  const oldest = (receivedAt - windowMs) / 1000
  for (const connector of frame.connectors) {
    const before = series[connector.connector_id] ?? { t: [], power: [], soc: [] }
    let start = Math.max(0, before.t.length + 1 - maxPoints)
    while (start < before.t.length && before.t[start]! < oldest) start += 1
    next[connector.connector_id] = {
      t: [...before.t.slice(start), t],
      power: [...before.power.slice(start), value(connector.power)],
      soc: [...before.soc.slice(start), value(connector.soc)],
    }
  }
  return next
}

/** The series of a whole recording (no window, no cap), built in one pass. */
export function seriesOfFrames(frames: readonly LiveFrame[]): SeriesByConnector {
  const series: Record<number, ChartSeries> = {}
  for (const { frame, receivedAt } of frames) {
    for (const connector of frame.connectors) {
      const column = (series[connector.connector_id] ??= { t: [], power: [], soc: [] })
      column.t.push(receivedAt / 1000)
      column.power.push(value(connector.power))
      column.soc.push(value(connector.soc))
    }
  }
  return series
}
