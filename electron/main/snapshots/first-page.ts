/**
 * The first page: what a new process lists before the store is loaded (store-opening.ts), in two
 * files kept by the store.
 *
 * `<root>/first-page.txt`: the store's newest `FIRST_PAGE_SIZE` listing entries, written with the
 * catalog (catalog-keeper.ts):
 *   `tellus-snapshot-first-page 1 <complete|partial> <checksum, 8 hex digits>`
 *   the entries, newest first, as one line of JSON, and a final newline
 * `complete`: the store held no more entries than these. Otherwise the last entry written is the
 * page's boundary: everything newer is known (the page and the journal), anything older may lie
 * beyond it, so a journal save older than it is left out and a page that fell short of a list's
 * limit (deletes) cannot answer it. The checksum (CRC-32 of the JSON line) proves the file whole and
 * written by this app, so its entries are not checked again (the journal's are).
 *
 * `<root>/journal.txt`: the listing changes since the page was written, one JSON line each (a
 * snapshot added, a snapshot removed, a device's snapshots removed), appended without fsync when
 * the store change that made them is done (one write per store change), and removed when the page
 * is written. So the first list shows the saves and deletes made after the last catalog write even
 * when the app was killed, without rewriting a file per save.
 *
 * Both are derived data: the snapshot files stay the truth. A damaged, cut-short or malformed page
 * or journal is not used (the list waits for the full load); a change whose line is lost (a kill
 * between the file write and the append) shows only until the full load in the background.
 */
import { crc32 } from 'node:zlib'
import { DEVICE_ID_PATTERN } from '@common/devices/device-id'
import { RECENT_SNAPSHOTS_LIMIT } from '@common/snapshots/recent-snapshots'
import type { SnapshotMeta } from '@common/snapshot-types'
import { parseSnapshotId } from './snapshot-id'
import { errorCode, type SnapshotFs } from './snapshot-fs'
import type { SnapshotPaths } from './snapshot-paths'
import { isStoredMeta, newestFirst, plainMeta } from './stored-snapshot'

/** How many of the newest entries the first page holds: the start screen's list. */
export const FIRST_PAGE_SIZE = RECENT_SNAPSHOTS_LIMIT
/** Largest first page read (200 entries take about 60 KB). */
const MAX_FIRST_PAGE_BYTES = 1_000_000
/** Largest journal read; a longer one (a catalog write failing for days) is not replayed. */
const MAX_JOURNAL_BYTES = 10_000_000
const HEADER = 'tellus-snapshot-first-page 1'
const HEADER_PATTERN = /^tellus-snapshot-first-page 1 (complete|partial) ([0-9a-f]{8})$/

/** The first page with the journal applied. */
export interface FirstPage {
  /** Newest first. */
  items: SnapshotMeta[]
  /** True when the store holds no other entries. */
  complete: boolean
}

/** The first page's text for the store's newest entries; `complete` when there are no others. */
export function encodeFirstPage(items: readonly SnapshotMeta[], complete: boolean): string {
  const body = JSON.stringify(items.map(plainMeta))
  return `${HEADER} ${complete ? 'complete' : 'partial'} ${checksum(body)}\n${body}\n`
}

/** The entries of a first page file and whether they are all, or null when it is not a whole, valid page. */
export function decodeFirstPage(text: string): FirstPage | null {
  const headerEnd = text.indexOf('\n')
  const header = HEADER_PATTERN.exec(text.slice(0, Math.max(0, headerEnd)))
  const body = text.slice(headerEnd + 1, -1)
  if (!header || !text.endsWith('\n') || checksum(body) !== header[2]) return null
  let items: unknown
  try {
    items = JSON.parse(body)
  } catch {
    return null
  }
  // The checksum proves the file is what this app wrote from entries it had checked (as the catalog's
  // does), so the entries are not checked one by one again: that would cost more than the rest of the read.
  if (!Array.isArray(items) || (header[1] === 'partial' && items.length === 0)) return null
  return { items: items as SnapshotMeta[], complete: header[1] === 'complete' }
}

/**
 * The first page on disk with the journal applied, or null when there is none or it (or the
 * journal) cannot be used. Never throws.
 */
export async function readFirstPage(fs: SnapshotFs, paths: SnapshotPaths): Promise<FirstPage | null> {
  try {
    // One after the other: without a page (an empty store, an older version) the journal is not read.
    const written = decodeFirstPage(await fs.readSmallFile(paths.firstPageFile, MAX_FIRST_PAGE_BYTES))
    if (!written) return null
    const items = replayJournal(written.items, written.complete ? null : (written.items.at(-1) ?? null), await readJournal(fs, paths))
    return items && { items, complete: written.complete }
  } catch {
    return null
  }
}

/** The newest `limit` entries, or null when the page cannot tell them (it fell short of `limit`). */
export function firstPageItems(page: FirstPage, limit: number): SnapshotMeta[] | null {
  if (page.items.length >= limit) return page.items.slice(0, limit)
  return page.complete ? page.items : null
}

/**
 * Writes the first page from the store's newest entries (removes it when there are none: an empty
 * store loads at once), then removes the journal it includes. Throws the fs error.
 */
export async function writeFirstPage(fs: SnapshotFs, paths: SnapshotPaths, newest: readonly SnapshotMeta[], complete: boolean): Promise<void> {
  if (newest.length === 0) await fs.remove(paths.firstPageFile)
  else await fs.writeFileAtomic(paths.firstPageFile, encodeFirstPage(newest, complete))
  await fs.remove(paths.journalFile)
}

/** One change to the listing, as the index reports it. */
export type ListingChange = { added: SnapshotMeta } | { removed: string } | { removedDevice: string }

/** Collects the listing changes of one store change and appends them in one write. */
export class SaveJournal {
  private pending: string[] = []

  constructor(
    private readonly fs: SnapshotFs,
    private readonly paths: SnapshotPaths,
  ) {}

  /** Notes a change (written by the next `append`). */
  note(change: ListingChange): void {
    this.pending.push(JSON.stringify('added' in change ? { added: plainMeta(change.added) } : change))
  }

  /**
   * Appends the noted changes, one line each. Never throws: when the append fails the first page
   * is removed, so the next start waits for the full load instead of showing a page that misses them.
   */
  async append(): Promise<void> {
    if (this.pending.length === 0) return
    const text = `${this.pending.join('\n')}\n`
    this.pending = []
    try {
      await this.fs.appendFile(this.paths.journalFile, text)
    } catch {
      await this.fs.remove(this.paths.firstPageFile).catch(() => undefined)
    }
  }
}

/**
 * Applies the journal's `text` to `items` (newest first; entries at or newer than `boundary`, or all
 * when `boundary` is null, are the known ones). Null when any line is malformed or cut short.
 */
export function replayJournal(items: SnapshotMeta[], boundary: SnapshotMeta | null, text: string): SnapshotMeta[] | null {
  if (text === '') return items
  if (!text.endsWith('\n')) return null
  let out = items
  for (const raw of text.slice(0, -1).split('\n')) {
    const change = parseLine(raw)
    if (!change) return null
    if ('removedDevice' in change) out = out.filter((meta) => meta.deviceId !== change.removedDevice)
    else if ('removed' in change) out = out.filter((meta) => meta.id !== change.removed)
    else if (!out.some((meta) => meta.id === change.added.id) && (boundary === null || newestFirst(change.added, boundary) <= 0)) {
      const { added } = change
      const at = out.findIndex((meta) => newestFirst(added, meta) < 0)
      out = at < 0 ? [...out, added] : [...out.slice(0, at), added, ...out.slice(at)]
    }
  }
  return out
}

function parseLine(raw: string): ListingChange | null {
  let value: unknown
  try {
    value = JSON.parse(raw)
  } catch {
    return null
  }
  if (typeof value !== 'object' || value === null || Array.isArray(value)) return null
  const line = value as Record<string, unknown>
  if ('added' in line) return isStoredMeta(line.added) ? { added: line.added } : null
  if ('removed' in line) return typeof line.removed === 'string' && parseSnapshotId(line.removed) ? { removed: line.removed } : null
  if ('removedDevice' in line) return typeof line.removedDevice === 'string' && DEVICE_ID_PATTERN.test(line.removedDevice) ? { removedDevice: line.removedDevice } : null
  return null
}

/** The journal's text; empty when there is none. */
async function readJournal(fs: SnapshotFs, paths: SnapshotPaths): Promise<string> {
  try {
    return await fs.readSmallFile(paths.journalFile, MAX_JOURNAL_BYTES)
  } catch (error) {
    if (errorCode(error) === 'ENOENT') return ''
    throw error
  }
}

/** CRC-32 of `text` (as UTF-8) in 8 hex digits. */
function checksum(text: string): string {
  return crc32(text).toString(16).padStart(8, '0')
}
