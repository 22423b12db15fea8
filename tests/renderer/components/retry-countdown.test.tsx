/**
 * The wait Tellus asked for (a remembered 5001) counts down on the shared clock, in the error panel
 * of a lookup with no offline copy and in the offline banner of one with a copy (issue 11 #4).
 */
import { act, cleanup, render, screen } from '@testing-library/react'
import { afterEach, beforeEach, describe, expect, it, vi } from 'vitest'
import { ok, type AppError } from '@common/errors'
import { ErrorPanel } from '@renderer/components/error-panel'
import { deviceData, snapshotOf } from '../support/fixtures'
import { renderApp } from '../support/render-app'

const NOW = Date.parse('2026-05-01T12:00:00Z')
const held = (leftMs: number): AppError => ({
  kind: 'rate-limited',
  code: 5001,
  message: 'Tellus asked this client ID to wait before its next request (5001), so no request was sent.',
  retryAfterMs: leftMs,
  retryAt: new Date(Date.now() + leftMs).toISOString(),
  action: 'Try again once the wait has run out; chargers kept on this computer still open meanwhile.',
})

afterEach(cleanup)

describe('the countdown of a rate-limit wait', () => {
  beforeEach(() => {
    vi.useFakeTimers({ now: NOW, toFake: ['setInterval', 'clearInterval', 'Date'] })
  })
  afterEach(() => {
    vi.useRealTimers()
  })

  it('counts down in the error panel every second, then says the wait is over', () => {
    render(<ErrorPanel error={held(50 * 60_000)} />)
    const timer = screen.getByRole('timer')
    expect(timer.textContent).toContain('Requests to Tellus resume in 50 min')
    act(() => void vi.advanceTimersByTime(10_000))
    expect(screen.getByRole('timer').textContent).toContain('resume in 49 min 50 s')
    act(() => void vi.advanceTimersByTime(50 * 60_000))
    expect(screen.getByRole('timer').textContent).toBe('The wait Tellus asked for is over: you can try again now.')
  })

  it('keeps the plain wait for a rate limit without an end time', () => {
    render(<ErrorPanel error={{ kind: 'rate-limited', code: 5001, message: 'Too many requests.', retryAfterMs: 4000 }} />)
    expect(screen.queryByRole('timer')).toBeNull()
    expect(screen.getByRole('alert').textContent).toContain('Tellus asked us to wait 4 s before trying again.')
  })
})

describe('the offline copy during a rate-limit wait', () => {
  it('shows the wait with its countdown under the offline banner', async () => {
    const fetchedAt = new Date(Date.now() - 5 * 60_000).toISOString()
    const { user } = renderApp({
      fetchDevice: () => ok({ source: 'offline', snapshot: snapshotOf(deviceData(), { fetchedAt }), error: held(3_000_000) }),
    })
    await user.type(screen.getByRole('textbox', { name: 'Device id' }), 'dvc_a1b2c3d4e5f6{Enter}')
    const banner = (await screen.findByText(/^Offline copy from/)).closest('.banner') as HTMLElement
    expect(banner.textContent).toContain('The live fetch failed: Rate limited by Tellus (5001).')
    const timer = banner.querySelector('[role="timer"]')
    expect(timer?.textContent).toMatch(/^Requests to Tellus resume in (50 min|49 min \d+ s) \(at \d{4}-\d\d-\d\d \d\d:\d\d:\d\d\)\.$/)
  })
})
