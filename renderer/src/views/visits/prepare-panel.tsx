import { useState } from 'react'
import { formatDuration } from '@common/format/duration'
import { DEFAULT_HISTORY_RANGE_DAYS } from '@common/history/history-types'
import type { PrepareProgress } from '@common/visits/visit-types'
import { Banner } from '@renderer/components/banner'
import { Button } from '@renderer/components/button'
import { Panel } from '@renderer/components/panel'
import { useNow } from '@renderer/hooks/use-now'
import { useAppStore } from '@renderer/store/store-context'
import { historyCountWords, progressWords, statusLine } from './prepare-words'

/** Done / failed / waiting as one bar over every read (details, and histories when asked for): colour plus the counts in words. */
function ProgressBar({ progress }: { progress: PrepareProgress }) {
  const { total, done, failed, waiting, history } = progress
  const reads = total + (history ? total : 0)
  const share = (n: number) => `${reads === 0 ? 0 : (n / reads) * 100}%`
  return (
    <div className="prepare-progress">
      <div className="prepare-bar" role="progressbar" aria-label="Preparation" aria-valuemin={0} aria-valuemax={reads} aria-valuenow={done + failed + (history ? history.done + history.failed : 0)} aria-valuetext={progressWords(progress)}>
        <span className="prepare-bar-done" style={{ width: share(done + (history?.done ?? 0)) }} />
        <span className="prepare-bar-failed" style={{ width: share(failed + (history?.failed ?? 0)) }} />
      </div>
      <p className="prepare-counts">
        <span className="prepare-count prepare-count-done">✔ {done} done</span>
        <span className="prepare-count prepare-count-failed">✖ {failed} failed</span>
        <span className="prepare-count prepare-count-waiting">… {waiting} waiting</span>
        {history ? <span className="prepare-count prepare-count-history">{historyCountWords(history)}</span> : null}
      </p>
    </div>
  )
}

/** Counts down from the scheduler's last estimate between progress reports, and says how many reads it covers. */
function TimeLeft({ progress }: { progress: PrepareProgress }) {
  const now = useNow()
  const receivedAt = useAppStore((s) => s.prepareProgressAt[progress.visitId] ?? now)
  if (progress.etaMs === null) return null
  const left = Math.max(0, progress.etaMs - (now - receivedAt))
  const reads = progress.withHistory ? ` (${progress.readsLeft} reads, histories included, at the API's pace)` : ''
  return <span className="prepare-eta">{left < 1000 ? 'finishing…' : `about ${formatDuration(left)} left${reads}`}</span>
}

/**
 * Prepare for offline: one button fetches every charger of the work list (and, when ticked, its
 * charging history) within the API's pacing, with progress, time left and cancel; a stopped run
 * offers to resume with the same choice, failures to retry.
 */
export function PreparePanel({ visitId, deviceCount }: { visitId: string; deviceCount: number }) {
  const progress = useAppStore((s) => s.prepareProgress[visitId] ?? null)
  const error = useAppStore((s) => s.prepareError)
  const prepare = useAppStore((s) => s.prepareOpenVisit)
  const cancel = useAppStore((s) => s.cancelPrepare)
  // The visit's own choice (from its last run), until the technician changes it here.
  const stored = progress?.withHistory ?? false
  const [ticked, setTicked] = useState<{ visitId: string; stored: boolean; value: boolean } | null>(null)
  const withHistory = ticked && ticked.visitId === visitId && ticked.stored === stored ? ticked.value : stored
  const setWithHistory = (value: boolean) => setTicked({ visitId, stored, value })
  const running = progress?.status === 'running'
  const historyPending = progress?.history ? progress.history.waiting + progress.history.failed : 0
  const pending = progress ? progress.waiting + progress.failed + (withHistory ? historyPending : 0) : deviceCount
  const resumable = progress !== null && pending > 0 && (progress.done > 0 || (progress.history?.done ?? 0) > 0)

  const actions = running ? (
    <Button variant="danger" onClick={() => void cancel()}>
      Cancel
    </Button>
  ) : (
    <>
      {resumable ? (
        <Button variant="primary" icon="refresh" onClick={() => void prepare('remaining', withHistory)}>
          {progress.waiting > 0 || (progress.history?.waiting ?? 0) > 0 ? `Resume (${pending} to fetch)` : `Retry ${pending} failed`}
        </Button>
      ) : null}
      <Button variant={resumable ? 'secondary' : 'primary'} icon="archive" disabled={deviceCount === 0} onClick={() => void prepare('all', withHistory)}>
        {progress && progress.done > 0 ? 'Prepare all again' : 'Prepare for offline'}
      </Button>
    </>
  )

  return (
    <Panel title="Prepare for offline" actions={actions} className="prepare-panel">
      {deviceCount === 0 ? <p className="muted">Add chargers to the work list first.</p> : null}
      {deviceCount > 0 ? (
        <label className="prepare-history-choice">
          <input type="checkbox" checked={withHistory} disabled={running} onChange={(e) => setWithHistory(e.target.checked)} />{' '}
          {`Also fetch charging history (${deviceCount === 1 ? '1 more read' : `${deviceCount} more reads`} at least, one per 100 sessions of the last ${DEFAULT_HISTORY_RANGE_DAYS} days)`}
        </label>
      ) : null}
      {progress && deviceCount > 0 ? (
        <>
          <ProgressBar progress={progress} />
          <p className="prepare-status" role="status">
            {statusLine(progress)} {running ? <TimeLeft progress={progress} /> : null}
          </p>
          {progress.reason && progress.status !== 'finished' ? <p className="prepare-reason">{progress.reason}</p> : null}
        </>
      ) : null}
      {deviceCount > 0 && !progress ? (
        <p className="muted">
          Fetches every charger at up to 60 a minute (the API's limit), so the visit works with no signal.
          {withHistory ? ' With the charging history, at least twice the reads, so at least twice the time.' : ''}
        </p>
      ) : null}
      {error ? (
        <Banner variant="error" title="The preparation did not start">
          {error.message} {error.action ?? ''}
        </Banner>
      ) : null}
    </Panel>
  )
}
