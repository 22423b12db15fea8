import { formatDuration } from '@common/format/duration'
import { useNow } from '@renderer/hooks/use-now'
import { useAppStore } from '@renderer/store/store-context'

const REASONS = {
  reads: 'to stay under the Tellus rate limit',
  token: 'to stay under the Tellus sign-in limit',
  retry: 'before trying Tellus again',
} as const

/** "Waiting 12 s to stay under the Tellus rate limit" while the client holds a request back. */
export function PacingNotice() {
  const waitMs = useAppStore((s) => s.pacingWaitMs)
  const until = useAppStore((s) => s.pacingUntil)
  const reason = useAppStore((s) => s.pacingReason)
  const now = useNow()
  if (waitMs === null || until === null || reason === null) return null
  // The clock may not have ticked since the event arrived: never show more than the announced wait.
  const left = Math.max(0, Math.min(waitMs, until - now))
  return (
    <p className="pacing-notice" role="status">
      {left > 0 ? `Waiting ${formatDuration(Math.ceil(left / 1000) * 1000)} ${REASONS[reason]}.` : 'Sending the request now…'}
    </p>
  )
}
