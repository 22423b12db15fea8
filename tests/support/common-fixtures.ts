/** Fixtures most unit tests share: a fresh temp folder, and the value of a `Result` that must be ok. */
import { mkdtemp, rm } from 'node:fs/promises'
import { tmpdir } from 'node:os'
import { join } from 'node:path'
import type { Result } from '@common/errors'

/** A fresh folder under the OS temp dir; `cleanup` removes it. */
export async function tempRoot(prefix = 'tellus-test-'): Promise<{ root: string; cleanup: () => Promise<void> }> {
  const root = await mkdtemp(join(tmpdir(), prefix))
  return { root, cleanup: () => rm(root, { recursive: true, force: true }) }
}

/** The value of an ok result; fails the test with the error's kind and message otherwise. */
export function unwrap<T>(result: Result<T>): T {
  if (!result.ok) throw new Error(`expected ok, got ${result.error.kind}: ${result.error.message}`)
  return result.value
}
