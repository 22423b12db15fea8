import type { SnapshotMeta } from '@common/snapshot-types'
import { formatTimestamp } from '@common/format/timestamp'
import { MISSING } from '@common/format/number'
import { Age } from '@renderer/components/age'
import { Button } from '@renderer/components/button'
import { StatusBadge } from '@renderer/components/status-badge'
import { VisuallyHidden } from '@renderer/components/visually-hidden'
import { DeleteAction } from './delete-action'
import { SnapshotHealthCell } from './snapshot-health-cell'

/** Props of `SnapshotRow`. */
export interface SnapshotRowProps {
  /** Position in the whole list (for measuring and `aria-rowindex`). */
  index: number
  /** Receives the row element, so a virtual list can measure it. */
  rowRef?: (row: HTMLTableRowElement | null) => void
  meta: SnapshotMeta
  selected: boolean
  opening: boolean
  /** False when the list already shows only this charger's history. */
  showHistoryButton: boolean
  onToggle: (id: string) => void
  onOpen: (id: string) => void
  onHistory: (deviceId: string) => void
  onDeleted: (deleted: number) => void
}

/** One stored snapshot: tick to compare, open in the device view, show the charger's history, delete. */
export function SnapshotRow({ index, rowRef, meta, selected, opening, showHistoryButton, onToggle, onOpen, onHistory, onDeleted }: SnapshotRowProps) {
  const when = formatTimestamp(meta.fetchedAt)
  const what = `snapshot of ${meta.deviceId} from ${when}`
  return (
    <tr ref={rowRef} data-index={index} aria-rowindex={index + 2} className={selected ? 'snapshot-row snapshot-row-selected' : 'snapshot-row'}>
      <td className="snapshot-select">
        <input type="checkbox" checked={selected} onChange={() => onToggle(meta.id)} aria-label={`Select ${what} for comparison`} />
      </td>
      <th scope="row">
        <Button variant="ghost" className="snapshot-open mono" busy={opening} aria-label={`Open ${what}`} onClick={() => onOpen(meta.id)}>
          {meta.deviceId}
        </Button>
      </th>
      <td>
        <span className="snapshot-time">{when}</span>
        <span className="snapshot-age">
          <Age at={meta.fetchedAt} />
        </span>
      </td>
      <td>
        <SnapshotHealthCell snapshotId={meta.id} />
      </td>
      <td>{meta.profileName}</td>
      <td className="snapshot-model">{meta.model ?? MISSING}</td>
      <td>
        <StatusBadge kind="device" value={meta.status} />
      </td>
      <td className="mono">{meta.firmwareVersion ?? MISSING}</td>
      <td>
        <div className="snapshot-actions">
          {showHistoryButton ? (
            <Button size="small" aria-label={`History of ${meta.deviceId}`} onClick={() => onHistory(meta.deviceId)}>
              History
            </Button>
          ) : null}
          <DeleteAction
            size="small"
            deletion={{ scope: 'one', id: meta.id }}
            label="Delete"
            accessibleName={`Delete ${what}`}
            question={
              // The row already shows which snapshot: say it briefly, in full for screen readers.
              <>
                <span aria-hidden="true">Delete this snapshot?</span>
                <VisuallyHidden>{`Delete this ${what}?`}</VisuallyHidden>
              </>
            }
            confirmLabel="Delete snapshot"
            onDeleted={onDeleted}
          />
        </div>
      </td>
    </tr>
  )
}
