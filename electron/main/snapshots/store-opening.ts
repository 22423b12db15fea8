/**
 * Opening the store in a new process. The start screen's first list is answered from the first
 * page (first-page.ts: the newest entries and the journal of changes since) without loading the
 * store; the full load (the catalog, every device folder checked against it: load-store.ts)
 * follows in the background a moment later, and every other call waits for it. From then on the
 * in-memory index is the truth: the first page is not read again in this process, and when the
 * loaded store's newest entries differ from what the page showed (a file added or removed outside
 * the app, a kill between a file write and its journal line), the page is rewritten.
 */
import type { SnapshotMeta, QuarantinedSnapshot } from '@common/snapshot-types'
import { fail, ok, type Result } from '@common/errors'
import type { CatalogKeeper } from './catalog-keeper'
import { FIRST_PAGE_SIZE, firstPageItems, readFirstPage, type FirstPage } from './first-page'
import { loadStore } from './load-store'
import { mapLimited } from './map-limited'
import type { SerialQueue } from '../fs/serial-queue'
import type { SnapshotFs } from './snapshot-fs'
import type { SnapshotIndex } from './snapshot-index'
import type { SnapshotPaths } from './snapshot-paths'
import { storageError } from './storage-errors'

/**
 * How long after the first page was answered the full load starts, unless a call needs it
 * sooner: the start screen's other requests are answered first, not behind 50 ms of loading.
 */
export const FULL_LOAD_DELAY_MS = 1_000

/** What opening needs from the store. */
export interface StoreOpeningContext {
  fs: SnapshotFs
  paths: SnapshotPaths
  now: () => number
  index: SnapshotIndex
  catalog: CatalogKeeper
  queue: SerialQueue
  /** Files the load moved aside (reported by the next list). */
  quarantined: (files: QuarantinedSnapshot[]) => void
  /** Rewrites a device's index file from memory. */
  writeIndex: (deviceId: string) => Promise<void>
}

/** Loads the store once, answering the first list from the first page meanwhile. */
export class StoreOpening {
  private loading: Promise<Result<void>> | null = null
  /** Set once a full load was asked for: the first page is then never answered again. */
  private loadAsked = false
  private firstPageRead: Promise<FirstPage | null> | null = null
  private timer: ReturnType<typeof setTimeout> | null = null

  constructor(private readonly ctx: StoreOpeningContext) {}

  /**
   * The newest `limit` entries from the first page, while the store is not loaded yet and the
   * page can tell them; null otherwise (then the caller waits for `loaded()`).
   */
  async firstPage(limit: number): Promise<readonly SnapshotMeta[] | null> {
    if (this.loadAsked) return null
    this.firstPageRead ??= this.ctx.queue.run(() => readFirstPage(this.ctx.fs, this.ctx.paths))
    const page = await this.firstPageRead
    const items = page && !this.loadAsked ? firstPageItems(page, limit) : null
    if (items && !this.timer) {
      this.timer = setTimeout(() => void this.loaded(), FULL_LOAD_DELAY_MS)
      this.timer.unref?.()
    }
    return items
  }

  /** Loads the store (once; again after a failure or `forget`). */
  loaded(): Promise<Result<void>> {
    this.loadAsked = true
    if (this.timer) clearTimeout(this.timer)
    if (!this.loading) {
      const loading = this.ctx.queue.run(() => this.load())
      this.loading = loading
      void loading.then((result) => {
        if (!result.ok && this.loading === loading) this.loading = null
      })
    }
    return this.loading
  }

  /**
   * Forgets the loaded store after an unexpected fs error (the next call loads it again), and the
   * first page with it: what the journal holds may no longer match the disk.
   */
  async forget(): Promise<void> {
    this.loading = null
    this.ctx.index.clear()
    this.ctx.catalog.reset(new Map(), false)
    await this.ctx.fs.remove(this.ctx.paths.firstPageFile).catch(() => undefined)
  }

  private async load(): Promise<Result<void>> {
    const { fs, paths, index, catalog } = this.ctx
    let loaded
    try {
      loaded = await loadStore({ fs, paths, now: this.ctx.now })
    } catch (error) {
      return fail(storageError(error, 'list', paths.root))
    }
    index.reset(loaded.byDevice)
    this.ctx.quarantined(loaded.quarantined)
    catalog.reset(loaded.folderTimes, loaded.catalogStale, await this.firstPageStale(loaded.catalogStale))
    await mapLimited(loaded.staleIndexes, 8, (deviceId) => this.ctx.writeIndex(deviceId))
    await catalog.write()
    return ok(undefined)
  }

  /**
   * True when the first page on disk may not show the loaded store's newest entries. An empty
   * store has none (a file there is stale). Read in this process: compared entry by entry. Not
   * read: stale when there is none or a folder changed since the catalog was written (no folder
   * changed: the page written with it and the journal still tell the newest).
   */
  private async firstPageStale(catalogStale: boolean): Promise<boolean> {
    const newest = this.ctx.index.page(FIRST_PAGE_SIZE)
    if (!this.firstPageRead || newest.length === 0) {
      const [onDisk] = await this.ctx.fs.lstatMany([this.ctx.paths.firstPageFile])
      return newest.length === 0 ? onDisk !== null : catalogStale || !onDisk
    }
    const page = await this.firstPageRead
    const shown = page && firstPageItems(page, FIRST_PAGE_SIZE)
    return !shown || shown.length !== newest.length || shown.some((meta, i) => meta.id !== newest[i]!.id)
  }
}
