/**
 * A really full disk for tests of "disk full" outcomes: TELLUS_SMALL_FS_DIR when set (a folder on
 * a tiny file system), else, when the tests run as root (CI containers), a private 64 KB tmpfs
 * mounted for the test and unmounted after. Null where neither is possible: the test is skipped
 * and says why.
 */
import { execFile } from 'node:child_process'
import { mkdtemp, rm } from 'node:fs/promises'
import { tmpdir } from 'node:os'
import { join } from 'node:path'
import { promisify } from 'node:util'

const run = promisify(execFile)

export interface TinyDisk {
  dir: string
  release(): Promise<void>
}

/** A folder on a file system of about `sizeKb` KB, or null when none can be had here. */
export async function tinyDisk(sizeKb = 64): Promise<TinyDisk | null> {
  const given = process.env.TELLUS_SMALL_FS_DIR
  if (given) {
    const dir = await mkdtemp(join(given, 'tiny-'))
    return { dir, release: () => rm(dir, { recursive: true, force: true }) }
  }
  if (process.getuid?.() !== 0) return null
  const dir = await mkdtemp(join(tmpdir(), 'tellus-tiny-disk-'))
  try {
    await run('mount', ['-t', 'tmpfs', '-o', `size=${sizeKb}k`, 'tmpfs', dir])
  } catch {
    await rm(dir, { recursive: true, force: true })
    return null
  }
  return {
    dir,
    release: async () => {
      await run('umount', [dir]).catch(() => undefined)
      await rm(dir, { recursive: true, force: true })
    },
  }
}
