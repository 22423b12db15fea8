import { formatTimestamp, parseTimestamp } from '@common/format/timestamp'
import { AgeText } from '@renderer/components/age'
import { Banner } from '@renderer/components/banner'
import { Button } from '@renderer/components/button'
import { errorTitle, isProfileError } from '@renderer/components/error-title'
import { RetryCountdown } from '@renderer/components/retry-countdown'
import type { CurrentDevice } from '@renderer/store/device-slice'
import { useAppStore } from '@renderer/store/store-context'

/**
 * The unmistakable "this is not live" banner for an offline copy (a failed fetch fell back to the
 * newest snapshot, e.g. no network or a failed sign-in) or a snapshot opened from the browser: its
 * age, exact time with the zone, origin and, first, why the live fetch failed.
 */
export function OfflineBanner({ current }: { current: CurrentDevice }) {
  const fetchDevice = useAppStore((s) => s.fetchDevice)
  const setView = useAppStore((s) => s.setView)
  const loading = useAppStore((s) => s.deviceStatus === 'loading')
  const { snapshot, error } = current
  const fetchedMs = parseTimestamp(snapshot.fetchedAt)
  const age = fetchedMs === undefined ? 'an unknown time ago' : <AgeText at={fetchedMs} />
  const title = (
    <>
      Offline copy from {age} (<time dateTime={snapshot.fetchedAt}>{formatTimestamp(snapshot.fetchedAt, { offset: true })}</time>), fetched from{' '}
      {snapshot.profileName}: not live
    </>
  )
  return (
    <Banner
      variant="offline"
      title={title}
      className="offline-banner"
      actions={
        <>
          <Button variant="primary" icon="refresh" busy={loading} onClick={() => void fetchDevice(snapshot.deviceId, { refresh: true })}>
            {current.source === 'snapshot' ? 'Fetch live now' : 'Try again'}
          </Button>
          {error && isProfileError(error) ? <Button onClick={() => setView('profiles')}>Open Profiles</Button> : null}
        </>
      }
    >
      {error ? (
        <>
          <p className="offline-error">
            <strong>The live fetch failed: {errorTitle(error)}.</strong> {error.message}
            {error.action ? ` ${error.action}` : ''}
          </p>
          {error.retryAt ? <RetryCountdown retryAt={error.retryAt} /> : null}
        </>
      ) : (
        <p>{current.source === 'snapshot' ? 'Opened from Snapshots.' : 'The newest snapshot kept on this computer.'} Every value is as it was then.</p>
      )}
    </Banner>
  )
}
