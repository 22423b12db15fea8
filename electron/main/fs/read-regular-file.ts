/**
 * Reads a file the app did not necessarily write itself (a folder a user or another program can
 * put things in) without trusting it: only a regular file, never through a symbolic link, never
 * more than a cap, and never blocking on a FIFO or a device. Opening and checking use the same
 * file handle, so the file cannot be swapped between the check and the read.
 */
import { closeSync, constants, fstatSync, openSync, readSync } from 'node:fs'
import { open } from 'node:fs/promises'

/** Why a file was refused without being read. `code` is `ENOTREG` or `EFBIG`. */
export class UntrustedFileError extends Error {
  constructor(
    readonly code: 'ENOTREG' | 'EFBIG',
    message: string,
  ) {
    super(message)
    this.name = 'UntrustedFileError'
  }
}

// O_NOFOLLOW makes opening a symbolic link fail (ELOOP); O_NONBLOCK makes opening a FIFO return at
// once. Both are 0 where the platform lacks them (Windows has no FIFOs and reports links by lstat).
const OPEN_FLAGS = constants.O_RDONLY | (constants.O_NOFOLLOW ?? 0) | (constants.O_NONBLOCK ?? 0)

/**
 * The text of the regular file at `path`, at most `maxBytes` long. Throws `UntrustedFileError` for
 * a link, FIFO, folder or device (ENOTREG) or a larger file (EFBIG), and the fs error otherwise.
 */
export async function readRegularFile(path: string, maxBytes: number): Promise<string> {
  return (await readRegularBytes(path, maxBytes)).toString('utf8')
}

/** The bytes of the regular file at `path`, with the same checks as `readRegularFile`. */
export async function readRegularBytes(path: string, maxBytes: number): Promise<Buffer> {
  let handle
  try {
    handle = await open(path, OPEN_FLAGS)
  } catch (error) {
    if ((error as NodeJS.ErrnoException).code === 'ELOOP') throw notRegular()
    throw error
  }
  try {
    const stats = await handle.stat()
    if (!stats.isFile()) throw notRegular()
    if (stats.size > maxBytes) throw tooLarge(maxBytes)
    // Read one byte more than allowed, so a file that grew after the check is still refused.
    const buffer = Buffer.alloc(stats.size + 1)
    let length = 0
    while (length < buffer.length) {
      const { bytesRead } = await handle.read(buffer, length, buffer.length - length, length)
      if (bytesRead === 0) break
      length += bytesRead
    }
    if (length > maxBytes) throw tooLarge(maxBytes)
    return buffer.subarray(0, length)
  } finally {
    await handle.close().catch(() => undefined)
  }
}

/**
 * `readRegularFile` done synchronously, for a small file read on start (a few kilobytes from the
 * page cache take microseconds, less than the thread-pool round trips of an async open, stat,
 * read and close). Same checks, same errors.
 */
export function readRegularFileSync(path: string, maxBytes: number): string {
  let fd: number
  try {
    fd = openSync(path, OPEN_FLAGS)
  } catch (error) {
    if ((error as NodeJS.ErrnoException).code === 'ELOOP') throw notRegular()
    throw error
  }
  try {
    const stats = fstatSync(fd)
    if (!stats.isFile()) throw notRegular()
    if (stats.size > maxBytes) throw tooLarge(maxBytes)
    const buffer = Buffer.alloc(stats.size + 1)
    let length = 0
    for (let read = -1; read !== 0 && length < buffer.length; length += read) read = readSync(fd, buffer, length, buffer.length - length, length)
    if (length > maxBytes) throw tooLarge(maxBytes)
    return buffer.toString('utf8', 0, length)
  } finally {
    closeSync(fd)
  }
}

function notRegular(): UntrustedFileError {
  return new UntrustedFileError('ENOTREG', 'It is not a regular file (a link, folder, FIFO or device), so it was not read.')
}

function tooLarge(maxBytes: number): UntrustedFileError {
  return new UntrustedFileError('EFBIG', `It is larger than ${Math.round(maxBytes / 1_000_000)} MB, the most this file may hold, so it was not read.`)
}
