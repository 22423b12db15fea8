import type { SnapshotMeta } from '@common/snapshot-types'
import { useAppStore } from '@renderer/store/store-context'
import { SnapshotRow } from './snapshot-row'

/** Props of `SnapshotTable`. */
export interface SnapshotTableProps {
  items: SnapshotMeta[]
  /** Whether the list is one charger's history (hides the per-row "History" button). */
  singleDevice: boolean
  onHistory: (deviceId: string) => void
  onDeleted: (deleted: number) => void
}

/** The stored snapshots, newest first, with selection for comparison. */
export function SnapshotTable({ items, singleDevice, onHistory, onDeleted }: SnapshotTableProps) {
  const selectedIds = useAppStore((s) => s.selectedSnapshotIds)
  const openingId = useAppStore((s) => s.openingSnapshotId)
  const toggle = useAppStore((s) => s.toggleSnapshotSelection)
  const open = useAppStore((s) => s.openStoredSnapshot)
  return (
    <table className="snapshot-table">
      <caption className="visually-hidden">Stored snapshots, newest first</caption>
      <thead>
        <tr>
          <th scope="col">Compare</th>
          <th scope="col">Device</th>
          <th scope="col">Fetched</th>
          <th scope="col">Profile</th>
          <th scope="col">Model</th>
          <th scope="col">Status</th>
          <th scope="col">Firmware</th>
          <th scope="col">Actions</th>
        </tr>
      </thead>
      <tbody>
        {items.map((meta) => (
          <SnapshotRow
            key={meta.id}
            meta={meta}
            selected={selectedIds.includes(meta.id)}
            opening={openingId === meta.id}
            showHistoryButton={!singleDevice}
            onToggle={toggle}
            onOpen={(id) => void open(id)}
            onHistory={onHistory}
            onDeleted={onDeleted}
          />
        ))}
      </tbody>
    </table>
  )
}
