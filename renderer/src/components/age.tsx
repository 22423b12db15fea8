import { useEffect, useRef } from 'react'
import { formatAgeSince, formatDuration } from '@common/format/duration'
import { MISSING } from '@common/format/number'
import { formatTimestamp, parseTimestamp } from '@common/format/timestamp'
import { ageAt, ageFollower } from '../clock/age-follower'
import { sharedClock } from '../clock/shared-clock'
import { useClockValue } from '../hooks/use-now'
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

/**
 * A live age ("47 s ago") in a `<time>` element, with the exact local time as tooltip and
 * `dateTime`, and a "stale" mark (text, not just colour) past `staleAfterMs`.
 *
 * It follows the shared clock through `ageFollower`, which writes its text when it changes and
 * while it is near the viewport, without a React render, so hundreds of ages on screen cost next
 * to nothing while idle (issue 19). React renders it afresh whenever its props change.
 */
export function Age({ at: timestamp, staleAfterMs, now, className }: AgeProps) {
  const rootRef = useRef<HTMLSpanElement>(null)
  const timeRef = useRef<HTMLTimeElement>(null)
  const markRef = useRef<HTMLSpanElement>(null)
  const then = parseTimestamp(timestamp)
  const fixed = now !== undefined
  useEffect(() => {
    const root = rootRef.current
    const time = timeRef.current
    if (fixed || then === undefined || !root || !time) return
    return ageFollower.follow({ root, time, mark: markRef.current, then, staleAfterMs })
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
    <span ref={rootRef} className={classes(shown.stale ? 'age-stale' : '')}>
      <time ref={timeRef} dateTime={new Date(then).toISOString()} title={formatTimestamp(then, { offset: true })}>
        {shown.text}
      </time>
      {staleAfterMs === undefined ? null : (
        // Empty (and not displayed) until the age passes the limit; the clock fills it in.
        <span ref={markRef} className="age-stale-mark" title={`Older than ${formatDuration(staleAfterMs)}`}>
          {shown.stale ? 'stale' : ''}
        </span>
      )}
    </span>
  )
}

/**
 * A live age as plain text inside a sentence ("Offline copy from 2 h 14 min ago (…)"): no element
 * of its own, "—" when missing. Only it re-renders, and only when its text changes, so the view
 * around it stays still while the age counts.
 */
export function AgeText({ at }: { at: string | number | null | undefined }) {
  const text = useClockValue((now) => formatAgeSince(at, now))
  return <>{text}</>
}
