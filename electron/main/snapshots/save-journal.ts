/**
 * `<root>/journal.txt`: the listing changes since the first page (first-page.ts) was written, one
 * JSON line per listing change (a snapshot added, a snapshot removed, a device's snapshots removed),
 * appended without fsync when the store change that made them is done (one write per store change). So a new process's first list shows
 * the saves and deletes made after the last catalog write even when the app was killed, without
 * rewriting a file per save. The catalog write rewrites the first page and removes the journal.
 *
 * Derived data like the catalog: the snapshot files stay the truth. A change whose line is lost (a
 * kill between the file write and the append, a failed append) shows in the first page only until
 * the full load in the background replaces it.
 */
import { DEVICE_ID_PATTERN } from '@common/devices/device-id'
import type { SnapshotMeta } from '@common/snapshot-types'
import { parseSnapshotId } from './snapshot-id'
import type { SnapshotFs } from './snapshot-fs'
import type { SnapshotPaths } from './snapshot-paths'
import { isStoredMeta, newestFirst, plainMeta } from './stored-snapshot'

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
