/**
 * The startup check for the app's data folder: it must exist (or be creatable) and take a file.
 * Failing here gives the technician one clear reason at start instead of a failure at every save.
 */
import { mkdir, rm } from 'node:fs/promises'
import { join } from 'node:path'
import { writeFileAtomic } from './atomic-write'
import { errorCode } from './storage-error'

/** Creates `dir` if needed and writes (then removes) a probe file; rejects with a plain reason. */
export async function ensureWritableFolder(dir: string): Promise<void> {
  const probe = join(dir, '.write-check')
  try {
    await mkdir(dir, { recursive: true })
    await writeFileAtomic(probe, 'ok')
    await rm(probe, { force: true })
  } catch (error) {
    const code = errorCode(error)
    throw new Error(`The app's data folder ${dir} cannot be written (${code ?? String(error)}).`, { cause: error })
  }
}
