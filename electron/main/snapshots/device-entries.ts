/**
 * One device's listing entries, newest first, in one of two forms: plain objects (from saves and
 * index files), or packed as the catalog holds them (fixed-width id suffixes and references to
 * shared rows, see snapshot-catalog.ts). A packed list is turned into objects only when something
 * needs the whole list (a save, a delete, a device's own listing); until then `at(i)` reads one
 * entry, so a new process answers its first page without an object per snapshot.
 */
import type { SnapshotMeta } from '@common/snapshot-types'
import { idStamp, SNAPSHOT_ID_SUFFIX_LENGTH, stampKey, stampKeyAt } from './snapshot-id'

/** The text fields of a snapshot's listing that repeat across snapshots. */
export type SharedFields = Pick<SnapshotMeta, 'profileId' | 'profileName' | 'siteId' | 'model' | 'status' | 'firmwareVersion'>

/** A device's entries as the catalog holds them: two runs of ASCII in the catalog's text. */
export interface PackedEntries {
  /** The catalog file's text (one string; entries are read from it on demand). */
  text: string
  /** Where the id suffixes start: per snapshot, newest first, its id after `<deviceId>~` (`SNAPSHOT_ID_SUFFIX_LENGTH` each). */
  suffixesAt: number
  count: number
  /** Where the row references start: per snapshot, the base-36 index of its row in `shared`, `width` characters each. */
  sharedOfAt: number
  width: number
  /** The catalog's table of shared rows (one array for every device of that catalog). */
  shared: readonly SharedFields[]
}

const NO_SHARED_FIELDS: SharedFields = { profileId: '', profileName: '', siteId: null, model: null, status: null, firmwareVersion: null }

/** A device's entries newest first; arrays returned by `list()` are live and must not be mutated outside the index. */
export class DeviceEntries {
  private metas: SnapshotMeta[] | null
  private source: PackedEntries | null

  private constructor(
    readonly deviceId: string,
    metas: SnapshotMeta[] | null,
    source: PackedEntries | null,
  ) {
    this.metas = metas
    this.source = source
  }

  /** Entries already as objects, newest first (taken over, not copied). */
  static of(deviceId: string, metas: SnapshotMeta[]): DeviceEntries {
    return new DeviceEntries(deviceId, metas, null)
  }

  /** Entries packed as in the catalog (checked by the catalog's decoder). */
  static packed(deviceId: string, source: PackedEntries): DeviceEntries {
    return new DeviceEntries(deviceId, null, source)
  }

  get length(): number {
    return this.metas ? this.metas.length : this.source!.count
  }

  /** Entry `i` (newest is 0) without turning the rest into objects; a packed entry is a new object each call. */
  at(i: number): SnapshotMeta | undefined {
    if (this.metas) return this.metas[i]
    return i >= 0 && i < this.source!.count ? this.unpack(i) : undefined
  }

  /** `stampKey` of entry `i`, read without making the entry. */
  stampKeyAt(i: number): number {
    if (this.metas) return stampKey(this.metas[i]!)
    return stampKeyAt(this.source!.text, this.source!.suffixesAt + i * SNAPSHOT_ID_SUFFIX_LENGTH)
  }

  /** Every entry as objects, newest first (the live array). */
  list(): SnapshotMeta[] {
    if (!this.metas) {
      const metas = new Array<SnapshotMeta>(this.source!.count)
      for (let i = 0; i < metas.length; i++) metas[i] = this.unpack(i)
      this.metas = metas
      this.source = null
    }
    return this.metas
  }

  /** The packed form while nothing turned it into objects (the catalog writer copies it as is). */
  packedForm(): PackedEntries | null {
    return this.source
  }

  private unpack(i: number): SnapshotMeta {
    const { text, suffixesAt, sharedOfAt, width, shared } = this.source!
    const start = suffixesAt + i * SNAPSHOT_ID_SUFFIX_LENGTH
    const id = `${this.deviceId}~${text.slice(start, start + SNAPSHOT_ID_SUFFIX_LENGTH)}`
    // A reference to no row only gets past the checksum in a forged file: shown without the fields, never thrown.
    return new CatalogEntry(id, this.deviceId, shared[base36At(text, sharedOfAt + i * width, width)] ?? NO_SHARED_FIELDS)
  }
}

/**
 * A catalog entry: three references instead of nine fields, with the fetch time derived from the
 * id when it is read, so 100,000 entries stay small. Plain objects (from saves) work alongside.
 */
class CatalogEntry implements SnapshotMeta {
  constructor(
    readonly id: string,
    readonly deviceId: string,
    private readonly shared: SharedFields,
  ) {}

  get fetchedAt(): string {
    const s = idStamp(this)
    return `${s.slice(0, 4)}-${s.slice(4, 6)}-${s.slice(6, 8)}T${s.slice(9, 11)}:${s.slice(11, 13)}:${s.slice(13, 15)}.${s.slice(15, 18)}Z`
  }
  get profileId(): string {
    return this.shared.profileId
  }
  get profileName(): string {
    return this.shared.profileName
  }
  get siteId(): string | null {
    return this.shared.siteId
  }
  get model(): string | null {
    return this.shared.model
  }
  get status(): string | null {
    return this.shared.status
  }
  get firmwareVersion(): string | null {
    return this.shared.firmwareVersion
  }
}

/** The base-36 number of `width` digits at `start` of `text` (NaN for a character that is not a digit). */
function base36At(text: string, start: number, width: number): number {
  let value = 0
  for (let k = start; k < start + width; k++) {
    const code = text.charCodeAt(k)
    const digit = code >= 48 && code <= 57 ? code - 48 : code >= 97 && code <= 122 ? code - 87 : NaN
    value = value * 36 + digit
  }
  return value
}
