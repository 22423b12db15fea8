/**
 * Crash-safe file writes: write a temp file in the same folder, fsync it, rename it over the
 * target, then fsync the folder so the rename itself is durable. A reader never sees a partial
 * file; a crash leaves at most a `*.tmp-*` file, which readers ignore and `removeStaleTempFiles`
 * cleans up.
 */
import { randomBytes } from 'node:crypto'
import * as nodeFs from 'node:fs/promises'
import { readdir, rm } from 'node:fs/promises'
import { basename, dirname, join } from 'node:path'

export const TEMP_MARKER = '.tmp-'

/** An open file as the writer uses it. */
export interface AtomicWriteHandle {
  writeFile(data: string | Uint8Array): Promise<void>
  sync(): Promise<void>
  close(): Promise<void>
}

/** The file-system calls the writer makes (node:fs/promises by default; tests record or fail them). */
export interface AtomicWriteFs {
  open(path: string, flags: string, mode?: number): Promise<AtomicWriteHandle>
  rename(from: string, to: string): Promise<void>
  rm(path: string, options: { force: boolean }): Promise<void>
}

const defaultFs: AtomicWriteFs = { open: nodeFs.open, rename: nodeFs.rename, rm: nodeFs.rm }

/**
 * Writes `contents` to `path` atomically and durably: open temp → write → fsync → close → rename →
 * fsync(folder). Throws the fs error (ENOSPC, EACCES, …) on failure, leaving no temp file behind.
 */
export async function writeFileAtomic(path: string, contents: string | Uint8Array, fs: AtomicWriteFs = defaultFs): Promise<void> {
  const dir = dirname(path)
  const temp = join(dir, `${basename(path)}${TEMP_MARKER}${randomBytes(6).toString('hex')}`)
  let handle: AtomicWriteHandle | undefined
  try {
    handle = await fs.open(temp, 'wx', 0o600)
    await handle.writeFile(contents)
    await handle.sync()
    await handle.close()
    handle = undefined
    await fs.rename(temp, path)
  } catch (error) {
    await handle?.close().catch(() => undefined)
    await fs.rm(temp, { force: true }).catch(() => undefined)
    throw error
  }
  await fsyncDir(dir, fs)
}

/** Flushes a folder's entries (renames, creations) to disk. A no-op where folders cannot be opened (Windows). */
export async function fsyncDir(dir: string, fs: Pick<AtomicWriteFs, 'open'> = defaultFs): Promise<void> {
  let handle: AtomicWriteHandle | undefined
  try {
    handle = await fs.open(dir, 'r')
    await handle.sync()
  } catch {
    // Windows cannot fsync a directory; the rename is still atomic there.
  } finally {
    await handle?.close().catch(() => undefined)
  }
}

/** True for the temp files `writeFileAtomic` leaves behind when a process dies mid-write. */
export function isTempFile(name: string): boolean {
  return name.includes(TEMP_MARKER)
}

/** Deletes leftover temp files in `dir`; returns how many were removed. */
export async function removeStaleTempFiles(dir: string): Promise<number> {
  let removed = 0
  for (const name of await readdir(dir).catch(() => [] as string[])) {
    if (!isTempFile(name)) continue
    await rm(join(dir, name), { force: true })
    removed += 1
  }
  return removed
}
