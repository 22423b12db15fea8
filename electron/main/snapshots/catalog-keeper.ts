/**
 * Keeps `catalog.txt` (see snapshot-catalog.ts) in step without writing it on every save: a change
 * marks its device folder's time unknown and schedules one write a while later; the app's quit
 * flushes it. A crash before the write costs only a slower start (the changed folders are loaded
 * from their own index), never a wrong listing. The first page (first-page.ts) is written with it.
 */
import type { SnapshotFs } from './snapshot-fs'
import type { SnapshotIndex } from './snapshot-index'
import type { SnapshotPaths } from './snapshot-paths'
import { encodeCatalog } from './snapshot-catalog'
import { FIRST_PAGE_SIZE, writeFirstPage } from './first-page'

/** How long after the first unsaved change the catalog is written. */
const WRITE_DELAY_MS = 60_000

/** What the keeper needs from the store. */
export interface CatalogKeeperContext {
  fs: SnapshotFs
  paths: SnapshotPaths
  index: SnapshotIndex
  /** Runs a task in the store's write queue. */
  enqueue: (task: () => Promise<void>) => void
}

/** Tracks device folder times and writes the catalog (and the first page) when out of step. */
export class CatalogKeeper {
  private times = new Map<string, number | null>()
  private stale = false
  private pageStale = false
  private timer: ReturnType<typeof setTimeout> | null = null

  constructor(private readonly ctx: CatalogKeeperContext) {}

  /**
   * Starts over from a freshly loaded store; `stale` means the catalog on disk is out of step,
   * `pageStale` the first page (every later change makes both out of step).
   */
  reset(times: Map<string, number | null>, stale: boolean, pageStale = stale): void {
    if (this.timer) clearTimeout(this.timer)
    this.timer = null
    this.times = times
    this.stale = stale
    this.pageStale = pageStale
  }

  /** A device folder changed (or is gone when `removed`). */
  touched(deviceId: string, removed = false): void {
    if (removed) this.times.delete(deviceId)
    else this.times.set(deviceId, null)
    this.markStale(WRITE_DELAY_MS)
  }

  /** Everything was deleted: the catalog goes with it on the next write. */
  cleared(): void {
    this.times.clear()
    this.markStale(WRITE_DELAY_MS)
  }

  /** Writes the catalog and the first page now if they are out of step. Never throws: both are derived data. */
  async write(): Promise<void> {
    if (this.timer) clearTimeout(this.timer)
    this.timer = null
    if (this.stale) await this.writeCatalog()
    if (!this.pageStale) return
    const { fs, paths, index } = this.ctx
    this.pageStale = false
    try {
      await writeFirstPage(fs, paths, index.page(FIRST_PAGE_SIZE), index.size <= FIRST_PAGE_SIZE)
    } catch {
      // Not written (or the journal not removed): the next start waits for the full load, and writes
      // it then. Without a page the journal is of no use, so it does not grow meanwhile.
      await fs.remove(paths.firstPageFile).catch(() => undefined)
      await fs.remove(paths.journalFile).catch(() => undefined)
    }
  }

  private async writeCatalog(): Promise<void> {
    const { fs, paths, index } = this.ctx
    this.stale = false
    try {
      await fs.remove(paths.legacyCatalogFile)
      if (this.times.size === 0) {
        await fs.remove(paths.catalogFile)
        return
      }
      for (const [deviceId, time] of this.times) {
        if (time !== null) continue
        const stat = await fs.lstat(paths.deviceDir(deviceId)).catch(() => null)
        if (stat?.kind === 'dir') this.times.set(deviceId, stat.mtimeMs)
        else if (index.deviceSize(deviceId) === 0) this.times.delete(deviceId)
      }
      await fs.writeFileAtomic(paths.catalogFile, encodeCatalog(index.devices(), this.times, Date.now()))
    } catch {
      // Not written: the next start loads the folders that changed, and writes it then.
    }
  }

  private markStale(delayMs: number): void {
    this.stale = true
    this.pageStale = true
    if (this.timer) return
    this.timer = setTimeout(() => this.ctx.enqueue(() => this.write()), delayMs)
    this.timer.unref?.()
  }
}
