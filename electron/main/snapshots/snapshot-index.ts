/**
 * The in-memory listing of every snapshot, kept in step with saves and deletes, so listing never
 * reads a payload and never re-sorts. It is held per device (`DeviceEntries`, packed until a device
 * is touched); the store-wide newest-first order is merged from the devices' lists on demand
 * (`newest()`: only as far as a page needs), and the full list, once asked for, is kept and then
 * changed in place (binary search, insert or remove one entry).
 */
import type { SnapshotMeta } from '@common/snapshot-types'
import { DeviceEntries } from './device-entries'
import { mergeNewestFirst } from './merge-newest-first'
import type { ListingChange } from './first-page'
import { parseSnapshotId } from './snapshot-id'
import { newestFirst } from './stored-snapshot'

/** Snapshot metadata newest first, store-wide and per device. Returned arrays must not be mutated. */
export class SnapshotIndex {
  private byDevice = new Map<string, DeviceEntries>()
  /** The full store-wide list, once `all()` built it. */
  private sorted: SnapshotMeta[] | null = null
  /** The newest `head.length` entries store-wide, once a page was asked for (kept in step, so a page after a save merges nothing). */
  private head: SnapshotMeta[] | null = null
  private count = 0

  /** `changed` hears every add and removal (not `reset` or `clear`), for the journal. */
  constructor(private readonly changed: (change: ListingChange) => void = () => undefined) {}

  /** Replaces everything with the devices in `byDevice` (takes ownership). */
  reset(byDevice: Map<string, DeviceEntries>): void {
    this.byDevice = byDevice
    this.sorted = null
    this.head = null
    this.count = 0
    for (const [deviceId, entries] of byDevice) {
      if (entries.length === 0) byDevice.delete(deviceId)
      else this.count += entries.length
    }
  }

  /** Adds one entry in its place. */
  add(meta: SnapshotMeta): void {
    let entries = this.byDevice.get(meta.deviceId)
    if (!entries) this.byDevice.set(meta.deviceId, (entries = DeviceEntries.of(meta.deviceId, [])))
    const metas = entries.list()
    metas.splice(insertionPoint(metas, meta), 0, meta)
    this.sorted?.splice(insertionPoint(this.sorted, meta), 0, meta)
    if (this.head) {
      // Newer than the head's last entry, or the head holds everything: it belongs in the head.
      const at = insertionPoint(this.head, meta)
      if (at < this.head.length || this.head.length === this.count) this.head.splice(at, 0, meta)
    }
    this.count += 1
    this.changed({ added: meta })
  }

  /** Forgets one snapshot; false when it was not indexed. */
  remove(id: string): boolean {
    const meta = this.find(id)
    if (!meta) return false
    const metas = this.byDevice.get(meta.deviceId)!.list()
    metas.splice(metas.indexOf(meta), 1)
    if (metas.length === 0) this.byDevice.delete(meta.deviceId)
    this.count -= 1
    if (this.sorted) this.sorted = withoutEntry(this.sorted, meta)
    if (this.head) this.head = withoutEntry(this.head, meta)
    this.changed({ removed: id })
    return true
  }

  /** Forgets every snapshot of one device. */
  removeDevice(deviceId: string): void {
    const entries = this.byDevice.get(deviceId)
    if (!entries) return
    this.byDevice.delete(deviceId)
    this.count -= entries.length
    if (this.sorted) this.sorted = this.sorted.filter((meta) => meta.deviceId !== deviceId)
    if (this.head) this.head = this.head.filter((meta) => meta.deviceId !== deviceId)
    this.changed({ removedDevice: deviceId })
  }

  /** A device's entries, newest first. */
  device(deviceId: string): readonly SnapshotMeta[] {
    return this.byDevice.get(deviceId)?.list() ?? []
  }

  /** How many snapshots a device has (without unpacking its entries). */
  deviceSize(deviceId: string): number {
    return this.byDevice.get(deviceId)?.length ?? 0
  }

  /** Every device with at least one snapshot. */
  deviceIds(): string[] {
    return [...this.byDevice.keys()]
  }

  /** Every device's entries (for the catalog writer). */
  devices(): Iterable<DeviceEntries> {
    return this.byDevice.values()
  }

  /** The entry of one snapshot id. */
  find(id: string): SnapshotMeta | undefined {
    const parsed = parseSnapshotId(id)
    return parsed ? this.device(parsed.deviceId).find((meta) => meta.id === id) : undefined
  }

  /** Forgets everything. */
  clear(): void {
    this.reset(new Map())
  }

  /** How many snapshots are indexed. */
  get size(): number {
    return this.count
  }

  /** The newest `limit` entries (fewer when there are not as many): merged once, then kept in step. */
  page(limit: number): readonly SnapshotMeta[] {
    if (this.sorted) return this.sorted.slice(0, limit)
    if (!this.head || (this.head.length < limit && this.head.length < this.count)) {
      const head: SnapshotMeta[] = []
      if (limit > 0) for (const meta of mergeNewestFirst(this.byDevice.values())) if (head.push(meta) >= limit) break
      this.head = head
    }
    return this.head.length > limit ? this.head.slice(0, limit) : this.head
  }

  /** Every entry newest first, read lazily: a first page reads only what it shows. */
  newest(): Iterable<SnapshotMeta> {
    return this.sorted ?? mergeNewestFirst(this.byDevice.values())
  }

  /** All entries, newest first (built once, then kept in step). */
  all(): readonly SnapshotMeta[] {
    // Merged from the packed text where a device is still packed: the list holds its own copies of those entries.
    this.sorted ??= [...mergeNewestFirst(this.byDevice.values())]
    return this.sorted
  }
}

/**
 * `list` without the entry of `meta`'s id, found by binary search (a page may hold its own copy of
 * a packed entry, so the id decides, not the object).
 */
function withoutEntry(list: SnapshotMeta[], meta: SnapshotMeta): SnapshotMeta[] {
  const at = insertionPoint(list, meta) - 1
  if (list[at]?.id === meta.id) list.splice(at, 1)
  else if (list.some((other) => other.id === meta.id)) return list.filter((other) => other.id !== meta.id) // unreachable with a consistent order
  return list
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
