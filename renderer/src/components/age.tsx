import { useEffect, useRef } from 'react'
import { formatAge, formatDuration } from '@common/format/duration'
import { MISSING } from '@common/format/number'
import { formatTimestamp, parseTimestamp } from '@common/format/timestamp'
import { sharedClock } from '../clock/shared-clock'
import { VisuallyHidden } from './visually-hidden'

/** Props of `Age`. */
export interface AgeProps {
  /** ISO 8601 date-time (or epoch ms). Missing shows "—"; a value that is not a date-time shows verbatim. */
  at: string | number | null | undefined
  /** Marks the age as stale once it is older than this. */
  staleAfterMs?: number
  /** Fixed "now" (epoch ms); by default the age follows the shared clock. */
  now?: number
  className?: string
}

const STALE = 'stale'

/** What an age shows at one moment. */
function ageAt(then: number, now: number, staleAfterMs: number | undefined): { text: string; stale: boolean } {
  const age = now - then
  return { text: formatAge(age), stale: staleAfterMs !== undefined && age > staleAfterMs }
}

/**
 * A live age ("47 s ago") in a `<time>` element, with the exact local time as tooltip and
 * `dateTime`, and a "stale" mark (text, not just colour) past `staleAfterMs`.
 *
 * It follows the shared clock by writing its own text on each tick, without a React render, so
 * hundreds of ages on screen cost next to nothing while idle (issue 19). React renders it afresh
 * whenever its props change.
 */
export function Age({ at: timestamp, staleAfterMs, now, className }: AgeProps) {
  const ref = useRef<HTMLSpanElement>(null)
  const then = parseTimestamp(timestamp)
  const fixed = now !== undefined
  useEffect(() => {
    if (fixed || then === undefined) return
    const update = (tick: number) => {
      const element = ref.current
      const time = element?.querySelector('time')
      const mark = element?.querySelector<HTMLElement>('.age-stale-mark')
      if (!element || !time) return
      const shown = ageAt(then, tick, staleAfterMs)
      if (time.textContent !== shown.text) time.textContent = shown.text
      const markText = shown.stale ? STALE : ''
      if (mark && mark.textContent !== markText) {
        mark.textContent = markText
        element.classList.toggle('age-stale', shown.stale)
      }
    }
    update(sharedClock.now())
    return sharedClock.subscribe(update)
  }, [fixed, then, staleAfterMs])

  const classes = (...names: string[]) => ['age', ...names, className ?? ''].filter(Boolean).join(' ')
  if (timestamp === null || timestamp === undefined || timestamp === '') {
    return (
      <span className={classes('age-missing')}>
        <span aria-hidden="true">{MISSING}</span>
        <VisuallyHidden>unknown</VisuallyHidden>
      </span>
    )
  }
  if (then === undefined) return <span className={classes()}>{String(timestamp)}</span>
  const shown = ageAt(then, now ?? sharedClock.now(), staleAfterMs)
  return (
    <span ref={ref} className={classes(shown.stale ? 'age-stale' : '')}>
      <time dateTime={new Date(then).toISOString()} title={formatTimestamp(then, { offset: true })}>
        {shown.text}
      </time>
      {staleAfterMs === undefined ? null : (
        // Empty (and not displayed) until the age passes the limit; the clock fills it in.
        <span className="age-stale-mark" title={`Older than ${formatDuration(staleAfterMs)}`}>
          {shown.stale ? STALE : ''}
        </span>
      )}
    </span>
  )
}
