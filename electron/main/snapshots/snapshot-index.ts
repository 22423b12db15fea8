/**
 * The in-memory listing of every snapshot, kept in step with saves and deletes, so listing never
 * reads a payload and never re-sorts: the store-wide newest-first list is built once when the
 * store opens and then changed in place (binary search, insert or remove one entry).
 */
import type { SnapshotMeta } from '@common/snapshot-types'
import { parseSnapshotId } from './snapshot-id'
import { newestFirst } from './stored-snapshot'

/** Snapshot metadata newest first, store-wide and per device. Returned arrays must not be mutated. */
export class SnapshotIndex {
  private readonly byDevice = new Map<string, SnapshotMeta[]>()
  private sorted: SnapshotMeta[] = []

  /**
   * Replaces everything with `all`, which must already be newest first, and optionally the same
   * entries grouped per device (newest first). Takes ownership of both.
   */
  reset(all: SnapshotMeta[], byDevice?: Map<string, SnapshotMeta[]>): void {
    this.byDevice.clear()
    this.sorted = all
    if (byDevice) {
      for (const [deviceId, metas] of byDevice) this.byDevice.set(deviceId, metas)
      return
    }
    for (const meta of all) {
      const metas = this.byDevice.get(meta.deviceId)
      if (metas) metas.push(meta)
      else this.byDevice.set(meta.deviceId, [meta])
    }
  }

  /** Adds one entry in its place. */
  add(meta: SnapshotMeta): void {
    this.sorted.splice(insertionPoint(this.sorted, meta), 0, meta)
    const metas = this.byDevice.get(meta.deviceId)
    if (metas) metas.splice(insertionPoint(metas, meta), 0, meta)
    else this.byDevice.set(meta.deviceId, [meta])
  }

  /** Forgets one snapshot; false when it was not indexed. */
  remove(id: string): boolean {
    const meta = this.find(id)
    if (!meta) return false
    const metas = this.byDevice.get(meta.deviceId)!
    metas.splice(metas.indexOf(meta), 1)
    if (metas.length === 0) this.byDevice.delete(meta.deviceId)
    const at = insertionPoint(this.sorted, meta) - 1
    if (this.sorted[at] === meta) this.sorted.splice(at, 1)
    else this.sorted = this.sorted.filter((other) => other !== meta) // unreachable with a consistent order
    return true
  }

  /** Forgets every snapshot of one device. */
  removeDevice(deviceId: string): void {
    if (!this.byDevice.delete(deviceId)) return
    this.sorted = this.sorted.filter((meta) => meta.deviceId !== deviceId)
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

  /** Forgets everything. */
  clear(): void {
    this.reset([])
  }

  /** How many snapshots are indexed. */
  get size(): number {
    return this.sorted.length
  }

  /** All entries, newest first. */
  all(): readonly SnapshotMeta[] {
    return this.sorted
  }
}

/** The index after the last entry of `list` (newest first) that sorts before or with `meta`. */
function insertionPoint(list: readonly SnapshotMeta[], meta: SnapshotMeta): number {
  let low = 0
  let high = list.length
  while (low < high) {
    const mid = (low + high) >>> 1
    if (newestFirst(list[mid]!, meta) <= 0) low = mid + 1
    else high = mid
  }
  return low
}

/** Merges two newest-first lists into one. */
export function mergeNewestFirst(a: readonly SnapshotMeta[], b: readonly SnapshotMeta[]): SnapshotMeta[] {
  if (b.length === 0) return [...a]
  if (a.length === 0) return [...b]
  const merged = new Array<SnapshotMeta>(a.length + b.length)
  let i = 0
  let j = 0
  let k = 0
  while (i < a.length && j < b.length) merged[k++] = newestFirst(a[i]!, b[j]!) <= 0 ? a[i++]! : b[j++]!
  while (i < a.length) merged[k++] = a[i++]!
  while (j < b.length) merged[k++] = b[j++]!
  return merged
}
