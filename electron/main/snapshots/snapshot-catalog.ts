/**
 * `<root>/catalog.txt`: the listing metadata of every snapshot in one file, so a new process lists
 * 100,000 snapshots by reading one file instead of thousands of folders.
 *
 * It is derived data, written when the store opens out of step and when it is flushed (app quit),
 * never on every save. Each device folder's modification time is recorded with it: a folder whose
 * time differs on the next start (a save after the catalog was written, a crash, a file dropped in
 * by hand) is loaded from its own index instead. A time too close to the write is not recorded
 * (a change within the same clock tick would not show), so that folder is simply loaded again.
 *
 * Compact and line-based on purpose, because it is read on every start: opening it checks one
 * checksum, splits lines, and makes no object per snapshot (`DeviceEntries` reads entries from the
 * packed text). The checksum (CRC-32 of everything after the first line) proves the file is what
 * this app wrote from entries it had checked, so the entries are not checked one by one again; a
 * file damaged or cut short fails it and the store is rebuilt from the folders. Format 2:
 *   `tellus-snapshot-catalog 2 <width> <checksum, 8 hex digits>`
 *   the shared rows as one line of JSON: each distinct [profileId, profileName, siteId, model,
 *     status, firmwareVersion], once
 *   per device folder, one line: `<deviceId> TAB <folder time in ms, or empty> TAB <id suffixes>
 *     TAB <rows>`: the ids after `<deviceId>~` newest first, 28 characters each without separators,
 *     and per snapshot the base-36 index of its shared row in `width` characters
 * and a final newline.
 */
import { crc32 } from 'node:zlib'
import { DEVICE_ID_PATTERN } from '@common/devices/device-id'
import { DeviceEntries, type PackedEntries, type SharedFields } from './device-entries'
import { SNAPSHOT_ID_SUFFIX_LENGTH } from './snapshot-id'

/** Largest catalog read (about 5 million snapshots); a larger file is rebuilt from the folders. */
export const MAX_CATALOG_BYTES = 200_000_000
const HEADER = 'tellus-snapshot-catalog 2 '
/**
 * A folder changed less than this before the catalog was written is loaded again next time. So a
 * recorded time and any later change are seconds apart, far more than a double's rounding of a time.
 */
const RACY_WINDOW_MS = 2_000
const NEWLINE = 10
const HEADER_PATTERN = /^tellus-snapshot-catalog 2 ([1-6]) ([0-9a-f]{8})$/

type SharedRow = [string, string, string | null, string | null, string | null, string | null]

/** A decoded catalog: every device's entries (packed) and the folder times it is valid for. */
export interface Catalog {
  byDevice: Map<string, DeviceEntries>
  /** Folder modification times, for the folders whose time was recorded. */
  folderTimes: Map<string, number>
}

/**
 * The catalog text for `devices`; `folderTimes` holds each folder's time, `nowMs` the wall clock.
 * Devices still packed from the catalog that was read are copied as they are, not unpacked.
 */
export function encodeCatalog(devices: Iterable<DeviceEntries>, folderTimes: ReadonlyMap<string, number | null>, nowMs: number): string {
  const list = [...devices].filter((entries) => entries.length > 0)
  const base = list.map((entries) => entries.packedForm()).find((packed) => packed !== null)
  const shared: SharedFields[] = base ? [...base.shared] : []
  const rows = new Map(shared.map((row, index) => [rowKey(row), index]))
  const rowsOf = new Map<DeviceEntries, number[]>()
  for (const entries of list) {
    const packed = entries.packedForm()
    if (packed && packed.shared === base?.shared) continue
    rowsOf.set(
      entries,
      entries.list().map((meta) => {
        const key = rowKey(meta)
        let index = rows.get(key)
        if (index === undefined) rows.set(key, (index = shared.push(sharedFieldsOf(meta)) - 1))
        return index
      }),
    )
  }
  const width = Math.max(1, shared.length - 1).toString(36).length
  const base36 = (values: number[]) => values.map((value) => value.toString(36).padStart(width, '0')).join('')
  const lines = [JSON.stringify(shared.map(rowOf))]
  for (const entries of list) {
    const { deviceId } = entries
    const time = folderTimes.get(deviceId) ?? null
    const timeText = time !== null && nowMs - time > RACY_WINDOW_MS ? String(time) : ''
    const packed = entries.packedForm()
    const rowIndexes = rowsOf.get(entries)
    const suffixes = packed && !rowIndexes ? packedSuffixes(packed) : entries.list().map((meta) => meta.id.slice(deviceId.length + 1)).join('')
    const sharedOf = packed && !rowIndexes ? packedRows(packed, width) : base36(rowIndexes!)
    lines.push(`${deviceId}\t${timeText}\t${suffixes}\t${sharedOf}`)
  }
  const body = `${lines.join('\n')}\n`
  return `${HEADER}${width} ${checksum(body)}\n${body}`
}

/** The catalog in `bytes`, or null when it is damaged, cut short, of another format or malformed. */
export function decodeCatalog(bytes: Buffer): Catalog | null {
  const headerEnd = bytes.indexOf(NEWLINE)
  const header = headerEnd < 0 ? null : HEADER_PATTERN.exec(bytes.toString('latin1', 0, headerEnd))
  if (!header || bytes[bytes.length - 1] !== NEWLINE || checksum(bytes.subarray(headerEnd + 1)) !== header[2]) return null
  const width = Number(header[1])
  const sharedEnd = bytes.indexOf(NEWLINE, headerEnd + 1)
  const shared = sharedRows(bytes.toString('utf8', headerEnd + 1, sharedEnd))
  if (!shared) return null

  // Past the shared rows every byte is ASCII, so one Latin-1 string is the text, made without decoding.
  const text = bytes.toString('latin1')
  const byDevice = new Map<string, DeviceEntries>()
  const folderTimes = new Map<string, number>()
  for (let start = sharedEnd + 1; start < text.length; ) {
    const end = text.indexOf('\n', start)
    const timeAt = text.indexOf('\t', start) + 1
    const suffixesAt = timeAt > 0 ? text.indexOf('\t', timeAt) + 1 : 0
    const sharedOfAt = suffixesAt > 0 ? text.indexOf('\t', suffixesAt) + 1 : 0
    if (sharedOfAt === 0 || sharedOfAt > end) return null
    const deviceId = text.slice(start, timeAt - 1)
    const time = text.slice(timeAt, suffixesAt - 1)
    const recorded = time === '' ? null : Number(time)
    const count = (sharedOfAt - 1 - suffixesAt) / SNAPSHOT_ID_SUFFIX_LENGTH
    if (!DEVICE_ID_PATTERN.test(deviceId) || (recorded !== null && !Number.isFinite(recorded)) || byDevice.has(deviceId)) return null
    if (!Number.isInteger(count) || count === 0 || end - sharedOfAt !== count * width) return null
    byDevice.set(deviceId, DeviceEntries.packed(deviceId, { text, suffixesAt, count, sharedOfAt, width, shared }))
    if (recorded !== null) folderTimes.set(deviceId, recorded)
    start = end + 1
  }
  return { byDevice, folderTimes }
}

/** CRC-32 of `data` (text as UTF-8) in 8 hex digits. */
function checksum(data: string | Uint8Array): string {
  return crc32(data).toString(16).padStart(8, '0')
}

/** A packed device's id suffixes as text. */
function packedSuffixes({ text, suffixesAt, count }: PackedEntries): string {
  return text.slice(suffixesAt, suffixesAt + count * SNAPSHOT_ID_SUFFIX_LENGTH)
}

/** A packed device's row references in `width` characters each (the table only grows, so never narrower). */
function packedRows({ text, sharedOfAt, count, width: from }: PackedEntries, width: number): string {
  const rows = text.slice(sharedOfAt, sharedOfAt + count * from)
  if (from === width) return rows
  let out = ''
  for (let k = 0; k < rows.length; k += from) out += rows.slice(k, k + from).padStart(width, '0')
  return out
}

function sharedFieldsOf(meta: SharedFields): SharedFields {
  const { profileId, profileName, siteId, model, status, firmwareVersion } = meta
  return { profileId, profileName, siteId, model, status, firmwareVersion }
}

function rowOf(row: SharedFields): SharedRow {
  return [row.profileId, row.profileName, row.siteId, row.model, row.status, row.firmwareVersion]
}

function rowKey(row: SharedFields): string {
  return JSON.stringify(rowOf(row))
}

/** The shared rows line as field objects, or null when it is malformed. */
function sharedRows(line: string | undefined): SharedFields[] | null {
  let raw: unknown
  try {
    raw = JSON.parse(line ?? '')
  } catch {
    return null
  }
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
