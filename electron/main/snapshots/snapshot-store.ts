/**
 * The offline snapshot store: one JSON file per device fetch under `<root>/devices/<deviceId>/`,
 * written crash-safely, with a per-device index file so listing never parses payloads, and one
 * store-wide catalog so a new process lists 100,000 snapshots without opening every folder.
 *
 * The in-memory index is built once (on first use) from the catalog and the index files of the
 * folders that changed since (see load-store.ts), and then kept in step with every save and
 * delete; a new process's first list is answered from the first page before that (store-opening.ts),
 * and every change is appended to the journal that keeps the page current (first-page.ts). It
 * trusts nothing on disk: it reads only regular files, never through a link, never more than a
 * snapshot may hold, and never writes or deletes through a linked folder. One store per
 * root (Electron's single-instance lock); every method returns a `Result`, fs failures `storage` errors.
 */
import type { DeviceId } from '@common/devices/device-id'
import { appError, fail, ok, type AppError, type Result } from '@common/errors'
import type { QuarantinedSnapshot, Snapshot, SnapshotList, SnapshotMeta } from '@common/snapshot-types'
import { CatalogKeeper } from './catalog-keeper'
import { isRealFolder, writeDeviceIndex } from './device-folder'
import { DEFAULT_RETENTION, isRetention, RETENTION_MAX, RETENTION_MIN } from '@common/snapshots/snapshot-retention'
import { checkQuery, type StoreQuery } from './store-arguments'
import { moveAside, quarantinePath } from '../fs/move-aside'
import { readSnapshotFile } from './read-snapshot-file'
import { SaveJournal } from './first-page'
import { SerialQueue } from '../fs/serial-queue'
import { StoreOpening } from './store-opening'
import { errorCode, nodeSnapshotFs, type SnapshotFs } from './snapshot-fs'
import { SnapshotIdGenerator, validateSnapshotId } from './snapshot-id'
import { SnapshotIndex } from './snapshot-index'
import { SnapshotPaths } from './snapshot-paths'
import { snapshotNotFound, storageError, type StorageOperation } from './storage-errors'
import { metaOf, plainMeta, prepareSnapshot, type SaveSnapshotInput } from './stored-snapshot'

export type { SaveSnapshotInput } from './stored-snapshot'


/** Collaborators and settings of a `SnapshotStore`. */
export interface SnapshotStoreOptions {
  /** The store's folder, e.g. `<userData>/snapshots`. Created on the first save. */
  root: string
  /** Snapshots kept per device, newest first (default 50). */
  retentionPerDevice?: number
  /** Clock for quarantine names (ms since epoch). */
  now?: () => number
  /** File-system operations; tests inject failures here. */
  fs?: SnapshotFs
}

/** Deletion count returned by the delete methods and `setRetention`. */
export interface Deleted {
  deleted: number
}

/** Offline snapshots on disk. See the file comment for the layout and guarantees. */
export class SnapshotStore {
  private readonly fs: SnapshotFs
  private readonly paths: SnapshotPaths
  private readonly now: () => number
  private readonly journal: SaveJournal
  private readonly index: SnapshotIndex
  private readonly queue = new SerialQueue()
  private readonly ids = new SnapshotIdGenerator()
  private readonly catalog: CatalogKeeper
  private readonly opening: StoreOpening
  private retention: number
  private unreported: QuarantinedSnapshot[] = []

  constructor(options: SnapshotStoreOptions) {
    this.fs = options.fs ?? nodeSnapshotFs
    this.paths = new SnapshotPaths(options.root)
    this.now = options.now ?? Date.now
    const retention = options.retentionPerDevice ?? DEFAULT_RETENTION
    if (!isRetention(retention)) throw new RangeError(`retentionPerDevice must be an integer from ${RETENTION_MIN} to ${RETENTION_MAX}`)
    this.retention = retention
    this.journal = new SaveJournal(this.fs, this.paths)
    this.index = new SnapshotIndex((change) => this.journal.note(change))
    this.catalog = new CatalogKeeper({ fs: this.fs, paths: this.paths, index: this.index, enqueue: (task) => void this.queue.run(task) })
    const { fs, paths, now, index, catalog, queue } = this
    this.opening = new StoreOpening({ fs, paths, now, index, catalog, queue, quarantined: (files) => this.unreported.push(...files), writeIndex: (deviceId) => this.writeIndex(deviceId) })
  }

  /** The store's folder (absolute). */
  get root(): string {
    return this.paths.root
  }

  /** Snapshots kept per device. */
  get retentionPerDevice(): number {
    return this.retention
  }

  /** Saves one device response as a new snapshot, then keeps only the device's newest N. */
  async save(input: SaveSnapshotInput): Promise<Result<Snapshot>> {
    const prepared = prepareSnapshot(input, this.ids)
    if (!prepared.ok) return prepared
    const loaded = await this.opening.loaded()
    if (!loaded.ok) return loaded
    const { snapshot, json } = prepared.value
    return this.mutate('save', async () => {
      try {
        await this.fs.mkdir(this.paths.deviceDir(snapshot.deviceId))
        if (!(await isRealFolder(this.fs, this.paths, snapshot.deviceId))) throw Object.assign(new Error('The device folder is a link'), { code: 'ELOOP' })
        await this.fs.writeFileAtomic(this.paths.snapshotFile(snapshot.id), json)
      } catch (error) {
        return fail(storageError(error, 'save', this.paths.root))
      }
      this.index.add(metaOf(snapshot))
      await this.keepNewest(snapshot.deviceId)
      return ok(snapshot)
    })
  }

  /**
   * Lists snapshot metadata newest first, optionally for one device or site, at most `limit`.
   * `quarantined` holds the files moved aside since the previous `list` (each reported once).
   */
  async list(query: StoreQuery = {}): Promise<Result<SnapshotList>> {
    const checked = checkQuery(query)
    if (!checked.ok) return checked
    const { deviceId, siteId, limit } = checked.value
    const firstPage = deviceId === undefined && siteId === undefined && limit !== undefined ? await this.opening.firstPage(limit) : null
    if (firstPage) return ok({ items: firstPage.map(plainMeta), quarantined: [] })
    const loaded = await this.opening.loaded()
    if (!loaded.ok) return loaded
    // A page merges the devices' lists only as far as it shows; the whole list is kept once built.
    const source = deviceId ? this.index.device(deviceId) : limit === undefined ? this.index.all() : siteId === undefined ? this.index.page(limit) : this.index.newest()
    const items: SnapshotMeta[] = []
    for (const meta of source) {
      if (siteId !== undefined && meta.siteId !== siteId) continue
      if (items.push(plainMeta(meta)) === limit) break
    }
    const quarantined = this.unreported
    this.unreported = []
    return ok({ items, quarantined })
  }

  /** Opens one snapshot. A damaged file is moved aside and reported as a storage error. */
  async get(id: string): Promise<Result<Snapshot>> {
    const checked = validateSnapshotId(id)
    if (!checked.ok) return checked
    const loaded = await this.opening.loaded()
    if (!loaded.ok) return loaded
    if (!this.index.find(id)) return fail(snapshotNotFound(id))
    const path = this.paths.snapshotFile(id)
    const read = await readSnapshotFile(this.fs, path, id)
    if (read.kind === 'ok') return ok(read.snapshot)
    if (read.kind === 'fs-error' && errorCode(read.error) !== 'ENOENT') return fail(storageError(read.error, 'read', this.paths.root))
    return this.mutate('read', async () => {
      if (!this.index.find(id)) return fail(snapshotNotFound(id)) // another call already handled it
      const error = read.kind === 'damaged' ? await this.quarantine(path, read.reason) : snapshotNotFound(id)
      if (this.index.remove(id)) await this.writeIndex(checked.value.deviceId)
      return fail(error)
    })
  }

  /** The newest readable snapshot of a device, or null when there is none. */
  async latest(deviceId: DeviceId): Promise<Result<Snapshot | null>> {
    const loaded = await this.opening.loaded()
    if (!loaded.ok) return loaded
    for (const meta of [...this.index.device(deviceId)]) {
      const opened = await this.get(meta.id)
      if (opened.ok) return opened
      if (this.index.find(meta.id)) return opened // still indexed: a real failure, not a damaged file
    }
    return ok(null)
  }

  /** Deletes one snapshot (0 when it was already gone). */
  async delete(id: string): Promise<Result<Deleted>> {
    const checked = validateSnapshotId(id)
    if (!checked.ok) return checked
    const loaded = await this.opening.loaded()
    if (!loaded.ok) return loaded
    return this.mutate('delete', async () => {
      if (!this.index.find(id)) return ok({ deleted: 0 })
      if (!(await isRealFolder(this.fs, this.paths, checked.value.deviceId))) return ok({ deleted: 0 })
      await this.fs.remove(this.paths.snapshotFile(id))
      this.index.remove(id)
      await this.writeIndex(checked.value.deviceId)
      return ok({ deleted: 1 })
    })
  }

  /** Deletes every snapshot of one device. */
  async deleteDevice(deviceId: DeviceId): Promise<Result<Deleted>> {
    const loaded = await this.opening.loaded()
    if (!loaded.ok) return loaded
    return this.mutate('delete', async () => {
      const deleted = this.index.deviceSize(deviceId)
      await this.fs.remove(this.paths.deviceDir(deviceId)) // a link is removed itself, never followed
      this.index.removeDevice(deviceId)
      this.catalog.touched(deviceId, true)
      await this.fs.fsyncDir(this.paths.devicesDir)
      return ok({ deleted })
    })
  }

  /** Deletes every snapshot, and the quarantine folder with it. */
  async deleteAll(): Promise<Result<Deleted>> {
    const loaded = await this.opening.loaded()
    if (!loaded.ok) return loaded
    return this.mutate('delete', async () => {
      const deleted = this.index.size
      await this.fs.remove(this.paths.firstPageFile)
      await this.fs.remove(this.paths.journalFile)
      await this.fs.remove(this.paths.devicesDir)
      await this.fs.remove(this.paths.quarantineDir)
      await this.fs.remove(this.paths.catalogFile)
      await this.fs.remove(this.paths.legacyCatalogFile)
      this.index.clear()
      this.catalog.cleared()
      this.unreported = []
      await this.fs.fsyncDir(this.paths.root)
      return ok({ deleted })
    })
  }

  /** Changes how many snapshots are kept per device and prunes the older ones now. */
  async setRetention(retentionPerDevice: number): Promise<Result<Deleted>> {
    if (!isRetention(retentionPerDevice)) {
      return fail(appError('invalid-input', `Snapshots kept per device must be a whole number from ${RETENTION_MIN} to ${RETENTION_MAX}.`))
    }
    this.retention = retentionPerDevice
    const loaded = await this.opening.loaded()
    if (!loaded.ok) return loaded
    return this.mutate('delete', async () => {
      let deleted = 0
      for (const deviceId of this.index.deviceIds()) {
        if (this.index.deviceSize(deviceId) > this.retention) deleted += await this.keepNewest(deviceId)
      }
      return ok({ deleted })
    })
  }

  /**
   * Keeps a device's newest `retention` snapshots, deletes the rest (never through a linked
   * folder), and writes its index; returns how many went. A file that cannot be removed stays listed.
   */
  private async keepNewest(deviceId: string): Promise<number> {
    const older = this.index.device(deviceId).slice(this.retention)
    let deleted = 0
    if (older.length > 0 && (await isRealFolder(this.fs, this.paths, deviceId))) {
      for (const meta of older) {
        const removed = await this.fs.remove(this.paths.snapshotFile(meta.id)).then(() => true, () => false)
        if (removed && this.index.remove(meta.id)) deleted += 1
      }
    }
    await this.writeIndex(deviceId)
    if (deleted > 0) await this.fs.fsyncDir(this.paths.deviceDir(deviceId))
    return deleted
  }

  /** Writes a device's index file from memory, and notes the change for the catalog. */
  private async writeIndex(deviceId: string): Promise<void> {
    const items = this.index.device(deviceId)
    this.catalog.touched(deviceId, items.length === 0)
    await writeDeviceIndex(this.fs, this.paths, deviceId, items)
  }

  private async quarantine(path: string, reason: string): Promise<AppError> {
    const moved = await moveAside(this.fs, path, quarantinePath(this.paths.quarantineDir, path, this.now()), reason)
    this.unreported.push(moved)
    return appError('storage', `This snapshot could not be read and was moved aside to ${moved.movedTo}. ${reason}`, {
      action: 'Fetch the device again for a fresh snapshot, or open an older one.',
    })
  }

  /**
   * Runs a change in the queue and appends what it changed to the journal; an unexpected fs error
   * drops the in-memory index (and the first page) so the store is loaded again.
   */
  private mutate<T>(operation: StorageOperation, task: () => Promise<Result<T>>): Promise<Result<T>> {
    return this.queue.run(async () => {
      try {
        return await task()
      } catch (error) {
        await this.opening.forget()
        return fail(storageError(error, operation, this.paths.root))
      } finally {
        await this.journal.append()
      }
    })
  }

  /** Writes what is only in memory (the catalog and the first page) to disk; call it before the app quits. */
  flush(): Promise<void> {
    return this.queue.run(() => this.catalog.write())
  }
}
