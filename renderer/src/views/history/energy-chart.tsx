import { energyPerDay } from '@common/history/energy-per-day'
import { formatNumber } from '@common/format/number'
import type { ChargingRecord } from '@common/tellus/schemas'

const WIDTH = 720
const HEIGHT = 200
const PAD = { left: 44, right: 8, top: 26, bottom: 26 }
/** Connector colours by position; the legend names them, so colour is never the only cue. */
const SERIES_CLASSES = ['series-1', 'series-2', 'series-3', 'series-4'] as const

function niceMax(value: number): number {
  if (value <= 0) return 1
  const magnitude = 10 ** Math.floor(Math.log10(value))
  const step = [1, 2, 2.5, 5, 10].find((s) => s * magnitude >= value) ?? 10
  return step * magnitude
}

function dayLabel(ms: number): string {
  const d = new Date(ms)
  return `${d.getDate()}/${d.getMonth() + 1}`
}

/**
 * Energy per day and per connector over the range, as stacked bars (kWh; V2G discharge below the
 * axis). Drawn as SVG: a few dozen bars need no canvas, stay crisp in the report, are themed by
 * CSS and readable to a screen reader through the table summary beside them.
 */
export function EnergyChart({ records, startMs, endMs }: { records: readonly ChargingRecord[]; startMs: number; endMs: number }) {
  const { days, charged, discharged } = energyPerDay(records, startMs, endMs)
  const totals = days.map((_, i) => charged.reduce((sum, series) => sum + (series.kwh[i] ?? 0), 0))
  const hasDischarge = discharged.some((kwh) => kwh > 0)
  const top = niceMax(Math.max(0, ...totals))
  const bottom = hasDischarge ? niceMax(Math.max(...discharged)) : 0
  const plotHeight = HEIGHT - PAD.top - PAD.bottom
  const scale = plotHeight / (top + bottom)
  const zeroY = PAD.top + top * scale
  const slot = (WIDTH - PAD.left - PAD.right) / Math.max(1, days.length)
  const barWidth = Math.max(2, slot * 0.7)
  const labelEvery = Math.ceil(days.length / 10)
  const total = totals.reduce((a, b) => a + b, 0)
  return (
    <figure className="energy-chart">
      <svg viewBox={`0 0 ${WIDTH} ${HEIGHT}`} role="img" aria-label={`Energy charged per day over ${days.length} days: ${formatNumber(total, 1)} kWh in all.`}>
        <line className="axis" x1={PAD.left} x2={WIDTH - PAD.right} y1={zeroY} y2={zeroY} />
        <text className="axis-label" x={PAD.left - 6} y={PAD.top + 4} textAnchor="end">
          {formatNumber(top, 0)}
        </text>
        <text className="axis-label" x={PAD.left - 6} y={zeroY + 4} textAnchor="end">
          0
        </text>
        {hasDischarge ? (
          <text className="axis-label" x={PAD.left - 6} y={HEIGHT - PAD.bottom} textAnchor="end">
            −{formatNumber(bottom, 0)}
          </text>
        ) : null}
        <text className="axis-unit" x={PAD.left - 6} y={12} textAnchor="end">
          kWh
        </text>
        {days.map((day, i) => {
          const x = PAD.left + i * slot + (slot - barWidth) / 2
          let y = zeroY
          return (
            <g key={day}>
              {charged.map((series, s) => {
                const kwh = series.kwh[i] ?? 0
                if (kwh <= 0) return null
                const h = kwh * scale
                y -= h
                return (
                  <rect key={series.connectorId} className={`bar ${SERIES_CLASSES[s % SERIES_CLASSES.length]}`} x={x} y={y} width={barWidth} height={h}>
                    <title>{`${dayLabel(day)} · connector ${series.connectorId}: ${formatNumber(kwh, 1)} kWh`}</title>
                  </rect>
                )
              })}
              {(discharged[i] ?? 0) > 0 ? (
                <rect className="bar discharge" x={x} y={zeroY} width={barWidth} height={(discharged[i] ?? 0) * scale}>
                  <title>{`${dayLabel(day)} · V2G discharge: ${formatNumber(discharged[i] ?? 0, 1)} kWh`}</title>
                </rect>
              ) : null}
              {i % labelEvery === 0 ? (
                <text className="axis-label" x={x + barWidth / 2} y={HEIGHT - 8} textAnchor="middle">
                  {dayLabel(day)}
                </text>
              ) : null}
            </g>
          )
        })}
      </svg>
      <figcaption className="chart-legend">
        {charged.map((series, s) => (
          <span key={series.connectorId} className="legend-item">
            <span className={`legend-swatch ${SERIES_CLASSES[s % SERIES_CLASSES.length]}`} aria-hidden="true" />
            Connector {series.connectorId}: {formatNumber(series.kwh.reduce((a, b) => a + b, 0), 1)} kWh
          </span>
        ))}
        {hasDischarge ? (
          <span className="legend-item">
            <span className="legend-swatch discharge" aria-hidden="true" />
            V2G discharge: {formatNumber(discharged.reduce((a, b) => a + b, 0), 1)} kWh
          </span>
        ) : null}
        <span className="legend-item muted">Local days; hover a bar for its figures.</span>
      </figcaption>
    </figure>
  )
}
