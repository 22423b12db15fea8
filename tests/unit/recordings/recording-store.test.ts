import { appendFile, readdir, readFile, writeFile } from 'node:fs/promises'
import { join } from 'node:path'
import { afterEach, beforeEach, describe, expect, it } from 'vitest'
import type { RecordingSummary } from '@common/live/recording-types'
import { decodeRecording, frameLine } from '@main/recordings/recording-format'
import { RecordingStore } from '@main/recordings/recording-store'
import { DEVICE, testFrame } from './support'
import { tempRoot, unwrap } from '../../support/common-fixtures'

const START = Date.parse('2026-05-01T10:00:00Z')
let root: string
let cleanup: () => Promise<void>
let clock: number
beforeEach(async () => {
  ;({ root, cleanup } = await tempRoot())
  clock = START
})
afterEach(() => cleanup())

const store = (extra: Partial<ConstructorParameters<typeof RecordingStore>[0]> = {}) => new RecordingStore({ root, now: () => clock, ...extra })
const start = { deviceId: DEVICE, profileName: 'Demo fleet', baseUrl: 'http://127.0.0.1:1/v1' }

describe('RecordingStore', () => {
  it('records frames, lists the recording with its summary and reads every frame back', async () => {
    const changes: RecordingSummary[] = []
    const recordings = store({ onChange: (summary) => changes.push(summary) })
    const started = unwrap(await recordings.start(start))
    expect(started).toMatchObject({ deviceId: DEVICE, profileName: 'Demo fleet', startedAt: '2026-05-01T10:00:00.000Z', frames: 0 })
    for (let n = 0; n < 5; n++) await recordings.append(testFrame(n, START))
    await recordings.append({ ...testFrame(9, START), frame: { ...testFrame(9, START).frame, device_id: 'dvc_other' } }) // not recorded
    expect(recordings.activeFor(DEVICE)?.frames).toBe(5)
    expect(unwrap(await recordings.list(DEVICE))).toEqual([recordings.activeFor(DEVICE)])
    clock += 5000
    const stopped = unwrap(await recordings.stop(DEVICE))
    expect(stopped).toMatchObject({ frames: 5, end: 'stopped', endedAt: '2026-05-01T10:00:05.000Z' })
    expect(changes.map((c) => c.end ?? 'started')).toEqual(['started', 'stopped'])

    const fresh = store()
    expect(unwrap(await fresh.list(DEVICE))).toEqual([stopped])
    const recording = unwrap(await fresh.get(stopped.id))
    expect(recording.frames).toEqual([0, 1, 2, 3, 4].map((n) => testFrame(n, START)))
    expect(recording.summary).toEqual(stopped)
    expect(unwrap(await fresh.list('dvc_never'))).toEqual([])
  })

  it('stops by itself at the frame bound and at the time bound', async () => {
    const byFrames = store({ bounds: { maxFrames: 3, maxDurationMs: 3_600_000 } })
    unwrap(await byFrames.start(start))
    for (let n = 0; n < 6; n++) await byFrames.append(testFrame(n, START))
    await new Promise((resolve) => setTimeout(resolve, 20))
    expect(byFrames.activeFor(DEVICE)).toBeUndefined()
    const [first] = unwrap(await byFrames.list(DEVICE))
    expect(first).toMatchObject({ frames: 3, end: 'frame-limit' })
    expect(unwrap(await byFrames.get(first!.id)).frames).toHaveLength(3)

    clock += 10_000
    const byTime = store({ bounds: { maxFrames: 100, maxDurationMs: 2500 } })
    unwrap(await byTime.start(start))
    for (let n = 10; n < 20; n++) await byTime.append(testFrame(n, START))
    await new Promise((resolve) => setTimeout(resolve, 20))
    const [newest] = unwrap(await byTime.list(DEVICE))
    expect(newest).toMatchObject({ frames: 3, end: 'time-limit' }) // received at +0 s, +1 s, +2 s of its start
  })

  it('refuses a second recording of the same device and an id that is not a recording', async () => {
    const recordings = store()
    unwrap(await recordings.start(start))
    expect(await recordings.start(start)).toMatchObject({ ok: false, error: { kind: 'invalid-input', message: `${DEVICE} is already being recorded.` } })
    expect(await recordings.get('../../etc/passwd')).toMatchObject({ ok: false, error: { message: 'That is not a recording id.' } })
    expect(await recordings.get(`${DEVICE}~20260501T100000000Z-00abcdef`)).toMatchObject({ ok: false }) // a snapshot id
    await recordings.stopAll()
  })

  it('closes a recording the app left open as "interrupted", keeping every complete frame and skipping a torn one', async () => {
    const recordings = store()
    const { id } = unwrap(await recordings.start(start))
    for (let n = 0; n < 4; n++) await recordings.append(testFrame(n, START))
    // The app dies: no end line, the summary still says "recording", and the last write was torn.
    const file = join(root, DEVICE, `${id}.jsonl`)
    await appendFile(file, frameLine(testFrame(4, START)).slice(0, 40))
    const fresh = store()
    const [summary] = unwrap(await fresh.list(DEVICE))
    expect(summary).toMatchObject({ id, frames: 4, end: 'interrupted', endedAt: new Date(START + 3000).toISOString(), damagedLines: 1 })
    expect(unwrap(await fresh.get(id)).frames.map((f) => f.frame.connectors[0]!['seq'])).toEqual([0, 1, 2, 3])
    // the completed summary was saved: listing again reads it instead of the frames
    expect(JSON.parse(await readFile(join(root, DEVICE, `${id}.summary.json`), 'utf8'))).toMatchObject({ end: 'interrupted' })
  })

  it('deletes a stopped recording, not a running one', async () => {
    const recordings = store()
    const { id } = unwrap(await recordings.start(start))
    expect(await recordings.delete(id)).toMatchObject({ ok: false, error: { message: 'This recording is still running.' } })
    unwrap(await recordings.stop(DEVICE))
    unwrap(await recordings.delete(id))
    expect(await readdir(join(root, DEVICE))).toEqual([])
  })

  it('reports a folder it cannot write as a storage error', async () => {
    await writeFile(join(root, 'blocker'), 'a file where a folder should be')
    const recordings = new RecordingStore({ root: join(root, 'blocker') })
    const result = await recordings.start(start)
    expect(result).toMatchObject({ ok: false, error: { kind: 'storage', message: expect.stringContaining('recording not started') } })
  })
})

describe('decodeRecording', () => {
  it('reads only complete, valid lines and counts the rest as damaged', () => {
    const good = frameLine(testFrame(1, START))
    const text = `${good}not json\n${JSON.stringify({ type: 'frame', receivedAt: 1, frame: { device_id: 'x' } })}\n\u0000\u0000\u0000\n${good}${good.slice(0, 30)}`
    const decoded = decodeRecording(text)
    expect(decoded.frames).toHaveLength(2)
    expect(decoded.header).toBeNull()
    expect(decoded.damagedLines).toBe(4)
  })
})
