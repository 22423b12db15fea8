import { act, cleanup, render, screen } from '@testing-library/react'
import { afterEach, beforeEach, describe, expect, it, vi } from 'vitest'
import { Age } from '@renderer/components/age'
import { ageFollower } from '@renderer/clock/age-follower'
import { sharedClock, SharedClock } from '@renderer/clock/shared-clock'

beforeEach(() => {
  vi.useFakeTimers({ now: Date.parse('2026-05-01T12:00:00Z'), toFake: ['setInterval', 'clearInterval', 'Date'] })
})
afterEach(() => {
  cleanup()
  vi.useRealTimers()
})

describe('the shared clock', () => {
  it('runs one timer and one listener for any number of ages, and none when no age is on screen', () => {
    const setInterval = vi.spyOn(globalThis, 'setInterval')
    const at = new Date(Date.now() - 5_000).toISOString()
    const { unmount } = render(
      <>
        {Array.from({ length: 200 }, (_, i) => (
          <Age key={i} at={at} />
        ))}
      </>,
    )
    expect(ageFollower.size).toBe(200)
    expect(sharedClock.listenerCount).toBe(1)
    expect(setInterval).toHaveBeenCalledTimes(1)
    unmount()
    expect(ageFollower.size).toBe(0)
    expect(sharedClock.running).toBe(false)
  })

  it('re-evaluates ages and stale marks as time passes', () => {
    render(<Age at={new Date(Date.now() - 50_000).toISOString()} staleAfterMs={60_000} />)
    expect(screen.getByText('50 s ago')).toBeTruthy()
    expect(document.querySelector('.age')?.textContent).toBe('50 s ago')
    act(() => void vi.advanceTimersByTime(11_000))
    expect(document.querySelector('time')?.textContent).toBe('1 min ago')
    expect(document.querySelector('.age-stale-mark')?.textContent).toBe('stale')
    expect(document.querySelector('.age')?.classList.contains('age-stale')).toBe(true)
  })

  it('reads the same time twice in a row while idle, and a fresh one a tick later', () => {
    const clock = new SharedClock(1000)
    const first = clock.now()
    expect(clock.now()).toBe(first)
    vi.advanceTimersByTime(1000)
    expect(clock.now()).toBe(first + 1000)
  })

  it('follows a system clock set back while idle (it does not wait for the old time to come round)', () => {
    const clock = new SharedClock(1000)
    clock.now()
    vi.setSystemTime(Date.now() - 60 * 60_000)
    expect(clock.now()).toBe(Date.now())
  })
})
