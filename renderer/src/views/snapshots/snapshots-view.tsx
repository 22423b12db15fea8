import { useEffect, useRef, useState } from 'react'
import { Button } from '@renderer/components/button'
import { EmptyState } from '@renderer/components/empty-state'
import { ErrorPanel } from '@renderer/components/error-panel'
import { Spinner } from '@renderer/components/spinner'
import { SNAPSHOT_LIST_LIMIT } from '@renderer/store/snapshots-slice'
import { useAppStore } from '@renderer/store/store-context'
import { compareReadiness } from './compare-selection'
import { DeleteAction } from './delete-action'
import { QuarantineBanner } from './quarantine-banner'
import { RetentionSetting } from './retention-setting'
import { SnapshotFilters } from './snapshot-filters'
import { SnapshotTable } from './snapshot-table'
import './snapshots.css'

const EMPTY_TEXT = 'No snapshots yet. Every device you fetch is kept here for offline use.'

function deletedText(deleted: number): string {
  return deleted === 1 ? 'Deleted 1 snapshot.' : `Deleted ${deleted} snapshots.`
}

/** Offline snapshots: browse and filter, open, compare two, delete, export, retention. */
export function SnapshotsView() {
  const filter = useAppStore((s) => s.snapshotFilter)
  const status = useAppStore((s) => s.snapshotsStatus)
  const items = useAppStore((s) => s.snapshotItems)
  const quarantined = useAppStore((s) => s.quarantinedSnapshots)
  const error = useAppStore((s) => s.snapshotsError)
  const selectedIds = useAppStore((s) => s.selectedSnapshotIds)
  const openError = useAppStore((s) => s.openSnapshotError)
  const loadSnapshots = useAppStore((s) => s.loadSnapshots)
  const applyFilter = useAppStore((s) => s.applySnapshotFilter)
  const startComparison = useAppStore((s) => s.startComparison)
  const [notice, setNotice] = useState<string | null>(null)
  const noticeRef = useRef<HTMLParagraphElement>(null)

  useEffect(() => {
    void loadSnapshots()
  }, [loadSnapshots])

  const onDeleted = (deleted: number) => {
    setNotice(deletedText(deleted))
    // The deleted row is gone: put focus somewhere meaningful instead of the page.
    queueMicrotask(() => noticeRef.current?.focus())
  }
  const showHistory = (deviceId: string) => void applyFilter({ deviceId, siteId: '' })
  const readiness = compareReadiness(selectedIds, items)
  const filtered = filter.deviceId !== '' || filter.siteId !== ''

  let list
  if (status === 'error' && error) {
    list = <ErrorPanel headingLevel={2} error={error} onRetry={() => void loadSnapshots()} />
  } else if ((status === 'loading' || status === 'idle') && items.length === 0) {
    list = <Spinner label="Loading snapshots…" />
  } else if (items.length === 0) {
    list = filtered ? (
      <EmptyState level={3} title="No snapshots match this filter">
        <p>
          Nothing stored for {filter.deviceId ? <code>{filter.deviceId}</code> : null}
          {filter.deviceId && filter.siteId ? ' at ' : null}
          {filter.siteId ? <code>{filter.siteId}</code> : null}.
        </p>
        <Button onClick={() => void applyFilter({ deviceId: '', siteId: '' })}>Show all snapshots</Button>
      </EmptyState>
    ) : (
      <EmptyState level={3} title="No snapshots yet">{EMPTY_TEXT}</EmptyState>
    )
  } else {
    list = (
      <>
        <div className="compare-bar">
          <Button
            variant="primary"
            disabled={!readiness.ready}
            aria-describedby="compare-hint"
            onClick={() => {
              if (readiness.ready) void startComparison(readiness.ids)
            }}
          >
            Compare
          </Button>
          <p id="compare-hint" className="compare-hint">
            {readiness.ready ? 'Compare the two ticked snapshots side by side.' : readiness.hint}
          </p>
        </div>
        <SnapshotTable items={items} singleDevice={filter.deviceId !== ''} onHistory={showHistory} onDeleted={onDeleted} />
        {items.length >= SNAPSHOT_LIST_LIMIT ? (
          <p className="muted">Showing the newest {SNAPSHOT_LIST_LIMIT}. Filter by device or site to see older snapshots.</p>
        ) : null}
      </>
    )
  }

  return (
    <section className="view snapshots-view" aria-labelledby="snapshots-title">
      <header className="view-header">
        <h1 id="snapshots-title">{filter.deviceId ? `Snapshots of ${filter.deviceId}` : 'Snapshots'}</h1>
        <p className="muted">Every charger you fetch is stored here, so you can open it again without a network.</p>
      </header>
      <QuarantineBanner items={quarantined} />
      {openError ? <ErrorPanel headingLevel={2} error={openError} /> : null}
      <SnapshotFilters filter={filter} onApply={(f) => void applyFilter(f)} />
      <p ref={noticeRef} className="ok-notice" role="status" tabIndex={-1}>
        {notice}
      </p>
      {status === 'loading' && items.length > 0 ? <p className="muted">Refreshing…</p> : null}
      {list}
      {filter.deviceId && items.length > 0 ? (
        <DeleteAction
          deletion={{ scope: 'device', deviceId: filter.deviceId }}
          label={`Delete the history of ${filter.deviceId}`}
          question={`Delete every stored snapshot of ${filter.deviceId}? This cannot be undone.`}
          confirmLabel="Delete history"
          onDeleted={onDeleted}
        />
      ) : null}
      <section className="snapshot-storage" aria-labelledby="snapshot-storage-title">
        <h2 id="snapshot-storage-title">Storage</h2>
        <RetentionSetting />
        <DeleteAction
          deletion={{ scope: 'all' }}
          label="Delete all snapshots"
          question="Delete every stored snapshot of every charger? You will have no offline copies until you fetch again."
          confirmLabel="Delete all snapshots"
          onDeleted={onDeleted}
        />
      </section>
    </section>
  )
}
