/**
 * Crash safety: a child process saves snapshots with the real store in a loop and is killed with
 * SIGKILL at random moments, 30 times, on the same folder. After every kill a fresh store (as on
 * the next app start) must list no partial file, read every listed snapshot, move nothing aside,
 * leave no temp file, and still have the newest snapshot each device reported as saved (unless
 * saves the killed child finished but never reported have since pushed it out by retention).
 */
import { readdir } from 'node:fs/promises'
import { dirname, join } from 'node:path'
import { fileURLToPath } from 'node:url'
import { afterEach, beforeEach, describe, expect, it } from 'vitest'
import { isTempFile } from '@main/fs/atomic-write'
import { SnapshotStore } from '@main/snapshots/snapshot-store'
import { killMidWrite } from '../../support/kill-mid-write'
import { tempRoot, unwrap } from '../../support/common-fixtures'

const here = dirname(fileURLToPath(import.meta.url))
const child = join(here, 'save-loop-child.ts')
const ITERATIONS = 30
const RETENTION = 5

let root: string
let cleanup: () => Promise<void>
beforeEach(async () => ({ root, cleanup } = await tempRoot()))
afterEach(() => cleanup())

/** Runs the child until it has saved once, then kills it after a random delay; returns what it reported saved. */
async function runAndKill(firstSecond: number, delayMs: number): Promise<{ saved: Array<{ second: number; id: string }>; stderr: string }> {
  const { lines, stderr } = await killMidWrite(child, [root, String(RETENTION), String(firstSecond)], delayMs)
  const saved = lines.map((line) => {
    const [, second, id] = line.split(' ')
    return { second: Number(second), id: id! }
  })
  return { saved, stderr }
}

async function tempFilesUnder(dir: string): Promise<string[]> {
  const found: string[] = []
  for (const entry of await readdir(dir, { withFileTypes: true, recursive: true })) if (isTempFile(entry.name)) found.push(entry.name)
  return found
}

describe('SnapshotStore crash safety (SIGKILL during saves)', () => {
  it(`never lists a partial snapshot across ${ITERATIONS} kills`, { timeout: 240_000 }, async () => {
    const newestSaved = new Map<string, string>()
    let nextSecond = 0
    let killedMidWrite = 0
    for (let iteration = 0; iteration < ITERATIONS; iteration++) {
      const { saved, stderr } = await runAndKill(nextSecond, Math.floor(Math.random() * 60))
      expect(stderr).toBe('')
      expect(saved.length).toBeGreaterThan(0)
      nextSecond = saved.at(-1)!.second + 10 // later runs start after anything the killed one may have saved
      for (const { id } of saved) newestSaved.set(id.split('~')[0]!, id)

      killedMidWrite += (await tempFilesUnder(root)).length > 0 ? 1 : 0
      const store = new SnapshotStore({ root })
      const list = unwrap(await store.list())
      expect(list.quarantined).toEqual([])
      expect(await tempFilesUnder(root)).toEqual([])
      for (const [deviceId, id] of newestSaved) {
        // A killed run may have finished saves it never reported; enough of those legitimately prune it.
        const listed = list.items.filter((meta) => meta.deviceId === deviceId).map((meta) => meta.id)
        const prunedByNewer = listed.filter((other) => other > id).length >= RETENTION
        expect(listed.includes(id) || prunedByNewer, `newest reported save ${id} is listed`).toBe(true)
      }
      for (const meta of list.items) {
        const snapshot = unwrap(await store.get(meta.id))
        expect(snapshot.id).toBe(meta.id)
        expect((snapshot.data as { device_id: string }).device_id).toBe(meta.deviceId)
      }
    }
    // Not asserted (timing-dependent), but shows the test hit the window it is about.
    console.info(`crash test: ${killedMidWrite} of ${ITERATIONS} kills left a temp file behind`)
  })
})
