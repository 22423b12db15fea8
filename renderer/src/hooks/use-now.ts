import { useSyncExternalStore } from 'react'
import { sharedClock } from '@renderer/clock/shared-clock'

const subscribe = (onChange: () => void) => sharedClock.subscribe(onChange)
const getNow = () => sharedClock.now()

/**
 * The current time (epoch ms) from the shared clock; the component re-renders on each tick.
 * For a plain age use `Age`, which updates its text without re-rendering.
 */
export function useNow(): number {
  return useSyncExternalStore(subscribe, getNow)
}
