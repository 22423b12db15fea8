import { formatAge, formatDuration } from '@common/format/duration'
import { MISSING } from '@common/format/number'
import { formatTimestamp, parseTimestamp } from '@common/format/timestamp'
import { useNow } from '../hooks/use-now'
import { VisuallyHidden } from './visually-hidden'

/** Props of `Age`. */
export interface AgeProps {
  /** ISO 8601 date-time (or epoch ms). Missing shows "—"; a value that is not a date-time shows verbatim. */
  at: string | number | null | undefined
  /** Marks the age as stale once it is older than this. */
  staleAfterMs?: number
  /** Fixed "now" (epoch ms); by default the age updates every second. */
  now?: number
  className?: string
}

/**
 * A live age ("47 s ago") in a `<time>` element, with the exact local time as tooltip and
 * `dateTime`, and a "stale" mark (text, not just colour) past `staleAfterMs`.
 */
export function Age({ at: timestamp, staleAfterMs, now, className }: AgeProps) {
  const tickingNow = useNow()
  const nowMs = now ?? tickingNow
  const then = parseTimestamp(timestamp)
  if (timestamp === null || timestamp === undefined || timestamp === '') {
    return (
      <span className={['age', 'age-missing', className ?? ''].filter(Boolean).join(' ')}>
        <span aria-hidden="true">{MISSING}</span>
        <VisuallyHidden>unknown</VisuallyHidden>
      </span>
    )
  }
  if (then === undefined) return <span className={['age', className ?? ''].filter(Boolean).join(' ')}>{String(timestamp)}</span>
  const age = nowMs - then
  const stale = staleAfterMs !== undefined && age > staleAfterMs
  const exact = formatTimestamp(then, { offset: true })
  return (
    <span className={['age', stale ? 'age-stale' : '', className ?? ''].filter(Boolean).join(' ')}>
      <time dateTime={new Date(then).toISOString()} title={exact}>
        {formatAge(age)}
      </time>
      {stale ? (
        <span className="age-stale-mark" title={`Older than ${formatDuration(staleAfterMs)}`}>
          stale
        </span>
      ) : null}
    </span>
  )
}
