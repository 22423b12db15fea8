/**
 * Recordings of a test charge: every frame of one watched device kept on disk, bounded, listed
 * with the device's snapshots and viewable offline with the same charts.
 */
import type { LiveFrame } from './stream-status'

/** A recording stops by itself at whichever bound it reaches first. */
export const RECORDING_LIMITS = Object.freeze({ maxFrames: 50_000, maxDurationMs: 2 * 60 * 60 * 1000 })

/**
 * Why a recording ended: the Record button, a bound, the app stopping before it was ended
 * ("interrupted", found on the next start), or the disk refusing a write.
 */
export type RecordingEnd = 'stopped' | 'frame-limit' | 'time-limit' | 'interrupted' | 'write-failed'

/** Listing data of one recording (no frames). */
export interface RecordingSummary {
  /** `<deviceId>~<stamp>-<random>`, filesystem-safe. */
  id: string
  deviceId: string
  profileName: string
  /** ISO 8601 UTC. */
  startedAt: string
  /** ISO 8601 UTC; absent while recording. */
  endedAt?: string
  /** Absent while recording. */
  end?: RecordingEnd
  frames: number
  /** Lines that could not be read back (a torn last write after a crash, a damaged disk). */
  damagedLines: number
}

/** A recording with its frames, oldest first. */
export interface Recording {
  summary: RecordingSummary
  frames: LiveFrame[]
}
