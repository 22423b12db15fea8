/**
 * Recordings on disk, under `<root>/<deviceId>/`: `<id>.jsonl` (the appended frames, see
 * recording-format.ts) and `<id>.summary.json` (listing data, written atomically when a recording
 * starts and ends). A recording still open when the app died is found on the next listing, read
 * back up to its last complete frame, and marked "interrupted". At most one recording per device
 * runs at a time; each is bounded (RECORDING_LIMITS).
 */
import { mkdir, open, readdir, readFile, rm } from 'node:fs/promises'
import { join } from 'node:path'
import { appError, fail, ok, type Result } from '@common/errors'
import { RECORDING_LIMITS, type Recording, type RecordingEnd, type RecordingSummary } from '@common/live/recording-types'
import type { LiveFrame } from '@common/live/stream-status'
import { writeFileAtomic } from '../fs/atomic-write'
import { errorCode, storageError } from '../fs/storage-error'
import type { Logger } from '../logger'
import { ActiveRecording, type RecordingBounds } from './active-recording'
import { decodeRecording, headerLine } from './recording-format'
import { newRecordingId, recordingDevice } from './recording-id'

const FRAMES_SUFFIX = '.jsonl'
const SUMMARY_SUFFIX = '.summary.json'

/** What a new recording is about. */
export interface RecordingStart {
  deviceId: string
  profileName: string
  baseUrl: string
}

/** The recording store's collaborators. */
export interface RecordingStoreOptions {
  root: string
  now?: () => number
  bounds?: RecordingBounds
  syncIntervalMs?: number
  /** Told whenever a recording starts or ends (also when a bound ends it). */
  onChange?: (summary: RecordingSummary) => void
  logger?: Logger
}

function notARecording(): Result<never> {
  return fail(appError('invalid-input', 'That is not a recording id.', { action: 'Pick the recording from the list.' }))
}

/** The recordings of every device. */
export class RecordingStore {
  readonly #active = new Map<string, ActiveRecording>()
  readonly #now: () => number

  constructor(private readonly options: RecordingStoreOptions) {
    this.#now = options.now ?? Date.now
  }

  /** Starts recording a device; fails when it is already being recorded or the folder cannot be written. */
  async start(input: RecordingStart): Promise<Result<RecordingSummary>> {
    if (this.#active.has(input.deviceId)) {
      return fail(appError('invalid-input', `${input.deviceId} is already being recorded.`, { action: 'Stop the running recording first.' }))
    }
    const startedAtMs = this.#now()
    const id = newRecordingId(input.deviceId, startedAtMs)
    const startedAt = new Date(startedAtMs).toISOString()
    const summary: RecordingSummary = { id, deviceId: input.deviceId, profileName: input.profileName, startedAt, frames: 0, damagedLines: 0 }
    const folder = join(this.options.root, input.deviceId)
    try {
      await mkdir(folder, { recursive: true })
      const handle = await open(join(folder, `${id}${FRAMES_SUFFIX}`), 'a', 0o600)
      await handle.write(headerLine({ id, deviceId: input.deviceId, profileName: input.profileName, baseUrl: input.baseUrl, startedAt }))
      await writeFileAtomic(join(folder, `${id}${SUMMARY_SUFFIX}`), JSON.stringify(summary))
      const recording = new ActiveRecording(handle, summary, {
        bounds: this.options.bounds ?? RECORDING_LIMITS,
        now: this.#now,
        syncIntervalMs: this.options.syncIntervalMs ?? 1000,
        onAutoEnd: (end) => void this.stop(input.deviceId, end),
      })
      this.#active.set(input.deviceId, recording)
    } catch (error) {
      return fail(this.writeError(error, 'recording not started'))
    }
    this.options.onChange?.(summary)
    return ok(summary)
  }

  /** Appends a frame to its device's running recording (if any); resolves once written. */
  append(frame: LiveFrame): Promise<void> {
    return this.#active.get(frame.frame.device_id)?.append(frame) ?? Promise.resolve()
  }

  /** The running recording of a device, if any. */
  activeFor(deviceId: string): RecordingSummary | undefined {
    return this.#active.get(deviceId)?.summary
  }

  /** Ends a device's running recording. */
  async stop(deviceId: string, end: RecordingEnd = 'stopped'): Promise<Result<RecordingSummary>> {
    const recording = this.#active.get(deviceId)
    if (!recording) return fail(appError('invalid-input', `${deviceId} is not being recorded.`))
    this.#active.delete(deviceId)
    const summary = await recording.end(end)
    await this.saveSummary(summary)
    this.options.onChange?.(summary)
    return ok(summary)
  }

  /** Ends every running recording (app shutdown). */
  async stopAll(): Promise<void> {
    await Promise.all([...this.#active.keys()].map((deviceId) => this.stop(deviceId)))
  }

  /** A device's recordings, newest first; one left open by a crash is closed as "interrupted". */
  async list(deviceId: string): Promise<Result<RecordingSummary[]>> {
    const folder = join(this.options.root, deviceId)
    let names: string[]
    try {
      names = await readdir(folder)
    } catch (error) {
      if (errorCode(error) === 'ENOENT') return ok([])
      return fail(storageError(error, { verb: 'read', place: `the recordings folder (${folder})`, consequence: 'recordings not listed' }))
    }
    const ids = names.filter((name) => name.endsWith(FRAMES_SUFFIX)).map((name) => name.slice(0, -FRAMES_SUFFIX.length))
    const summaries: RecordingSummary[] = []
    for (const id of ids) {
      if (recordingDevice(id) !== deviceId) continue
      const summary = this.activeFor(deviceId)?.id === id ? this.activeFor(deviceId) : await this.storedSummary(id)
      if (summary) summaries.push(summary)
    }
    return ok(summaries.sort((a, b) => (a.id < b.id ? 1 : -1)))
  }

  /** A recording with its frames (a running one: the frames written so far). */
  async get(id: string): Promise<Result<Recording>> {
    const deviceId = recordingDevice(id)
    if (!deviceId) return notARecording()
    const path = join(this.options.root, deviceId, `${id}${FRAMES_SUFFIX}`)
    let text: string
    try {
      text = await readFile(path, 'utf8')
    } catch (error) {
      if (errorCode(error) === 'ENOENT') return fail(appError('invalid-input', 'That recording no longer exists.', { action: 'Pick another one from the list.' }))
      return fail(storageError(error, { verb: 'read', place: `the recording ${id}`, consequence: 'recording not opened' }))
    }
    const decoded = decodeRecording(text)
    const summary = this.activeFor(deviceId)?.id === id ? this.activeFor(deviceId)! : ((await this.storedSummary(id)) ?? this.summaryOf(id, deviceId, decoded))
    return ok({ summary: { ...summary, frames: decoded.frames.length, damagedLines: decoded.damagedLines }, frames: decoded.frames })
  }

  /** Deletes a recording that is not running. */
  async delete(id: string): Promise<Result<void>> {
    const deviceId = recordingDevice(id)
    if (!deviceId) return notARecording()
    if (this.activeFor(deviceId)?.id === id) return fail(appError('invalid-input', 'This recording is still running.', { action: 'Stop it first.' }))
    const folder = join(this.options.root, deviceId)
    try {
      await rm(join(folder, `${id}${FRAMES_SUFFIX}`), { force: true })
      await rm(join(folder, `${id}${SUMMARY_SUFFIX}`), { force: true })
      return ok(undefined)
    } catch (error) {
      return fail(this.writeError(error, 'recording not deleted'))
    }
  }

  /** The stored summary; an unfinished one (the app died while recording) is completed from the frames. */
  private async storedSummary(id: string): Promise<RecordingSummary | null> {
    const deviceId = recordingDevice(id)!
    const folder = join(this.options.root, deviceId)
    const stored = await readFile(join(folder, `${id}${SUMMARY_SUFFIX}`), 'utf8')
      .then((text) => JSON.parse(text) as RecordingSummary)
      .catch(() => null)
    if (stored?.end) return stored
    const text = await readFile(join(folder, `${id}${FRAMES_SUFFIX}`), 'utf8').catch(() => null)
    if (text === null) return null
    const recovered = this.summaryOf(id, deviceId, decodeRecording(text))
    await this.saveSummary(recovered)
    this.options.logger?.warn(`recordings: ${id} was left open (the app stopped while recording); kept ${recovered.frames} frames`)
    return recovered
  }

  /** A summary rebuilt from a decoded file; a file without an end line was interrupted. */
  private summaryOf(id: string, deviceId: string, decoded: ReturnType<typeof decodeRecording>): RecordingSummary {
    const lastFrameAt = decoded.frames.at(-1)?.receivedAt
    const startedAt = decoded.header?.startedAt ?? new Date(lastFrameAt ?? 0).toISOString()
    return {
      id,
      deviceId,
      profileName: decoded.header?.profileName ?? '',
      startedAt,
      endedAt: decoded.end?.endedAt ?? (lastFrameAt === undefined ? startedAt : new Date(lastFrameAt).toISOString()),
      end: decoded.end?.end ?? 'interrupted',
      frames: decoded.frames.length,
      damagedLines: decoded.damagedLines,
    }
  }

  private async saveSummary(summary: RecordingSummary): Promise<void> {
    await writeFileAtomic(join(this.options.root, summary.deviceId, `${summary.id}${SUMMARY_SUFFIX}`), JSON.stringify(summary)).catch((error: unknown) =>
      this.options.logger?.warn(`recordings: summary of ${summary.id} not saved (${errorCode(error) ?? 'error'}); it is rebuilt from the frames when listed`),
    )
  }

  private writeError(error: unknown, consequence: string) {
    return storageError(error, { verb: 'write to', place: `the recordings folder (${this.options.root})`, consequence })
  }
}
