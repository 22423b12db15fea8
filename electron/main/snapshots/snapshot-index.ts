/**
 * The in-memory listing of every snapshot, built once from the per-device index files and kept
 * in step with saves and deletes, so listing never reads a payload.
 */
import type { SnapshotMeta } from '@common/snapshot-types'
import { parseSnapshotId } from './snapshot-id'
import { newestFirst } from './stored-snapshot'

/** Snapshot metadata per device, newest first, with a cached newest-first list of all of them. */
export class SnapshotIndex {
  private readonly byDevice = new Map<string, SnapshotMeta[]>()
  private allNewestFirst: SnapshotMeta[] | null = null

  /** Replaces a device's entries (sorted here); an empty list forgets the device. */
  setDevice(deviceId: string, metas: readonly SnapshotMeta[]): void {
    if (metas.length === 0) this.byDevice.delete(deviceId)
    else this.byDevice.set(deviceId, [...metas].sort(newestFirst))
    this.allNewestFirst = null
  }

  /** A device's entries, newest first. */
  device(deviceId: string): readonly SnapshotMeta[] {
    return this.byDevice.get(deviceId) ?? []
  }

  /** Every device with at least one snapshot. */
  deviceIds(): string[] {
    return [...this.byDevice.keys()]
  }

  /** The entry of one snapshot id. */
  find(id: string): SnapshotMeta | undefined {
    const parsed = parseSnapshotId(id)
    return parsed ? this.device(parsed.deviceId).find((meta) => meta.id === id) : undefined
  }

  /** Forgets one snapshot; false when it was not indexed. */
  remove(id: string): boolean {
    const parsed = parseSnapshotId(id)
    if (!parsed) return false
    const metas = this.device(parsed.deviceId)
    const rest = metas.filter((meta) => meta.id !== id)
    if (rest.length === metas.length) return false
    this.setDevice(parsed.deviceId, rest)
    return true
  }

  /** Forgets everything. */
  clear(): void {
    this.byDevice.clear()
    this.allNewestFirst = null
  }

  /** How many snapshots are indexed. */
  get size(): number {
    let total = 0
    for (const metas of this.byDevice.values()) total += metas.length
    return total
  }

  /** All entries, newest first (sorted once per change, then reused). Do not mutate. */
  all(): readonly SnapshotMeta[] {
    if (!this.allNewestFirst) this.allNewestFirst = [...this.byDevice.values()].flat().sort(newestFirst)
    return this.allNewestFirst
  }
}
