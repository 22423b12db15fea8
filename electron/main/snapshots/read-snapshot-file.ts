/**
 * Reads one snapshot file and tells apart the three outcomes the store handles differently:
 * a good snapshot, a damaged file (to move aside), and a file-system failure (to report).
 */
import type { Snapshot } from '@common/snapshot-types'
import { UntrustedFileError } from '../fs/read-regular-file'
import { parseSnapshotId } from './snapshot-id'
import type { SnapshotFs } from './snapshot-fs'
import { MAX_SNAPSHOT_BYTES, parseStoredSnapshot } from './stored-snapshot'

/** The outcome of reading a snapshot file. */
export type SnapshotFileRead =
  | { kind: 'ok'; snapshot: Snapshot }
  | { kind: 'damaged'; reason: string }
  | { kind: 'fs-error'; error: unknown }

/** Reads and validates the file of snapshot `id` at `path` (a regular file, capped). Never throws. */
export async function readSnapshotFile(fs: SnapshotFs, path: string, id: string): Promise<SnapshotFileRead> {
  let text: string
  try {
    text = await fs.readFile(path, MAX_SNAPSHOT_BYTES)
  } catch (error) {
    if (error instanceof UntrustedFileError) return { kind: 'damaged', reason: error.message }
    return { kind: 'fs-error', error }
  }
  const parsed = parseStoredSnapshot(text)
  if (!parsed.ok) return { kind: 'damaged', reason: parsed.reason }
  const { snapshot } = parsed
  if (snapshot.id !== id || snapshot.deviceId !== parseSnapshotId(id)?.deviceId) {
    return { kind: 'damaged', reason: `The file's content belongs to another snapshot (${snapshot.id}).` }
  }
  return { kind: 'ok', snapshot }
}
