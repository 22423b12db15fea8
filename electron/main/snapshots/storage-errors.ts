/**
 * Turns file-system failures into `AppError`s a technician can act on: a full disk, a denied
 * permission, a read-only disk, each with what happened and what to do.
 */
import { appError, type AppError } from '@common/errors'
import { storageError as fsStorageError } from '../fs/storage-error'

/** What the store was doing when the file system failed. */
export type StorageOperation = 'save' | 'read' | 'list' | 'delete'

const CONSEQUENCE: Record<StorageOperation, string> = {
  save: 'snapshot not saved',
  read: 'snapshot not opened',
  list: 'snapshots not listed',
  delete: 'snapshots not deleted',
}

const VERB: Record<StorageOperation, string> = {
  save: 'write to',
  read: 'read',
  list: 'read',
  delete: 'delete files in',
}

/** Maps a thrown fs error to a storage `AppError` for `operation` on the snapshot folder. */
export function storageError(error: unknown, operation: StorageOperation, folder: string): AppError {
  return fsStorageError(error, { verb: VERB[operation], place: `the snapshot folder (${folder})`, consequence: CONSEQUENCE[operation] })
}

/** The error for a snapshot id that is valid but not (or no longer) on disk. */
export function snapshotNotFound(id: string): AppError {
  return appError('storage', `Snapshot ${id} is not on this laptop any more (deleted, or removed to keep the newest ones).`, {
    action: 'Pick another snapshot from the list.',
  })
}
