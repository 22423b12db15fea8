/**
 * Moving a file the app cannot use (damaged, unreadable as what it should hold) out of the way, so
 * it is never fatal, never read again, and still there for support. Where it goes is the caller's
 * choice (a quarantine folder, or `<name>.corrupt-<ms>` beside it); when it cannot be moved it is
 * left in place and the reason says so.
 */
import { randomBytes } from 'node:crypto'
import { basename, dirname, join } from 'node:path'
import type { QuarantinedFile } from '@common/quarantined-file'
import { errorCode } from './storage-error'

/** The file-system calls `moveAside` makes (node:fs/promises in the app; tests fail them). */
export interface MoveAsideFs {
  /** Creates a folder and its parents; no error when it exists. */
  mkdir(path: string): Promise<void>
  rename(from: string, to: string): Promise<void>
}

/** Renames `file` to `movedTo` (creating its folder); on failure it stays, and `reason` says why. */
export async function moveAside(fs: MoveAsideFs, file: string, movedTo: string, reason: string): Promise<QuarantinedFile> {
  try {
    await fs.mkdir(dirname(movedTo))
    await fs.rename(file, movedTo)
    return { file, movedTo, reason }
  } catch (error) {
    return { file, movedTo: file, reason: `${reason} It could not be moved aside (${errorCode(error) ?? 'error'}), so it was left in place and skipped.` }
  }
}

/** Where `file` goes in a quarantine folder: a timestamped, collision-proof name beside the others. */
export function quarantinePath(quarantineDir: string, file: string, now: number): string {
  const stamp = new Date(now).toISOString().replace(/[-:.]/g, '')
  return join(quarantineDir, `${stamp}-${randomBytes(2).toString('hex')}-${basename(file)}`)
}
