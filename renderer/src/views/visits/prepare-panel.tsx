import { formatDuration } from '@common/format/duration'
import type { PrepareProgress } from '@common/visits/visit-types'
import { Banner } from '@renderer/components/banner'
import { Button } from '@renderer/components/button'
import { Panel } from '@renderer/components/panel'
import { useNow } from '@renderer/hooks/use-now'
import { useAppStore } from '@renderer/store/store-context'

/** Done / failed / waiting as one bar: colour plus the counts in words. */
function ProgressBar({ progress }: { progress: PrepareProgress }) {
  const { total, done, failed, waiting } = progress
  const share = (n: number) => `${total === 0 ? 0 : (n / total) * 100}%`
  const words = `${done} done, ${failed} failed, ${waiting} waiting of ${total}`
  return (
    <div className="prepare-progress">
      <div className="prepare-bar" role="progressbar" aria-label="Preparation" aria-valuemin={0} aria-valuemax={total} aria-valuenow={done + failed} aria-valuetext={words}>
        <span className="prepare-bar-done" style={{ width: share(done) }} />
        <span className="prepare-bar-failed" style={{ width: share(failed) }} />
      </div>
      <p className="prepare-counts">
        <span className="prepare-count prepare-count-done">✔ {done} done</span>
        <span className="prepare-count prepare-count-failed">✖ {failed} failed</span>
        <span className="prepare-count prepare-count-waiting">… {waiting} waiting</span>
      </p>
    </div>
  )
}

/** Counts down from the scheduler's last estimate between progress reports. */
function TimeLeft({ progress }: { progress: PrepareProgress }) {
  const now = useNow()
  const receivedAt = useAppStore((s) => s.prepareProgressAt[progress.visitId] ?? now)
  if (progress.etaMs === null) return null
  const left = Math.max(0, progress.etaMs - (now - receivedAt))
  return <span className="prepare-eta">{left < 1000 ? 'finishing…' : `about ${formatDuration(left)} left`}</span>
}

/** The words of a run's state. */
function statusLine(progress: PrepareProgress): string {
  switch (progress.status) {
    case 'running':
      return progress.currentDeviceId ? `Fetching ${progress.currentDeviceId}` : 'Starting…'
    case 'finished':
      return progress.failed > 0 ? `Prepared: ${progress.failed} charger${progress.failed === 1 ? '' : 's'} could not be fetched (see the board).` : 'Prepared: every charger is ready offline.'
    case 'cancelled':
      return `Cancelled: ${progress.waiting} charger${progress.waiting === 1 ? '' : 's'} still to fetch.`
    case 'interrupted':
      return `Stopped: ${progress.waiting} charger${progress.waiting === 1 ? '' : 's'} still to fetch.`
  }
}

/**
 * Prepare for offline: one button fetches every charger of the work list within the API's pacing,
 * with progress, time left and cancel; a stopped run offers to resume, failures to retry.
 */
export function PreparePanel({ visitId, deviceCount }: { visitId: string; deviceCount: number }) {
  const progress = useAppStore((s) => s.prepareProgress[visitId] ?? null)
  const error = useAppStore((s) => s.prepareError)
  const prepare = useAppStore((s) => s.prepareOpenVisit)
  const cancel = useAppStore((s) => s.cancelPrepare)
  const running = progress?.status === 'running'
  const pending = progress ? progress.waiting + progress.failed : deviceCount

  const actions = running ? (
    <Button variant="danger" onClick={() => void cancel()}>
      Cancel
    </Button>
  ) : (
    <>
      {progress && pending > 0 && progress.done > 0 ? (
        <Button variant="primary" icon="refresh" onClick={() => void prepare('remaining')}>
          {progress.waiting > 0 ? `Resume (${pending} to fetch)` : `Retry ${pending} failed`}
        </Button>
      ) : null}
      <Button variant={progress && pending > 0 && progress.done > 0 ? 'secondary' : 'primary'} icon="archive" disabled={deviceCount === 0} onClick={() => void prepare('all')}>
        {progress && progress.done > 0 ? 'Prepare all again' : 'Prepare for offline'}
      </Button>
    </>
  )

  return (
    <Panel title="Prepare for offline" actions={actions} className="prepare-panel">
      {deviceCount === 0 ? <p className="muted">Add chargers to the work list first.</p> : null}
      {progress && deviceCount > 0 ? (
        <>
          <ProgressBar progress={progress} />
          <p className="prepare-status" role="status">
            {statusLine(progress)} {running ? <TimeLeft progress={progress} /> : null}
          </p>
          {progress.reason && progress.status !== 'finished' ? <p className="prepare-reason">{progress.reason}</p> : null}
        </>
      ) : null}
      {deviceCount > 0 && !progress ? <p className="muted">Fetches every charger at up to 60 a minute (the API's limit), so the visit works with no signal.</p> : null}
      {error ? (
        <Banner variant="error" title="The preparation did not start">
          {error.message} {error.action ?? ''}
        </Banner>
      ) : null}
    </Panel>
  )
}
