import { useSyncExternalStore } from 'react'
import { sharedClock } from '@renderer/clock/shared-clock'

const subscribe = (onChange: () => void) => sharedClock.subscribe(onChange)
const getNow = () => sharedClock.now()

/**
 * The current time (epoch ms) from the shared clock; the component re-renders on each tick.
 * For a plain age use `Age`, which updates its text without re-rendering; for a text or a flag
 * derived from the time use `useClockValue`.
 */
export function useNow(): number {
  return useSyncExternalStore(subscribe, getNow)
}

/**
 * A text or flag computed from the shared clock's time ("Online when fetched 2 h ago", "in
 * warranty"): the component re-renders only when the value changes, not on every tick.
 */
export function useClockValue<T extends string | number | boolean | null>(read: (now: number) => T): T {
  return useSyncExternalStore(subscribe, () => read(getNow()))
}
