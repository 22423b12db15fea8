/**
 * The journal across kills: a child process saves (and now and then deletes) with the real store
 * and is killed with SIGKILL mid-session, never flushing. The next start's first page (page and
 * journal, no catalog, no folder) must show every save the child reported, differ from the files
 * by at most the one change in flight when it died, and the full load must then list the files.
 */
import { dirname, join } from 'node:path'
import { fileURLToPath } from 'node:url'
import { afterEach, beforeEach, describe, expect, it } from 'vitest'
import { nodeSnapshotFs, type SnapshotFs } from '@main/snapshots/snapshot-fs'
import { SnapshotStore } from '@main/snapshots/snapshot-store'
import { killMidWrite } from '../../support/kill-mid-write'
import { tempRoot, unwrap } from '../../support/common-fixtures'

const here = dirname(fileURLToPath(import.meta.url))
const child = join(here, 'save-loop-child.ts')
const ITERATIONS = 8
const RETENTION = 5

let root: string
let cleanup: () => Promise<void>
beforeEach(async () => ({ root, cleanup } = await tempRoot()))
afterEach(() => cleanup())

/** The real fs, noting whether the catalog was read. */
function catalogWatchingFs(): { fs: SnapshotFs; catalogRead: () => boolean } {
  let read = false
  const fs: SnapshotFs = { ...nodeSnapshotFs, readBytes: (path, max) => ((read ||= path.endsWith('catalog.txt')), nodeSnapshotFs.readBytes(path, max)) }
  return { fs, catalogRead: () => read }
}

describe('SnapshotStore journal (SIGKILL mid-session, never flushed)', () => {
  it(`the first page shows every reported save across ${ITERATIONS} kills`, { timeout: 120_000 }, async () => {
    let nextSecond = 0
    let fromPage = 0
    const newestSaved = new Map<string, string>()
    for (let iteration = 0; iteration < ITERATIONS; iteration++) {
      const { lines, stderr } = await killMidWrite(child, [root, String(RETENTION), String(nextSecond)], Math.floor(Math.random() * 60))
      expect(stderr).toBe('')
      const saved = lines.map((line) => line.split(' '))
      nextSecond = Number(saved.at(-1)![1]) + 10
      for (const [, , id] of saved) newestSaved.set(id!.split('~')[0]!, id!)

      const { fs, catalogRead } = catalogWatchingFs()
      const store = new SnapshotStore({ root, fs })
      const page = unwrap(await store.list({ limit: 200 })).items.map((meta) => meta.id)
      fromPage += catalogRead() ? 0 : 1
      const files = unwrap(await new SnapshotStore({ root }).list()).items.map((meta) => meta.id)
      expect(new Set(page).size).toBe(page.length)
      expect(page.filter((id) => files.includes(id))).toEqual(files.filter((id) => page.includes(id))) // same order
      for (const [deviceId, id] of newestSaved) {
        const listed = files.filter((other) => other.startsWith(`${deviceId}~`))
        const prunedByNewer = listed.filter((other) => other > id).length >= RETENTION
        if (!prunedByNewer) expect(page, `reported save ${id} on the first page`).toContain(id)
      }
      // In flight at the kill: one save (its file, and the one snapshot its retention removed) or one delete.
      const differing = [...page.filter((id) => !files.includes(id)), ...files.filter((id) => !page.includes(id))]
      expect(differing.length, JSON.stringify(differing)).toBeLessThanOrEqual(2)
      expect(unwrap(await store.list()).items.map((meta) => meta.id)).toEqual(files)
    }
    expect(fromPage).toBeGreaterThan(0) // the first run starts without a page; later ones have one
    console.info(`journal crash test: ${fromPage} of ${ITERATIONS} first lists answered from the first page`)
  })
})
