/**
 * The few file-system operations the snapshot store uses, as a collaborator: the real one is
 * Node's fs plus the crash-safe writer; tests swap single functions to simulate a full disk or a
 * denied permission even when running as root.
 */
import { mkdir, readdir, readFile, rename, rm } from 'node:fs/promises'
import { fsyncDir, removeStaleTempFiles, writeFileAtomic } from '../fs/atomic-write'

/** File-system operations of the snapshot store. Each throws the Node fs error on failure. */
export interface SnapshotFs {
  readFile(path: string): Promise<string>
  readdir(path: string): Promise<string[]>
  /** Creates a folder and its parents; no error when it exists. */
  mkdir(path: string): Promise<void>
  rename(from: string, to: string): Promise<void>
  /** Removes a file or a folder tree; no error when it does not exist. */
  remove(path: string): Promise<void>
  writeFileAtomic(path: string, contents: string): Promise<void>
  fsyncDir(dir: string): Promise<void>
  removeStaleTempFiles(dir: string): Promise<number>
}

/** The real file system. */
export const nodeSnapshotFs: SnapshotFs = {
  readFile: (path) => readFile(path, 'utf8'),
  readdir: (path) => readdir(path),
  mkdir: async (path) => {
    await mkdir(path, { recursive: true })
  },
  rename: (from, to) => rename(from, to),
  remove: (path) => rm(path, { recursive: true, force: true }),
  writeFileAtomic: (path, contents) => writeFileAtomic(path, contents),
  fsyncDir: (dir) => fsyncDir(dir),
  removeStaleTempFiles: (dir) => removeStaleTempFiles(dir),
}

export { errorCode } from '../fs/storage-error'
