import { formatDuration } from '@common/format/duration'
import { formatTimestamp } from '@common/format/timestamp'
import { useNow } from '@renderer/hooks/use-now'

/**
 * The wait Tellus asked for (a 5001 with `retry_after_seconds`, remembered by main), counting down
 * on the shared clock to `retryAt`: "Requests to Tellus resume in 49 min 50 s (at 2026-05-01 12:50:00)".
 */
export function RetryCountdown({ retryAt }: { retryAt: string }) {
  const now = useNow()
  const end = Date.parse(retryAt)
  if (!Number.isFinite(end)) return null
  const left = end - now
  return (
    <p className="retry-countdown" role="timer">
      {left > 0
        ? `Requests to Tellus resume in ${formatDuration(Math.ceil(left / 1000) * 1000)} (at ${formatTimestamp(retryAt)}).`
        : 'The wait Tellus asked for is over: you can try again now.'}
    </p>
  )
}
