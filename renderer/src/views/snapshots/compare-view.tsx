import { useEffect, useMemo, useState } from 'react'
import { formatDuration } from '@common/format/duration'
import { formatTimestamp } from '@common/format/timestamp'
import { compareSnapshots } from '@common/snapshots/compare-snapshots'
import { describeTolerances } from '@common/snapshots/snapshot-fields'
import type { Snapshot } from '@common/snapshot-types'
import { Age } from '@renderer/components/age'
import { Banner } from '@renderer/components/banner'
import { Button } from '@renderer/components/button'
import { EmptyState } from '@renderer/components/empty-state'
import { ErrorPanel } from '@renderer/components/error-panel'
import { Spinner } from '@renderer/components/spinner'
import { readSnapshotDevice } from '@renderer/hooks/use-snapshot-device'
import { useAppStore } from '@renderer/store/store-context'
import { CompareFindings } from './compare-findings'
import { CompareTable } from './compare-table'
import { ExportButtons } from './export-buttons'

const TOLERANCE_SUMMARY = describeTolerances()

/** Two snapshots of one charger side by side (older left), what changed highlighted. */
export function CompareView() {
  const compareIds = useAppStore((s) => s.compareIds)
  const comparison = useAppStore((s) => s.comparison)
  const loadComparison = useAppStore((s) => s.loadComparison)
  const leaveComparison = useAppStore((s) => s.leaveComparison)
  const fromVisit = useAppStore((s) => s.compareFromVisit)

  useEffect(() => {
    if (compareIds && comparison.status === 'idle') void loadComparison()
  }, [compareIds, comparison.status, loadComparison])

  const back = (
    <Button onClick={leaveComparison} className="compare-back">
      {fromVisit ? `← Back to visit ${fromVisit.name}` : '← Back to snapshots'}
    </Button>
  )

  let body
  if (!compareIds) {
    body = (
      <EmptyState level={3} title="Nothing to compare yet">
        In Snapshots, tick two snapshots of the same charger and choose “Compare”.
      </EmptyState>
    )
  } else if (comparison.status === 'error') {
    body = <ErrorPanel headingLevel={2} error={comparison.error} onRetry={() => void loadComparison()} />
  } else if (comparison.status === 'loaded') {
    body = <ComparisonBody older={comparison.older} newer={comparison.newer} />
  } else {
    body = <Spinner label="Loading the two snapshots…" />
  }

  return (
    <section className="view compare-view" aria-labelledby="compare-title">
      <header className="view-header">
        <h1 id="compare-title">Compare snapshots</h1>
        {back}
      </header>
      {body}
    </section>
  )
}

/** "2026-11-23 21:26:38 (6 min ago) · South depot", broken only between its three parts. */
function FetchedWhen({ snapshot }: { snapshot: Snapshot }) {
  return (
    <>
      <span className="compare-nowrap">{formatTimestamp(snapshot.fetchedAt)}</span>{' '}
      <span className="compare-nowrap">
        (<Age at={snapshot.fetchedAt} />)
      </span>{' '}
      <span className="compare-nowrap">· {snapshot.profileName}</span>
    </>
  )
}

function ComparisonBody({ older, newer }: { older: Snapshot; newer: Snapshot }) {
  const [onlyChanged, setOnlyChanged] = useState(false)
  const result = useMemo(() => compareSnapshots(older, newer), [older, newer])
  const findings = useMemo(() => ({ older: readSnapshotDevice(older).findings, newer: readSnapshotDevice(newer).findings }), [older, newer])
  const problems = [result.older.problem, result.newer.problem].filter((p): p is string => p !== null)

  return (
    <>
      <div className="compare-summary">
        <p className="compare-device">
          Charger <strong className="mono">{newer.deviceId}</strong>
          {!result.sameDevice ? <> and <strong className="mono">{older.deviceId}</strong></> : null}
        </p>
        <dl className="facts compare-sides">
          <div>
            <dt>Older</dt>
            <dd>
              <FetchedWhen snapshot={older} />
            </dd>
          </div>
          <div>
            <dt>Newer</dt>
            <dd>
              <FetchedWhen snapshot={newer} />
            </dd>
          </div>
          <div>
            <dt>Between them</dt>
            <dd>
              {result.elapsedMs !== null ? formatDuration(result.elapsedMs) : 'unknown time'} ·{' '}
              {result.changedCount === 1 ? '1 change' : `${result.changedCount} changes`}
            </dd>
          </div>
        </dl>
        <ExportButtons ids={[older.id, newer.id]} subject="comparison" />
      </div>

      {!result.sameDevice ? (
        <Banner variant="warning" title="These snapshots are of different chargers">
          A comparison is only meaningful for two snapshots of the same charger.
        </Banner>
      ) : null}
      {problems.length > 0 ? (
        <Banner variant="error" title="A snapshot could not be read">
          {problems.join(' ')} Only the fetch times are compared.
        </Banner>
      ) : null}

      {result.comparable ? (
        <>
          <CompareFindings older={findings.older} newer={findings.newer} />
          <p className="field-hint compare-tolerance-note">
            Differences smaller than a reading&apos;s tolerance ({TOLERANCE_SUMMARY}) are meter noise between two fetches and show as unchanged.
          </p>
          <label className="compare-only-changed">
            <input type="checkbox" checked={onlyChanged} onChange={(e) => setOnlyChanged(e.target.checked)} /> Show only what changed
          </label>
          <CompareTable
            title="Charger"
            changes={result.device}
            scope="device"
            olderFetchedAt={older.fetchedAt}
            newerFetchedAt={newer.fetchedAt}
            onlyChanged={onlyChanged}
          />
          {result.connectors.map((connector) => (
            <CompareTable
              key={connector.connectorId}
              title={`Connector ${connector.connectorId}`}
              note={
                connector.presence === 'added'
                  ? '(only in the newer snapshot)'
                  : connector.presence === 'removed'
                    ? '(only in the older snapshot)'
                    : undefined
              }
              changes={connector.readings}
              scope="connector"
              olderFetchedAt={older.fetchedAt}
              newerFetchedAt={newer.fetchedAt}
              onlyChanged={onlyChanged}
            />
          ))}
        </>
      ) : null}
    </>
  )
}
