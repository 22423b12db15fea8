/**
 * Opens the store: lists the device folders (never following a link), reads the catalog, and takes
 * from it every device whose folder has not changed since it was written; the other folders are
 * loaded from their own index (`loadDeviceFolder`). Without a usable catalog every folder is loaded.
 */
import type { QuarantinedSnapshot } from '@common/snapshot-types'
import { DEVICE_ID_PATTERN } from '@common/devices/device-id'
import { DeviceEntries } from './device-entries'
import { loadDeviceFolder, type LoaderContext } from './load-device-folder'
import { mapLimited } from './map-limited'
import { moveAside, quarantinePath } from '../fs/move-aside'
import { decodeCatalog, MAX_CATALOG_BYTES, type Catalog } from './snapshot-catalog'
import { errorCode } from './snapshot-fs'
import { newestFirst } from './stored-snapshot'

const LOAD_CONCURRENCY = 64

/** The store as found on disk. */
export interface LoadedStore {
  /** Every device's entries, newest first (packed as in the catalog for the folders it was trusted for). */
  byDevice: Map<string, DeviceEntries>
  /** Device folders and their modification times (null: unknown, to be read again before trusting). */
  folderTimes: Map<string, number | null>
  quarantined: QuarantinedSnapshot[]
  /** Devices whose own index file should be rewritten. */
  staleIndexes: string[]
  /** True when the catalog should be written again. */
  catalogStale: boolean
}

/** Loads the store under `ctx.paths.root`. Throws the fs error when the devices folder cannot be listed. */
export async function loadStore(ctx: LoaderContext): Promise<LoadedStore> {
  const { fs, paths } = ctx
  const quarantined: QuarantinedSnapshot[] = []
  const deviceIds: string[] = []
  const [entries, catalog] = await Promise.all([listDevicesFolder(ctx), readCatalog(ctx)])
  for (const entry of entries) {
    if (!DEVICE_ID_PATTERN.test(entry.name)) continue
    if (entry.kind === 'dir') deviceIds.push(entry.name)
    else if (entry.kind !== 'file') {
      // A link (or FIFO, socket, device) where a device folder belongs: never followed, moved aside.
      const reason = entry.kind === 'link' ? 'It is a symbolic link, not a device folder, so it was not followed.' : 'It is not a device folder, so it was not read.'
      quarantined.push(await moveAside(fs, paths.deviceDir(entry.name), quarantinePath(paths.quarantineDir, paths.deviceDir(entry.name), ctx.now()), reason))
    }
  }

  const times = deviceIds.length === 0 ? [] : (await fs.lstatMany(deviceIds.map((deviceId) => paths.deviceDir(deviceId)))).map((stat) => (stat?.kind === 'dir' ? stat.mtimeMs : null))
  const folderTimes = new Map<string, number | null>()
  const byDevice = new Map<string, DeviceEntries>()
  const toLoad: string[] = []
  deviceIds.forEach((deviceId, i) => {
    const time = times[i] ?? null
    folderTimes.set(deviceId, time)
    const listed = catalog?.byDevice.get(deviceId)
    if (listed && time !== null && catalog!.folderTimes.get(deviceId) === time) byDevice.set(deviceId, listed)
    else toLoad.push(deviceId)
  })

  const folders = await mapLimited(toLoad, LOAD_CONCURRENCY, (deviceId) => loadDeviceFolder(ctx, deviceId).catch(() => null))
  const staleIndexes: string[] = []
  for (const [i, folder] of folders.entries()) {
    if (!folder) {
      folderTimes.delete(toLoad[i]!) // not readable: skipped, retried on the next start
      continue
    }
    if (folder.metas.length > 0) byDevice.set(folder.deviceId, DeviceEntries.of(folder.deviceId, folder.metas.sort(newestFirst)))
    quarantined.push(...folder.quarantined)
    if (folder.indexStale && folder.metas.length > 0) staleIndexes.push(folder.deviceId)
    if (folder.indexStale || folder.quarantined.length > 0) folderTimes.set(folder.deviceId, null)
  }

  // Stale when a folder had to be loaded, or the catalog lists a device whose folder is gone.
  const catalogStale = catalog === null || toLoad.length > 0 || [...catalog.byDevice.keys()].some((deviceId) => !folderTimes.has(deviceId))
  return { byDevice, folderTimes, quarantined, staleIndexes, catalogStale }
}

async function listDevicesFolder(ctx: LoaderContext): Promise<Array<{ name: string; kind: string }>> {
  try {
    return await ctx.fs.readdir(ctx.paths.devicesDir)
  } catch (error) {
    if (errorCode(error) === 'ENOENT') return []
    throw error
  }
}

/** The catalog, or null when it is missing, damaged, too large or not a regular file (then rebuilt). */
async function readCatalog(ctx: LoaderContext): Promise<Catalog | null> {
  try {
    return decodeCatalog(await ctx.fs.readBytes(ctx.paths.catalogFile, MAX_CATALOG_BYTES))
  } catch {
    return null
  }
}
