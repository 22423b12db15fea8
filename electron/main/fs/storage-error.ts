/**
 * Turns file-system failures into `AppError`s a technician can act on: a full disk, a denied
 * permission, a read-only disk, each with what happened and what to do. Every store that writes
 * to disk (snapshots, settings, exports) reports through this one mapping.
 */
import { appError, type AppError } from '@common/errors'

/** What was being done, for the message: "No permission to <verb> <place>: <consequence>." */
export interface StorageContext {
  /** e.g. "write to" */
  verb: string
  /** e.g. "the snapshot folder (/home/…/snapshots)" */
  place: string
  /** e.g. "snapshot not saved" */
  consequence: string
}

/** The `code` of a Node fs error (ENOSPC, EACCES, …), if there is one. */
export function errorCode(error: unknown): string | undefined {
  const code = typeof error === 'object' && error !== null ? (error as { code?: unknown }).code : undefined
  return typeof code === 'string' ? code : undefined
}

/** Maps a thrown fs error to a storage `AppError`. */
export function storageError(error: unknown, { verb, place, consequence }: StorageContext): AppError {
  const code = errorCode(error)
  switch (code) {
    case 'ENOSPC':
    case 'EDQUOT':
      return appError('storage', `The disk is full: ${consequence}. Free some space on this laptop and try again.`, {
        action: 'Delete files you no longer need (or old snapshots), then try again.',
      })
    case 'EACCES':
    case 'EPERM':
      return appError('storage', `No permission to ${verb} ${place}: ${consequence}.`, {
        action: 'Check that your user account owns this folder and may write to it, or ask your IT support.',
      })
    case 'EROFS':
      return appError('storage', `${capitalise(place)} is on a read-only disk: ${consequence}.`, {
        action: 'Make the disk writable, or choose a folder on a writable disk.',
      })
    case 'EMFILE':
    case 'ENFILE':
      return appError('storage', `Too many files are open on this laptop: ${consequence}.`, { action: 'Close other programs and try again.' })
    case 'EIO':
      return appError('storage', `The disk reported a read/write error: ${consequence}.`, {
        action: 'The disk may be failing: copy important snapshots elsewhere and have the laptop checked.',
      })
    default:
      return appError('storage', `Could not ${verb} ${place} (${code ?? 'unexpected error'}): ${consequence}.`, {
        action: 'Try again; if it keeps failing, restart the app.',
      })
  }
}

function capitalise(text: string): string {
  return text.charAt(0).toUpperCase() + text.slice(1)
}
