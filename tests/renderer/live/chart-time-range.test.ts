import { describe, expect, it } from 'vitest'
import { SINGLE_MOMENT_SPAN_S, chartTimeRange } from '@renderer/views/device/live/chart-series'

const T = 1_764_000_000

describe('the live chart time axis', () => {
  it('keeps the range uPlot proposes for a series of several times', () => {
    expect(chartTimeRange([T, T + 7, T + 14], T, T + 14)).toEqual([T, T + 14])
  })

  it('shows the first frame inside a minute around it, not padded out to years', () => {
    // What uPlot proposes for one time on a time scale in seconds: 86,400 / 0.001 s later.
    const [from, to] = chartTimeRange([T], T, T + 86_400_000)
    expect(to - from).toBe(SINGLE_MOMENT_SPAN_S)
    expect(from).toBeLessThan(T)
    expect(to).toBeGreaterThan(T)
  })
})
