/**
 * Crash safety: a child process records frames with the real store and is killed with SIGKILL at
 * a random moment, 8 times on the same folder. After every kill a fresh store (as on the next app
 * start) must list every recording, each killed one as "interrupted", read back only whole frames
 * (in order, none missing in the middle, padding intact) and at least every frame the child
 * reported as written.
 */
import { dirname, join } from 'node:path'
import { fileURLToPath } from 'node:url'
import { afterEach, beforeEach, describe, expect, it } from 'vitest'
import { RecordingStore } from '@main/recordings/recording-store'
import { killMidWrite } from '../../support/kill-mid-write'
import { DEVICE } from './support'
import { tempRoot, unwrap } from '../../support/common-fixtures'

const here = dirname(fileURLToPath(import.meta.url))
const child = join(here, 'record-loop-child.ts')
const ITERATIONS = 8

let root: string
let cleanup: () => Promise<void>
beforeEach(async () => ({ root, cleanup } = await tempRoot()))
afterEach(() => cleanup())

/** Runs the child until it has written once, kills it after `delayMs`; returns the last frame it reported written. */
async function runAndKill(delayMs: number): Promise<{ lastWritten: number; stderr: string }> {
  const { lines, stderr } = await killMidWrite(child, [root], delayMs)
  return { lastWritten: Number(lines.at(-1)!.split(' ')[1]), stderr }
}

describe('recording crash safety (SIGKILL while appending)', () => {
  it(`never reads back a partial frame across ${ITERATIONS} kills`, { timeout: 180_000 }, async () => {
    const reported = new Map<string, number>()
    for (let iteration = 0; iteration < ITERATIONS; iteration++) {
      const { lastWritten, stderr } = await runAndKill(Math.floor(Math.random() * 80))
      expect(stderr).toBe('')
      const store = new RecordingStore({ root })
      const summaries = unwrap(await store.list(DEVICE))
      expect(summaries).toHaveLength(iteration + 1)
      const killed = summaries.find((summary) => !reported.has(summary.id))!
      reported.set(killed.id, lastWritten)
      expect(killed.end).toBe('interrupted')
      expect(killed.damagedLines).toBeLessThanOrEqual(1)
      for (const summary of summaries) {
        const { frames } = unwrap(await store.get(summary.id))
        expect(frames.length, `${summary.id} keeps every reported frame`).toBeGreaterThan(reported.get(summary.id)!)
        frames.forEach((frame, index) => {
          const connector = frame.frame.connectors[0]!
          expect(connector['seq']).toBe(index)
          expect((connector['padding'] as string).length).toBe(16 * 1024)
        })
      }
    }
  })
})
