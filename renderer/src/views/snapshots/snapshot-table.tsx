import { useEffect } from 'react'
import type { SnapshotMeta } from '@common/snapshot-types'
import { useVirtualRows } from '@renderer/components/use-virtual-rows'
import { useAppStore } from '@renderer/store/store-context'
import { SnapshotRow } from './snapshot-row'

/** A row's usual height (two-line time cell, small buttons); rows are measured as they render. */
const ROW_ESTIMATE_PX = 58

/** Props of `SnapshotTable`. */
export interface SnapshotTableProps {
  items: SnapshotMeta[]
  /** Whether the list is one charger's history (hides the per-row "History" button). */
  singleDevice: boolean
  onHistory: (deviceId: string) => void
  onDeleted: (deleted: number) => void
}

/**
 * The stored snapshots, newest first, with selection for comparison and each one's worst finding.
 * Virtualised: thousands of rows keep only those in view in the DOM (and read only their health).
 */
export function SnapshotTable({ items, singleDevice, onHistory, onDeleted }: SnapshotTableProps) {
  const selectedIds = useAppStore((s) => s.selectedSnapshotIds)
  const openingId = useAppStore((s) => s.openingSnapshotId)
  const toggle = useAppStore((s) => s.toggleSnapshotSelection)
  const open = useAppStore((s) => s.openStoredSnapshot)
  const ensureHealth = useAppStore((s) => s.ensureSnapshotHealth)
  const { scrollRef, rows, spaceBefore, spaceAfter, measureRow } = useVirtualRows(items.length, (index) => items[index]!.id, ROW_ESTIMATE_PX)
  const shownIds = rows.map((row) => items[row.index]!.id).join(' ')
  useEffect(() => {
    if (shownIds !== '') void ensureHealth(shownIds.split(' '))
  }, [ensureHealth, shownIds])

  return (
    <div ref={scrollRef} className="snapshot-table-scroll">
      <table className="snapshot-table" aria-rowcount={items.length + 1}>
        <caption className="visually-hidden">Stored snapshots, newest first</caption>
        <thead>
          <tr aria-rowindex={1}>
            <th scope="col">Compare</th>
            <th scope="col">Device</th>
            <th scope="col">Fetched</th>
            <th scope="col">Health</th>
            <th scope="col">Profile</th>
            <th scope="col">Model</th>
            <th scope="col">Status</th>
            <th scope="col">Firmware</th>
            <th scope="col">Actions</th>
          </tr>
        </thead>
        <tbody>
          {spaceBefore > 0 ? <tr aria-hidden="true" className="snapshot-spacer" style={{ height: spaceBefore }} /> : null}
          {rows.map((row) => {
            const meta = items[row.index]!
            return (
              <SnapshotRow
                key={meta.id}
                index={row.index}
                rowRef={measureRow}
                meta={meta}
                selected={selectedIds.includes(meta.id)}
                opening={openingId === meta.id}
                showHistoryButton={!singleDevice}
                onToggle={toggle}
                onOpen={(id) => void open(id)}
                onHistory={onHistory}
                onDeleted={onDeleted}
              />
            )
          })}
          {spaceAfter > 0 ? <tr aria-hidden="true" className="snapshot-spacer" style={{ height: spaceAfter }} /> : null}
        </tbody>
      </table>
    </div>
  )
}
