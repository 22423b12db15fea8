import type { SnapshotMeta } from '@common/snapshot-types'

/** Whether the ticked snapshots can be compared, and if not, what to do. */
export type CompareReadiness = { ready: true; ids: [string, string] } | { ready: false; hint: string }

/** Exactly two snapshots of the same charger can be compared; anything else gets a hint in words. */
export function compareReadiness(selectedIds: readonly string[], items: readonly SnapshotMeta[]): CompareReadiness {
  const selected = selectedIds
    .map((id) => items.find((m) => m.id === id))
    .filter((m): m is SnapshotMeta => m !== undefined)
  const [first, second] = selected
  if (selected.length === 0 || !first) return { ready: false, hint: 'Tick two snapshots of the same charger to compare them.' }
  if (selected.length === 1 || !second) return { ready: false, hint: `Tick one more snapshot of ${first.deviceId} to compare.` }
  if (selected.length > 2) return { ready: false, hint: `${selected.length} snapshots are ticked: tick exactly two to compare.` }
  if (first.deviceId !== second.deviceId) {
    return { ready: false, hint: 'The two ticked snapshots are of different chargers: tick two of the same charger.' }
  }
  return { ready: true, ids: [first.id, second.id] }
}
