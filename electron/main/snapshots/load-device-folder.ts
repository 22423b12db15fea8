/**
 * Loads one device folder when the store opens: reads its index file and checks it against the
 * folder's file names. Files the index lacks (a save killed before the index was written) are
 * read and added; entries without a file are dropped; a missing or damaged index is rebuilt from
 * the files. Damaged snapshot files are moved aside; leftover temp files are removed.
 */
import type { QuarantinedSnapshot, SnapshotMeta } from '@common/snapshot-types'
import { isTempFile } from '../fs/atomic-write'
import { moveAside, quarantinePath } from '../fs/move-aside'
import { readSnapshotFile } from './read-snapshot-file'
import type { SnapshotFs } from './snapshot-fs'
import { INDEX_FILE_NAME, snapshotIdOfFileName, type SnapshotPaths } from './snapshot-paths'
import { MAX_INDEX_BYTES, metaOf, parseDeviceIndex } from './stored-snapshot'

/** What the loader needs from the store. */
export interface LoaderContext {
  fs: SnapshotFs
  paths: SnapshotPaths
  now: () => number
}

/** One device folder after loading. `indexStale` means the index file should be rewritten. */
export interface LoadedDeviceFolder {
  deviceId: string
  metas: SnapshotMeta[]
  quarantined: QuarantinedSnapshot[]
  indexStale: boolean
}

/** Loads and reconciles one device folder. Throws the fs error when the folder cannot be listed. */
export async function loadDeviceFolder(ctx: LoaderContext, deviceId: string): Promise<LoadedDeviceFolder> {
  const dir = ctx.paths.deviceDir(deviceId)
  const names = (await ctx.fs.readdir(dir)).map((entry) => entry.name)
  if (names.some(isTempFile)) await ctx.fs.removeStaleTempFiles(dir).catch(() => 0)

  const fileIds = new Set<string>()
  for (const name of names) {
    const id = isTempFile(name) ? null : snapshotIdOfFileName(name)
    if (id && id.startsWith(`${deviceId}~`)) fileIds.add(id)
  }

  const indexed = names.includes(INDEX_FILE_NAME) ? await readIndex(ctx, deviceId) : null
  let indexStale = indexed === null
  const metas: SnapshotMeta[] = []
  for (const meta of indexed ?? []) {
    if (fileIds.delete(meta.id)) metas.push(meta)
    else indexStale = true
  }

  const quarantined: QuarantinedSnapshot[] = []
  for (const id of fileIds) {
    indexStale = true
    const path = ctx.paths.snapshotFile(id)
    const read = await readSnapshotFile(ctx.fs, path, id)
    if (read.kind === 'ok') metas.push(metaOf(read.snapshot))
    else if (read.kind === 'damaged') quarantined.push(await moveAside(ctx.fs, path, quarantinePath(ctx.paths.quarantineDir, path, ctx.now()), read.reason))
    // An fs error (permission) leaves the file alone: it is not listed now and is retried next time.
  }
  return { deviceId, metas, quarantined, indexStale }
}

/** The entries of a device's index file, or null when it is missing, damaged or not this device's. */
async function readIndex(ctx: LoaderContext, deviceId: string): Promise<SnapshotMeta[] | null> {
  try {
    return parseDeviceIndex(JSON.parse(await ctx.fs.readFile(ctx.paths.indexFile(deviceId), MAX_INDEX_BYTES)), deviceId)
  } catch {
    return null
  }
}
