/**
 * Writes that touch one device's folder: its index file, and the check that the folder is a real
 * folder before anything is written into or deleted from it (a link could point anywhere).
 */
import type { SnapshotMeta } from '@common/snapshot-types'
import type { SnapshotFs } from './snapshot-fs'
import type { SnapshotPaths } from './snapshot-paths'
import { INDEX_FORMAT_VERSION, plainMeta, type DeviceIndexFile } from './stored-snapshot'

/** True when a device's folder is a real folder (not a link to somewhere else, not missing). */
export async function isRealFolder(fs: SnapshotFs, paths: SnapshotPaths, deviceId: string): Promise<boolean> {
  const stat = await fs.lstat(paths.deviceDir(deviceId)).catch(() => null)
  return stat?.kind === 'dir'
}

/**
 * Writes a device's index file from `items` (or removes the folder when there are none).
 * A failure is not fatal: the index is derived data, reconciled against the folder on a later start.
 */
export async function writeDeviceIndex(fs: SnapshotFs, paths: SnapshotPaths, deviceId: string, items: readonly SnapshotMeta[]): Promise<void> {
  try {
    if (items.length === 0) {
      await fs.remove(paths.deviceDir(deviceId)) // a link is removed itself, never followed
      return
    }
    if (!(await isRealFolder(fs, paths, deviceId))) return
    const file: DeviceIndexFile = { formatVersion: INDEX_FORMAT_VERSION, deviceId, items: items.map(plainMeta) }
    await fs.writeFileAtomic(paths.indexFile(deviceId), JSON.stringify(file))
  } catch {
    // Left stale on disk; loading reconciles it against the folder.
  }
}
