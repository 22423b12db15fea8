import { useState } from 'react'
import { healthLook } from '@renderer/components/health-mark'
import type { TriageRow as Row } from '@common/visits/visit-types'
import { Age } from '@renderer/components/age'
import { Button } from '@renderer/components/button'
import { Icon } from '@renderer/components/icon'
import { StatusBadge } from '@renderer/components/status-badge'
import { VisuallyHidden } from '@renderer/components/visually-hidden'

/** Props of one board row. */
export interface TriageRowProps {
  row: Row
  active: boolean
  onOpen: () => void
  onCompare: () => void
  onRunbook: () => void
  onFocus: () => void
  /** Takes the charger off the work list (asked for once more in the row first). */
  onRemove: () => void
}

/** A snapshot older than this is marked stale on the board (a prepared visit is hours old at most). */
const STALE_AFTER_MS = 24 * 60 * 60_000

/** The charger's charging history: kept offline by the preparation (with its session count), or why not. */
function HistoryMark({ history }: { history: Row['history'] }) {
  if (!history) return <span className="triage-cell triage-history" />
  const kept = history.state === 'kept'
  const detail = kept ? `${history.records} session${history.records === 1 ? '' : 's'} kept offline` : `not kept: ${history.reason}`
  return (
    <span className={`triage-cell triage-history triage-history-${history.state}`} title={`Charging history ${detail}`}>
      <Icon name={kept ? 'ok' : 'critical'} />
      <span className="triage-history-word">{kept ? 'History' : 'No history'}</span>
      <VisuallyHidden>: {detail}</VisuallyHidden>
    </span>
  )
}

/**
 * One charger on the board: worst finding, id and model, site, status, the one-line problem, the
 * snapshot's age and "ready offline" (and its charging history's, when prepared with it); opens the device view; opens the worst finding's runbook for this
 * charger in this visit; compares before/after when there is an after; comes off the work list
 * after a confirmation in the row.
 */
export function TriageRowView({ row, active, onOpen, onCompare, onRunbook, onFocus, onRemove }: TriageRowProps) {
  const [confirming, setConfirming] = useState(false)
  const level = row.snapshotId === null ? null : (row.worst ?? 'healthy')
  return (
    <div className={['triage-row', active ? 'triage-row-active' : '', row.worst ? `triage-row-${row.worst}` : ''].filter(Boolean).join(' ')}>
      <span className="triage-cell triage-severity">
        {level ? <StatusBadge kind="custom" look={healthLook(level)} className="badge-small" /> : <StatusBadge kind="custom" look={{ tone: 'neutral', icon: 'unknown', label: 'Unknown', origin: 'documented' }} className="badge-small" />}
      </span>
      <span className="triage-cell triage-device">
        <button type="button" className="triage-open mono" tabIndex={active ? 0 : -1} data-device={row.deviceId} onClick={onOpen} onFocus={onFocus} aria-disabled={row.snapshotId === null || undefined} aria-label={`Open ${row.deviceId}${row.snapshotId === null ? ' (no offline copy)' : ''}`}>
          {row.deviceId}
        </button>
        <span className="muted triage-model">{[row.model, row.siteId].filter(Boolean).join(' · ') || '—'}</span>
      </span>
      <span className="triage-cell triage-status">{row.snapshotId ? <StatusBadge kind="device" value={row.status} className="badge-small" /> : <span className="muted">—</span>}</span>
      <span className="triage-cell triage-problem" title={row.findingCount > 1 ? `${row.problem} (+${row.findingCount - 1} more)` : row.problem}>
        {row.problem}
        {row.findingCount > 1 ? <span className="muted"> (+{row.findingCount - 1} more)</span> : null}
      </span>
      <span className="triage-cell triage-age">{row.fetchedAt ? <Age at={row.fetchedAt} staleAfterMs={STALE_AFTER_MS} /> : <span className="muted">never</span>}</span>
      <span className={['triage-cell', 'triage-ready', row.snapshotId ? 'triage-ready-yes' : 'triage-ready-no'].join(' ')}>
        <Icon name={row.snapshotId ? 'ok' : 'offline'} />
        {row.snapshotId ? 'Ready offline' : row.failed ? 'Failed' : 'Not ready'}
      </span>
      <HistoryMark history={row.history} />
      <span className="triage-cell triage-actions">
        {confirming ? null : (
          <>
            {row.runbook ? (
              <Button size="small" tabIndex={active ? 0 : -1} onClick={onRunbook} aria-label={`Runbook “${row.runbook.title}” for ${row.deviceId}`} title={`Runbook: ${row.runbook.title}`}>
                Runbook
              </Button>
            ) : null}
            {row.afterSnapshotId ? (
              <Button size="small" tabIndex={active ? 0 : -1} onClick={onCompare} aria-label={`Before / after: compare ${row.deviceId}`}>
                Before / after
              </Button>
            ) : null}
          </>
        )}
        {confirming ? (
          <span className="triage-remove-confirm" role="group" aria-label={`Remove ${row.deviceId}?`} title="Its snapshots stay on this laptop.">
            <VisuallyHidden>Its snapshots stay on this laptop.</VisuallyHidden>
            <Button size="small" variant="danger" tabIndex={active ? 0 : -1} onClick={onRemove} aria-label={`Yes, remove ${row.deviceId}`}>
              Yes, remove
            </Button>
            <Button size="small" variant="ghost" tabIndex={active ? 0 : -1} onClick={() => setConfirming(false)}>
              Keep
            </Button>
          </span>
        ) : (
          <Button size="small" variant="ghost" tabIndex={active ? 0 : -1} onClick={() => setConfirming(true)} aria-label={`Remove ${row.deviceId} from the work list`}>
            Remove
          </Button>
        )}
      </span>
    </div>
  )
}
