/**
 * One recording in progress: appends each frame as one line to its file (O_APPEND, one write per
 * line, writes in order), flushes to disk at most every `syncIntervalMs`, and ends itself when it
 * reaches a bound. The first failed write ends it as `write-failed`; nothing here throws.
 */
import type { FileHandle } from 'node:fs/promises'
import type { RecordingEnd, RecordingSummary } from '@common/live/recording-types'
import type { LiveFrame } from '@common/live/stream-status'
import { endLine, frameLine } from './recording-format'

/** Bounds of one recording. */
export interface RecordingBounds {
  maxFrames: number
  maxDurationMs: number
}

/** A recording being written. */
export class ActiveRecording {
  #summary: RecordingSummary
  #tail: Promise<void> = Promise.resolve()
  #dirty = false
  #lastSync: number
  #ended: RecordingEnd | null = null
  readonly #startedAtMs: number

  constructor(
    private readonly handle: FileHandle,
    summary: RecordingSummary,
    private readonly deps: {
      bounds: RecordingBounds
      now: () => number
      syncIntervalMs: number
      /** Called once, when the recording ends for a reason other than `stop()` (a bound, a failed write). */
      onAutoEnd: (end: RecordingEnd) => void
    },
  ) {
    this.#summary = summary
    this.#startedAtMs = Date.parse(summary.startedAt)
    this.#lastSync = deps.now()
  }

  /** The listing data so far. */
  get summary(): RecordingSummary {
    return this.#summary
  }

  /** Appends a frame; resolves once it is written (or dropped because the recording has ended). */
  append(frame: LiveFrame): Promise<void> {
    if (this.#ended) return this.#tail
    const { maxFrames, maxDurationMs } = this.deps.bounds
    if (frame.receivedAt - this.#startedAtMs > maxDurationMs) {
      this.autoEnd('time-limit')
      return this.#tail
    }
    this.#summary = { ...this.#summary, frames: this.#summary.frames + 1 }
    const line = frameLine(frame)
    const written = this.enqueue(async () => {
      await this.handle.write(line)
      this.#dirty = true
      if (this.deps.now() - this.#lastSync >= this.deps.syncIntervalMs) await this.sync()
    })
    if (this.#summary.frames >= maxFrames) this.autoEnd('frame-limit')
    return written
  }

  /** Ends the recording: writes the end line, flushes and closes the file. Safe to call twice. */
  async end(end: RecordingEnd): Promise<RecordingSummary> {
    if (!this.#ended) this.#ended = end
    const endedAt = new Date(this.deps.now()).toISOString()
    await this.enqueue(async () => {
      if (this.#summary.end) return
      this.#summary = { ...this.#summary, endedAt, end: this.#ended ?? end }
      if (this.#ended !== 'write-failed') await this.handle.write(endLine(endedAt, this.#summary.end!))
      await this.handle.sync()
      await this.handle.close()
    })
    return this.#summary
  }

  private autoEnd(end: RecordingEnd): void {
    if (this.#ended) return
    this.#ended = end
    this.deps.onAutoEnd(end)
  }

  private async sync(): Promise<void> {
    if (!this.#dirty) return
    this.#dirty = false
    this.#lastSync = this.deps.now()
    await this.handle.datasync()
  }

  private enqueue(task: () => Promise<void>): Promise<void> {
    this.#tail = this.#tail.then(task).catch(() => {
      if (this.#summary.end) return
      this.autoEnd('write-failed')
    })
    return this.#tail
  }
}
