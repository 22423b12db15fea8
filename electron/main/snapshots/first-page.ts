/**
 * `<root>/first-page.txt`: the store's newest `FIRST_PAGE_SIZE` listing entries, written with the
 * catalog (catalog-keeper.ts), so a new process answers the start screen's list by reading one
 * small file and the journal of changes since (save-journal.ts), before the store is loaded.
 *
 *   `tellus-snapshot-first-page 1 <complete|partial> <checksum, 8 hex digits>`
 *   the entries, newest first, as one line of JSON, and a final newline
 *
 * `complete`: the store held no more entries than these. Otherwise the last entry written is the
 * page's boundary: everything newer is known (the page and the journal), anything older may lie
 * beyond it, so a journal save older than it is left out and a page that fell short of a list's
 * limit (deletes) cannot answer it. The checksum (CRC-32 of the JSON line) proves the file whole;
 * a damaged, cut-short or malformed file (or journal) is not used: the list waits for the full load.
 */
import { crc32 } from 'node:zlib'
import { RECENT_SNAPSHOTS_LIMIT } from '@common/snapshots/recent-snapshots'
import type { SnapshotMeta } from '@common/snapshot-types'
import { replayJournal } from './save-journal'
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
  if (!Array.isArray(items) || !items.every(isStoredMeta) || (header[1] === 'partial' && items.length === 0)) return null
  if (items.some((meta, i) => i > 0 && newestFirst(items[i - 1] as SnapshotMeta, meta as SnapshotMeta) >= 0)) return null
  return { items: items as SnapshotMeta[], complete: header[1] === 'complete' }
}

/**
 * The first page on disk with the journal applied, or null when there is none or it (or the
 * journal) cannot be used. Never throws.
 */
export async function readFirstPage(fs: SnapshotFs, paths: SnapshotPaths): Promise<FirstPage | null> {
  try {
    const [page, journal] = await Promise.all([fs.readFile(paths.firstPageFile, MAX_FIRST_PAGE_BYTES), readJournal(fs, paths)])
    const written = decodeFirstPage(page)
    if (!written) return null
    const items = replayJournal(written.items, written.complete ? null : (written.items.at(-1) ?? null), journal)
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

/** The journal's text; empty when there is none. */
async function readJournal(fs: SnapshotFs, paths: SnapshotPaths): Promise<string> {
  try {
    return await fs.readFile(paths.journalFile, MAX_JOURNAL_BYTES)
  } catch (error) {
    if (errorCode(error) === 'ENOENT') return ''
    throw error
  }
}

/** CRC-32 of `text` (as UTF-8) in 8 hex digits. */
function checksum(text: string): string {
  return crc32(text).toString(16).padStart(8, '0')
}
