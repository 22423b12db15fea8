/**
 * A recorded test charge as a static inline SVG chart: power (kW, solid, left axis) and state of
 * charge (%, dashed, right axis) over the seconds (short charges) or minutes since the recording
 * started. No script, no external asset; axis labels carry the units and a text legend says which
 * line is which, so it reads the same in print and in black and white.
 */
import type { ReportChartPoint } from '@common/reports/report-types'
import { html, type SafeHtml } from '../snapshots/export/html'

const WIDTH = 640
const HEIGHT = 200
const PAD = { left: 52, right: 48, top: 12, bottom: 34 }
const PLOT_W = WIDTH - PAD.left - PAD.right
const PLOT_H = HEIGHT - PAD.top - PAD.bottom

/** A "nice" top of scale at or above `max` (1, 2, 2.5, 5 × 10^n). */
export function niceCeiling(max: number): number {
  if (!(max > 0)) return 1
  const power = 10 ** Math.floor(Math.log10(max))
  const step = [1, 2, 2.5, 5, 10].find((m) => m * power >= max) ?? 10
  return step * power
}

/** A tick label: at most two decimals, no trailing zeros ("1.25", "2.5", "5"). */
function tickText(value: number): string {
  return String(Number(value.toFixed(2)))
}

function polyline(points: readonly ReportChartPoint[], pick: (p: ReportChartPoint) => number | null, x: (t: number) => number, y: (v: number) => number): string {
  return points
    .flatMap((p) => {
      const value = pick(p)
      return value === null ? [] : [`${x(p.tMs).toFixed(1)},${y(value).toFixed(1)}`]
    })
    .join(' ')
}

/** The chart of one connector of one recording; `label` names it for screen readers and the caption. */
export function recordingChartSvg(points: readonly ReportChartPoint[], label: string): SafeHtml {
  const spanMs = Math.max(1, ...points.map((p) => p.tMs))
  const powerTop = niceCeiling(Math.max(0, ...points.map((p) => p.powerKw ?? 0)))
  const powerBottom = Math.min(0, ...points.map((p) => p.powerKw ?? 0)) < 0 ? -powerTop : 0
  const x = (t: number) => PAD.left + (t / spanMs) * PLOT_W
  const yPower = (v: number) => PAD.top + ((powerTop - v) / (powerTop - powerBottom)) * PLOT_H
  const ySoc = (v: number) => PAD.top + ((100 - v) / 100) * PLOT_H
  // Short test charges are read in seconds, longer ones in minutes.
  const time = spanMs < 2 * 60_000 ? { word: 'Seconds', ms: 1000 } : { word: 'Minutes', ms: 60_000 }
  const span = spanMs / time.ms
  const ticks = [0, 0.25, 0.5, 0.75, 1]
  const grid = ticks.map((f) => {
    const gy = PAD.top + f * PLOT_H
    const power = powerTop - f * (powerTop - powerBottom)
    return html`<line class="grid" x1="${PAD.left}" x2="${PAD.left + PLOT_W}" y1="${gy}" y2="${gy}"/>
<text class="axis" x="${PAD.left - 6}" y="${gy + 4}" text-anchor="end">${tickText(power)}</text>
<text class="axis" x="${PAD.left + PLOT_W + 6}" y="${gy + 4}">${tickText(100 - f * 100)}</text>
<text class="axis" x="${PAD.left + f * PLOT_W}" y="${HEIGHT - 18}" text-anchor="middle">${tickText(f * span)}</text>`
  })
  const power = polyline(points, (p) => p.powerKw, x, yPower)
  const soc = polyline(points, (p) => p.socPercent, x, ySoc)
  return html`<figure class="chart">
<svg viewBox="0 0 ${WIDTH} ${HEIGHT}" width="100%" role="img" aria-label="${label}: power in kW and state of charge in % over ${tickText(span)} ${time.word.toLowerCase()}">
<title>${label}</title>
${grid}
<text class="axis" x="12" y="${PAD.top + PLOT_H / 2}" transform="rotate(-90 12 ${PAD.top + PLOT_H / 2})" text-anchor="middle">Power (kW)</text>
<text class="axis" x="${WIDTH - 8}" y="${PAD.top + PLOT_H / 2}" transform="rotate(90 ${WIDTH - 8} ${PAD.top + PLOT_H / 2})" text-anchor="middle">SoC (%)</text>
<text class="axis" x="${PAD.left + PLOT_W / 2}" y="${HEIGHT - 3}" text-anchor="middle">${time.word} since the recording started</text>
${power ? html`<polyline class="power" points="${power}"/>` : ''}
${soc ? html`<polyline class="soc" points="${soc}"/>` : ''}
</svg>
<figcaption>${label} · solid line: power (kW, left axis) · dashed line: state of charge (%, right axis)${power ? '' : ' · no power readings'}${soc ? '' : ' · no state-of-charge readings'}</figcaption>
</figure>`
}
