/**
 * `<root>/catalog.json`: the listing metadata of every snapshot in one file, newest first, so a
 * new process lists 100,000 snapshots by reading one file instead of thousands of folders.
 *
 * It is derived data, written when the store opens out of step and when it is flushed (app quit),
 * never on every save. Each device folder's modification time is recorded with it: a folder whose
 * time differs on the next start (a save after the catalog was written, a crash, a file dropped in
 * by hand) is loaded from its own index instead. A time too close to the write is not recorded
 * (a change within the same clock tick would not show), so that folder is simply loaded again.
 *
 * Compact on purpose, because it is parsed on every start: ids joined by spaces, fetch times
 * derived from the ids, and the six text fields most snapshots share (profile, site, model,
 * status, firmware) stored once per distinct combination and referred to by a base-36 index.
 */
import type { SnapshotMeta } from '@common/snapshot-types'
import { DEVICE_ID_PATTERN } from '@common/devices/device-id'

/** Largest catalog read (about 2 million snapshots); a larger file is rebuilt from the folders. */
export const MAX_CATALOG_BYTES = 200_000_000
const CATALOG_FORMAT_VERSION = 1
/** A folder changed less than this before the catalog was written is loaded again next time. */
const RACY_WINDOW_NS = 2_000_000_000n
/** `~` + `yyyymmddThhmmssSSSZ` + `-` + 8 characters after the device id (see snapshot-id.ts). */
const ID_SUFFIX_LENGTH = 29

/** The text fields of a snapshot's listing that repeat across snapshots. */
type SharedFields = Pick<SnapshotMeta, 'profileId' | 'profileName' | 'siteId' | 'model' | 'status' | 'firmwareVersion'>
type SharedRow = [string, string, string | null, string | null, string | null, string | null]

interface CatalogFile {
  formatVersion: typeof CATALOG_FORMAT_VERSION
  /** Each distinct combination of shared fields, once. */
  shared: SharedRow[]
  /** Characters per base-36 number in `sharedOf` and `order`. */
  width: number
  /**
   * Per device folder: its id, its modification time in ns as text ("" when it must be loaded
   * again), its snapshot ids newest first joined by spaces (no JSON escapes), and per snapshot the index of its
   * row in `shared`.
   */
  folders: Array<[deviceId: string, time: string, ids: string, sharedOf: string]>
  /** Store-wide newest-first order: per snapshot, the index of its folder. */
  order: string
}

/** A decoded catalog: every entry newest first, per device too, and the folder times it is valid for. */
export interface Catalog {
  entries: SnapshotMeta[]
  byDevice: Map<string, SnapshotMeta[]>
  /** Folder modification times, for the folders whose time was recorded. */
  folderTimes: Map<string, bigint>
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
    const s = this.id.slice(this.deviceId.length + 1, this.deviceId.length + 20)
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

/** The catalog text for `all` (newest first); `folderTimes` holds each folder's time, `nowNs` the wall clock. */
export function encodeCatalog(all: readonly SnapshotMeta[], folderTimes: ReadonlyMap<string, bigint | null>, nowNs: bigint): string {
  const rows = new Map<string, number>()
  const shared: SharedRow[] = []
  const folderOf = new Map<string, number>()
  const groups: Array<{ deviceId: string; ids: string[]; rows: number[] }> = []
  const order = new Array<number>(all.length)
  all.forEach((meta, i) => {
    const row: SharedRow = [meta.profileId, meta.profileName, meta.siteId, meta.model, meta.status, meta.firmwareVersion]
    const key = JSON.stringify(row)
    let rowIndex = rows.get(key)
    if (rowIndex === undefined) rows.set(key, (rowIndex = shared.push(row) - 1))
    let folder = folderOf.get(meta.deviceId)
    if (folder === undefined) folderOf.set(meta.deviceId, (folder = groups.push({ deviceId: meta.deviceId, ids: [], rows: [] }) - 1))
    groups[folder]!.ids.push(meta.id)
    groups[folder]!.rows.push(rowIndex)
    order[i] = folder
  })
  const width = Math.max(1, shared.length - 1, groups.length - 1).toString(36).length
  const base36 = (values: number[]) => values.map((value) => value.toString(36).padStart(width, '0')).join('')
  const timeOf = (deviceId: string) => {
    const time = folderTimes.get(deviceId) ?? null
    return time !== null && nowNs - time > RACY_WINDOW_NS ? String(time) : ''
  }
  const folders = groups.map((group): CatalogFile['folders'][number] => [group.deviceId, timeOf(group.deviceId), group.ids.join(' '), base36(group.rows)])
  const file: CatalogFile = { formatVersion: CATALOG_FORMAT_VERSION, shared, width, folders, order: base36(order) }
  return JSON.stringify(file)
}

/** The catalog in `text`, or null when it is damaged, of another format or out of order. */
export function decodeCatalog(text: string): Catalog | null {
  let file: Partial<CatalogFile>
  try {
    file = JSON.parse(text) as Partial<CatalogFile>
  } catch {
    return null
  }
  if (typeof file !== 'object' || file === null || file.formatVersion !== CATALOG_FORMAT_VERSION) return null
  const { folders, order, width } = file
  if (!Array.isArray(folders) || typeof order !== 'string' || !Number.isInteger(width) || width! < 1) return null
  const shared = sharedRows(file.shared)
  if (!shared) return null

  const folderTimes = new Map<string, bigint>()
  const byDevice = new Map<string, SnapshotMeta[]>()
  const lists: SnapshotMeta[][] = []
  for (const folder of folders) {
    const list = folder && decodeFolder(folder, shared, width!)
    if (!list || byDevice.has(folder[0])) return null
    byDevice.set(folder[0], list)
    lists.push(list)
    if (folder[1] !== '') folderTimes.set(folder[0], BigInt(folder[1]))
  }

  const entries = new Array<SnapshotMeta>(order.length / width!)
  const next = new Array<number>(lists.length).fill(0)
  let previous: SnapshotMeta | null = null
  for (let i = 0; i < entries.length; i++) {
    const folder = base36At(order, i * width!, width!)
    const entry = lists[folder]?.[next[folder]!++]
    if (!entry || (previous && !newerOrSame(previous, entry))) return null
    entries[i] = previous = entry
  }
  if (next.some((taken, folder) => taken !== lists[folder]!.length)) return null
  return { entries, byDevice, folderTimes }
}

/** One folder's entries, newest first, or null when the folder's record is malformed. */
function decodeFolder(folder: unknown, shared: SharedFields[], width: number): SnapshotMeta[] | null {
  if (!Array.isArray(folder) || folder.length !== 4 || !folder.every((part) => typeof part === 'string')) return null
  const [deviceId, time, ids, sharedOf] = folder as CatalogFile['folders'][number]
  if (!DEVICE_ID_PATTERN.test(deviceId) || !/^\d{0,30}$/.test(time)) return null
  const idList = ids.split(' ')
  if (sharedOf.length !== idList.length * width) return null
  const list = new Array<SnapshotMeta>(idList.length)
  const prefix = `${deviceId}~`
  for (let i = 0; i < idList.length; i++) {
    // Cheap checks only: an id that is not a valid snapshot id is refused later by SnapshotPaths.
    const id = idList[i]!
    const row = shared[base36At(sharedOf, i * width, width)]
    if (!row || id.length !== prefix.length - 1 + ID_SUFFIX_LENGTH || !id.startsWith(prefix)) return null
    if (i > 0 && id >= idList[i - 1]!) return null // ids of one device sort by time: must be newest first
    list[i] = new CatalogEntry(id, deviceId, row)
  }
  return list
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

/** True when `a` sorts before `b` or with it in newest-first order, comparing the id stamps in place. */
function newerOrSame(a: SnapshotMeta, b: SnapshotMeta): boolean {
  const aStart = a.deviceId.length + 1
  const bStart = b.deviceId.length + 1
  for (let k = 0; k < 19; k++) {
    const diff = a.id.charCodeAt(aStart + k) - b.id.charCodeAt(bStart + k)
    if (diff !== 0) return diff > 0
  }
  return a.id >= b.id
}

/** The shared rows as field objects, or null when one is malformed. */
function sharedRows(raw: unknown): SharedFields[] | null {
  if (!Array.isArray(raw)) return null
  const rows: SharedFields[] = []
  for (const row of raw as unknown[]) {
    if (!Array.isArray(row) || row.length !== 6 || typeof row[0] !== 'string' || typeof row[1] !== 'string') return null
    if (!row.slice(2).every((value) => value === null || typeof value === 'string')) return null
    const [profileId, profileName, siteId, model, status, firmwareVersion] = row as SharedRow
    rows.push({ profileId, profileName, siteId, model, status, firmwareVersion })
  }
  return rows
}
