/**
 * The few file-system operations the snapshot store uses, as a collaborator: the real one is
 * Node's fs plus the crash-safe writer; tests swap single functions to simulate a full disk or a
 * denied permission even when running as root.
 */
import { closeSync, constants, lstatSync, openSync, writeFileSync } from 'node:fs'
import { lstat, mkdir, readdir, rename, rm } from 'node:fs/promises'
import { fsyncDir, removeStaleTempFiles, writeFileAtomic } from '../fs/atomic-write'
import { readRegularBytes, readRegularFile, readRegularFileSync } from '../fs/read-regular-file'

/** What a folder entry is, without following links. */
export type EntryKind = 'file' | 'dir' | 'link' | 'other'

/**
 * A folder entry seen by `lstat`: its kind and its modification time in milliseconds (a double:
 * exact to well under a microsecond, and read without the cost of bigint stats).
 */
export interface EntryStat {
  kind: EntryKind
  mtimeMs: number
}

/** File-system operations of the snapshot store. Each throws the Node fs error on failure. */
export interface SnapshotFs {
  /** Reads a regular file of at most `maxBytes` (never a link, FIFO or device; see `readRegularFile`). */
  readFile(path: string, maxBytes: number): Promise<string>
  /** `readFile` of a small file read on start (the first page), done synchronously (see `readRegularFileSync`). */
  readSmallFile(path: string, maxBytes: number): Promise<string>
  /** `readFile` without decoding the text. */
  readBytes(path: string, maxBytes: number): Promise<Buffer>
  /** A folder's entries with their kinds (links are reported as links, not followed). */
  readdir(path: string): Promise<Array<{ name: string; kind: EntryKind }>>
  /** The kind and modification time of `path` itself (a link is not followed). */
  lstat(path: string): Promise<EntryStat>
  /** `lstat` of many paths at once (null where it failed): 2,000 folders on every start, so done without a promise each. */
  lstatMany(paths: readonly string[]): Promise<Array<EntryStat | null>>
  /** Creates a folder and its parents; no error when it exists. */
  mkdir(path: string): Promise<void>
  rename(from: string, to: string): Promise<void>
  /** Removes a file or a folder tree; no error when it does not exist. */
  remove(path: string): Promise<void>
  writeFileAtomic(path: string, contents: string): Promise<void>
  /** Appends to a file (created when missing, never through a link), without fsync. */
  appendFile(path: string, contents: string): Promise<void>
  fsyncDir(dir: string): Promise<void>
  removeStaleTempFiles(dir: string): Promise<number>
}

// O_NOFOLLOW: appending to a link fails (ELOOP) instead of writing wherever it points.
const APPEND_FLAGS = constants.O_WRONLY | constants.O_APPEND | constants.O_CREAT | (constants.O_NOFOLLOW ?? 0)

/** The real file system. */
export const nodeSnapshotFs: SnapshotFs = {
  readFile: (path, maxBytes) => readRegularFile(path, maxBytes),
  readSmallFile: async (path, maxBytes) => readRegularFileSync(path, maxBytes),
  readBytes: (path, maxBytes) => readRegularBytes(path, maxBytes),
  readdir: async (path) => (await readdir(path, { withFileTypes: true })).map((entry) => ({ name: entry.name, kind: kindOf(entry) })),
  lstat: async (path) => {
    const stats = await lstat(path)
    return { kind: kindOf(stats), mtimeMs: stats.mtimeMs }
  },
  lstatMany: async (paths) =>
    paths.map((path) => {
      try {
        const stats = lstatSync(path, { throwIfNoEntry: false })
        return stats ? { kind: kindOf(stats), mtimeMs: stats.mtimeMs } : null
      } catch {
        return null
      }
    }),
  mkdir: async (path) => {
    await mkdir(path, { recursive: true })
  },
  rename: (from, to) => rename(from, to),
  remove: (path) => rm(path, { recursive: true, force: true }),
  writeFileAtomic: (path, contents) => writeFileAtomic(path, contents),
  // Synchronous: a line of a few hundred bytes without fsync takes microseconds, less than the
  // three thread-pool round trips of an async open, write and close (it runs on every save).
  appendFile: async (path, contents) => {
    const fd = openSync(path, APPEND_FLAGS, 0o600)
    try {
      writeFileSync(fd, contents)
    } finally {
      closeSync(fd)
    }
  },
  fsyncDir: (dir) => fsyncDir(dir),
  removeStaleTempFiles: (dir) => removeStaleTempFiles(dir),
}

function kindOf(entry: { isFile(): boolean; isDirectory(): boolean; isSymbolicLink(): boolean }): EntryKind {
  if (entry.isSymbolicLink()) return 'link'
  if (entry.isDirectory()) return 'dir'
  return entry.isFile() ? 'file' : 'other'
}

export { errorCode } from '../fs/storage-error'
