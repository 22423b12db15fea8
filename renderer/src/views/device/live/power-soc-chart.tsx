import { useEffect, useRef, useState } from 'react'
import type uPlot from 'uplot'
import 'uplot/dist/uPlot.min.css'
import { useAppStore } from '@renderer/store/store-context'
import { chartTimeRange, type ChartSeries } from './chart-series'

/** Chart height in CSS pixels. */
const HEIGHT = 240

/** A theme colour from the design tokens. */
function token(name: string, fallback: string): string {
  const value = getComputedStyle(document.documentElement).getPropertyValue(name).trim()
  return value || fallback
}

function chartOptions(width: number, label: string): uPlot.Options {
  const text = token('--text', '#000')
  const grid = token('--border-subtle', '#ccc')
  const axis = (scale: string, unit: string, side?: 1 | 3): uPlot.Axis => ({
    scale,
    side,
    stroke: text,
    grid: { stroke: grid, width: 1, show: scale !== '%' },
    ticks: { stroke: grid },
    label: unit,
    labelSize: 16,
    size: 48,
    font: '12px system-ui, sans-serif',
    labelFont: 'bold 12px system-ui, sans-serif',
    values: (_plot, ticks) => ticks.map((tick) => `${Math.round(tick * 10) / 10}`),
  })
  return {
    title: label,
    width,
    height: HEIGHT,
    legend: { show: true },
    cursor: { drag: { x: false, y: false } },
    scales: { x: { time: true, range: (plot, min, max) => chartTimeRange(plot.data[0], min, max) }, kW: { auto: true }, '%': { range: [0, 100] } },
    axes: [
      { stroke: text, grid: { stroke: grid, width: 1 }, ticks: { stroke: grid }, font: '12px system-ui, sans-serif' },
      axis('kW', 'kW'),
      axis('%', 'SoC %', 1),
    ],
    series: [
      { label: 'Time' },
      { label: 'Power', scale: 'kW', stroke: token('--accent', '#0037a8'), width: 2, value: (_p, v) => (v === null ? '—' : `${v.toFixed(1)} kW`) },
      { label: 'State of charge', scale: '%', stroke: token('--ok-border', '#17693a'), width: 2, dash: [6, 4], value: (_p, v) => (v === null ? '—' : `${Math.round(v)} %`) },
    ],
  }
}

/** Props of `PowerSocChart`. */
export interface PowerSocChartProps {
  series: ChartSeries
  /** e.g. "Connector 1"; also the chart's accessible name. */
  label: string
}

/**
 * Power (kW, left axis) and state of charge (%, right axis) over time for one connector, drawn
 * with uPlot on a canvas. uPlot is loaded on first use (it needs a real browser: in jsdom the
 * chart stays an empty, labelled figure). Redrawn on new data without re-creating the chart; re-created
 * when the theme or the width changes.
 */
export function PowerSocChart({ series, label }: PowerSocChartProps) {
  const host = useRef<HTMLDivElement>(null)
  const plot = useRef<uPlot | null>(null)
  const latest = useRef(series)
  const theme = useAppStore((s) => s.theme)
  const [width, setWidth] = useState(0)

  useEffect(() => {
    const element = host.current
    if (!element || typeof ResizeObserver === 'undefined') return
    const observer = new ResizeObserver(([entry]) => setWidth(Math.floor(entry?.contentRect.width ?? 0)))
    observer.observe(element)
    return () => observer.disconnect()
  }, [])

  useEffect(() => {
    const element = host.current
    if (!element || width < 100) return
    let cancelled = false
    import('uplot')
      .then(({ default: UPlot }) => {
        if (cancelled) return
        const { t, power, soc } = latest.current
        plot.current = new UPlot(chartOptions(width, label), [t, power, soc], element)
      })
      .catch(() => undefined)
    return () => {
      cancelled = true
      plot.current?.destroy()
      plot.current = null
    }
  }, [width, theme, label])

  useEffect(() => {
    latest.current = series
    plot.current?.setData([series.t, series.power, series.soc])
  }, [series])

  return <div ref={host} className="power-soc-chart" role="img" aria-label={`${label}: power (kW) and state of charge (%) over time`} />
}
