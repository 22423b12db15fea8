import { useEffect, useId, useMemo, useRef } from 'react'
import { formatTimestamp, parseTimestamp } from '@common/format/timestamp'
import { HISTORY_RANGE_DAYS, type HistoryRangeDays } from '@common/history/history-types'
import { historyPatterns } from '@common/history/session-patterns'
import { AgeText } from '@renderer/components/age'
import { Banner } from '@renderer/components/banner'
import { Button } from '@renderer/components/button'
import { EmptyState } from '@renderer/components/empty-state'
import { ErrorPanel } from '@renderer/components/error-panel'
import { errorTitle } from '@renderer/components/error-title'
import { Panel } from '@renderer/components/panel'
import { Loading } from '@renderer/components/spinner'
import { useClockValue } from '@renderer/hooks/use-now'
import { useAppStore } from '@renderer/store/store-context'
import { FindingItem } from '../device/findings-list'
import { ExportButtons } from '../snapshots/export-buttons'
import { EnergyChart } from './energy-chart'
import { SessionDetail } from './session-detail'
import { SessionsTable } from './sessions-table'
import { SnapshotTimeline } from './snapshot-timeline'
import './history.css'

function plural(count: number, noun: string): string {
  return `${count} ${noun}${count === 1 ? '' : 's'}`
}

/** The range picker: 7, 30 or 90 days back from now. */
function RangePicker({ value, onChange, disabled }: { value: HistoryRangeDays; onChange: (days: HistoryRangeDays) => void; disabled: boolean }) {
  const id = useId()
  return (
    <label className="range-picker" htmlFor={id}>
      Range{' '}
      <select id={id} value={value} disabled={disabled} onChange={(event) => onChange(Number(event.target.value) as HistoryRangeDays)}>
        {HISTORY_RANGE_DAYS.map((days) => (
          <option key={days} value={days}>
            last {days} days
          </option>
        ))}
      </select>
    </label>
  )
}

/**
 * A device's history: its charging sessions over a range (patterns first, then energy per day, the
 * sessions and the selected one), and its own timeline of snapshots. Opens offline from the last
 * history kept on disk, with the same "offline copy" banner as a device.
 */
export function HistoryView() {
  // Minute by minute is enough for the timeline's "now" (the end of a recording still running).
  const now = useClockValue((time) => time - (time % 60_000))
  const deviceId = useAppStore((s) => s.historyDeviceId)
  const status = useAppStore((s) => s.historyStatus)
  const fetched = useAppStore((s) => s.history)
  const error = useAppStore((s) => s.historyError)
  const days = useAppStore((s) => s.historyDays)
  const loadHistory = useAppStore((s) => s.loadHistory)
  const selectedId = useAppStore((s) => s.selectedRecordId)
  const selectRecord = useAppStore((s) => s.selectRecord)
  const timeline = useAppStore((s) => s.timeline)
  const recordings = useAppStore((s) => s.timelineRecordings)
  const timelineError = useAppStore((s) => s.timelineError)
  const picks = useAppStore((s) => s.timelinePicks)
  const togglePick = useAppStore((s) => s.toggleTimelinePick)
  const startComparison = useAppStore((s) => s.startComparison)
  const setView = useAppStore((s) => s.setView)
  const headingRef = useRef<HTMLHeadingElement>(null)
  useEffect(() => headingRef.current?.focus(), [deviceId])

  const history = fetched?.history.deviceId === deviceId ? fetched.history : null
  const fetchedMs = parseTimestamp(history?.fetchedAt) ?? now
  const connectorIds = useMemo(() => [...new Set(timeline.at(-1)?.connectors.map((c) => c.connectorId) ?? [])], [timeline])
  const patterns = useMemo(
    () => (history ? historyPatterns({ records: history.records, now: parseTimestamp(history.range.end) ?? fetchedMs, rangeDays: history.range.days, connectorIds }) : []),
    [history, fetchedMs, connectorIds],
  )
  const selected = history?.records.find((r) => r.record_id === selectedId) ?? null

  if (!deviceId) {
    return (
      <EmptyState title="No charger chosen" icon="info">
        <p>Look up a charger first, then open its history from the device view.</p>
        <Button variant="primary" onClick={() => setView('device')}>
          Go to device lookup
        </Button>
      </EmptyState>
    )
  }

  return (
    <section className="view history-view" aria-labelledby="history-title">
      <header className="view-header">
        <h1 id="history-title" ref={headingRef} tabIndex={-1}>
          History of <span className="mono">{deviceId}</span>
        </h1>
        <div className="view-actions">
          <RangePicker value={days} disabled={status === 'loading'} onChange={(next) => void loadHistory(next)} />
          <Button variant="primary" icon="refresh" busy={status === 'loading'} onClick={() => void loadHistory()}>
            Fetch again
          </Button>
          <Button onClick={() => setView('device')}>Back to the charger</Button>
        </div>
      </header>

      {fetched?.source === 'offline' && history ? (
        <Banner variant="offline" title={<>Offline copy of the history from <AgeText at={history.fetchedAt} /> ({formatTimestamp(history.fetchedAt, { offset: true })})</>}>
          <p>The live fetch failed, so this is the last history kept on this computer ({history.range.days} days up to then). Nothing below is live.</p>
          <p className="offline-error">
            <strong>{errorTitle(fetched.error)}:</strong> {fetched.error.message} {fetched.error.action ?? ''}
          </p>
        </Banner>
      ) : null}
      {fetched?.source === 'live' && fetched.storageError ? (
        <Banner variant="warning" title="Fetched, but not kept for offline use">
          <p>
            {fetched.storageError.message} {fetched.storageError.action ?? ''}
          </p>
        </Banner>
      ) : null}
      {history?.truncated ? (
        <Banner variant="info" title="Only the newest 10,000 sessions are shown">
          <p>Choose a shorter range to see every session of that period.</p>
        </Banner>
      ) : null}

      {status === 'loading' && !history ? <Loading>Fetching charging records for the last {days} days…</Loading> : null}
      {status === 'error' && error && !history ? <ErrorPanel error={error} title={`History not available: ${errorTitle(error)}`} onRetry={() => void loadHistory()} /> : null}

      {history ? (
        <>
          <p className="history-summary">
            {history.records.length} sessions from {formatTimestamp(history.range.start)} to {formatTimestamp(history.range.end, { offset: true })}, fetched{' '}
            <AgeText at={history.fetchedAt} /> from {history.profileName}.
          </p>
          {timeline.length > 0 ? (
            <ExportButtons ids={[timeline.at(-1)!.snapshotId]} subject="newest snapshot with this history" includeHistory />
          ) : null}
          <Panel title={`Patterns (${patterns.length})`}>
            {patterns.length === 0 ? (
              <p className="muted">No pattern in this range: no repeated failed starts, no silent connector, no battery drop on a unit that cannot discharge.</p>
            ) : (
              <ul className="findings">
                {patterns.map((finding) => (
                  <FindingItem key={`${finding.ruleId}-${finding.connectorId ?? ''}`} finding={finding} deviceId={deviceId} />
                ))}
              </ul>
            )}
          </Panel>
          {history.records.length === 0 ? (
            <EmptyState title={`No charging session in the last ${history.range.days} days`} level={2}>
              <p>Try a longer range, or check that this charger is in use.</p>
            </EmptyState>
          ) : (
            <>
              <Panel title="Energy per day">
                <EnergyChart records={history.records} startMs={parseTimestamp(history.range.start) ?? fetchedMs} endMs={parseTimestamp(history.range.end) ?? fetchedMs} />
              </Panel>
              <div className="sessions-layout">
                <Panel title={`Sessions (${history.records.length}), newest first`}>
                  <SessionsTable records={history.records} selectedId={selectedId} onSelect={selectRecord} />
                </Panel>
                {selected ? <SessionDetail record={selected} /> : <p className="muted session-hint">Choose a session’s start time to see its power and details.</p>}
              </div>
            </>
          )}
        </>
      ) : null}

      <Panel title={`Timeline: ${plural(timeline.length, 'snapshot')}${recordings.length ? `, ${plural(recordings.length, 'recording')}` : ''}`}>
        {timelineError ? <ErrorPanel error={timelineError} title="Timeline not available" role="none" headingLevel={3} /> : null}
        {timeline.length === 0 && recordings.length === 0 && !timelineError ? (
          <p className="muted">No snapshot of this charger is kept yet: every lookup adds one.</p>
        ) : (
          <SnapshotTimeline points={timeline} recordings={recordings} now={now} picks={picks} onPick={togglePick} onCompare={(ids) => void startComparison(ids)} />
        )}
      </Panel>
    </section>
  )
}
