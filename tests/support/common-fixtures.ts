/** Fixtures most unit tests share: a fresh temp folder, the value of a `Result` that must be ok, a pinned time zone. */
import { mkdtemp, rm } from 'node:fs/promises'
import { tmpdir } from 'node:os'
import { join } from 'node:path'
import { afterAll, beforeAll } from 'vitest'
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

/** Runs the tests of the file (or describe block) it is called in with `TZ` set to `zone`, and restores it after. */
export function useTimeZone(zone: string): void {
  const original = process.env.TZ
  beforeAll(() => {
    process.env.TZ = zone
  })
  afterAll(() => {
    if (original === undefined) delete process.env.TZ
    else process.env.TZ = original
  })
}
