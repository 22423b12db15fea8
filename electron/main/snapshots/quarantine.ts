/**
 * Moves a snapshot file that cannot be read out of the way, into `<root>/quarantine/` under a
 * timestamped name, so it is never fatal, never listed again, and still there for support.
 */
import { randomBytes } from 'node:crypto'
import { basename, join } from 'node:path'
import type { QuarantinedSnapshot } from '@common/snapshot-types'
import type { SnapshotFs } from './snapshot-fs'
import { errorCode } from './snapshot-fs'

/** Moves `file` into `quarantineDir`; when it cannot be moved, it stays and the reason says so. */
export async function moveAside(fs: SnapshotFs, quarantineDir: string, file: string, reason: string, now: number): Promise<QuarantinedSnapshot> {
  const stamp = new Date(now).toISOString().replace(/[-:.]/g, '')
  const movedTo = join(quarantineDir, `${stamp}-${randomBytes(2).toString('hex')}-${basename(file)}`)
  try {
    await fs.mkdir(quarantineDir)
    await fs.rename(file, movedTo)
    return { file, movedTo, reason }
  } catch (error) {
    return { file, movedTo: file, reason: `${reason} It could not be moved aside (${errorCode(error) ?? 'error'}), so it was left in place and skipped.` }
  }
}
