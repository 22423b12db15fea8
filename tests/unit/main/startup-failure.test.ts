/**
 * Issue 11 defect 9: when start() fails after whenReady (here: userData is a file, so nothing can
 * be written under it), the technician gets a native error dialog with the reason and the log
 * file's location, and the app exits with code 1 instead of leaving nothing on screen.
 */
import { mkdtemp, rm, writeFile } from 'node:fs/promises'
import { tmpdir } from 'node:os'
import { join } from 'node:path'
import { afterAll, beforeAll, describe, expect, it, vi } from 'vitest'
import { describeStartupFailure } from '@main/startup-failure'
import type { FakeElectronState } from './support/fake-electron'

const h = vi.hoisted(() => ({ state: null as unknown as FakeElectronState, dir: '' }))

vi.mock('electron', async () => {
  const support = await import('./support/fake-electron')
  h.state = support.createFakeElectronState()
  h.dir = await mkdtemp(join(tmpdir(), 'tellus-entry-broken-'))
  h.state.userData = join(h.dir, 'not-a-folder')
  await writeFile(h.state.userData, 'a file where userData should be')
  return support.fakeElectron(h.state, tmpdir())
})

let state: FakeElectronState

beforeAll(async () => {
  vi.spyOn(console, 'error').mockImplementation(() => undefined)
  await import('@main/index')
  state = h.state
  state.ready!()
  await vi.waitFor(() => expect(state.exitCodes).toEqual([1]), { timeout: 10_000 })
})

afterAll(async () => {
  vi.restoreAllMocks()
  await rm(h.dir, { recursive: true, force: true })
})

describe('a failure while the app starts', () => {
  it('shows one native error dialog with the reason and the log location, then exits with 1', () => {
    expect(state.errorBoxes).toHaveLength(1)
    const [box] = state.errorBoxes
    expect(box!.title).toBe('Tellus Field could not start')
    expect(box!.content).toMatch(/Reason: .*(ENOTDIR|not a directory|EEXIST)/i)
    expect(box!.content).toContain(join(state.userData, 'logs', 'main.log'))
    expect(state.windows).toEqual([])
  })
})

describe('describeStartupFailure', () => {
  it('names the reason of an Error or of anything thrown', () => {
    expect(describeStartupFailure(new Error('disk full'), '/x/main.log').content).toContain('Reason: disk full')
    expect(describeStartupFailure('plain text', '/x/main.log').content).toContain('Reason: plain text')
  })
})
