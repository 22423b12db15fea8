/**
 * The live telemetry stream as both sides see it: the connection's state (each one designed in
 * the UI), the devices it carries and what it dropped. Main pushes it on every change.
 */
import type { TelemetryFrame } from '../tellus/schemas'

/** Why the stream is not running. */
export type StreamStopReason = 'not-watching' | 'window-hidden' | 'signed-out'

/** The connection's state. Times are ms since the epoch on main's clock. */
export type StreamConnection =
  | { state: 'connecting'; attempt: number }
  | { state: 'live'; since: number }
  | { state: 'reconnecting'; attempt: number; nextAttemptAt: number; reason: string }
  | { state: 'stopped'; reason: StreamStopReason }
  | { state: 'unavailable'; message: string; action?: string }

/** Every state name, for exhaustive UI tables. */
export type StreamStateName = StreamConnection['state']

/** What `live:status` carries. */
export interface StreamStatus {
  connection: StreamConnection
  /** Devices the stream carries (sorted). */
  deviceIds: string[]
  /** Frames received and passed on since the app started watching. */
  frames: number
  /** Frames dropped because they were not valid JSON, did not match the frame schema or named an unwatched device. */
  malformedFrames: number
}

/** One validated frame with the instant main received it (ms since the epoch). */
export interface LiveFrame {
  frame: TelemetryFrame
  receivedAt: number
}

/** How long the window may stay hidden before the stream stops (the API counts open connections). */
export const HIDDEN_STOP_AFTER_MS = 60_000

/** The status before anything is watched. */
export const NOT_WATCHING: StreamStatus = Object.freeze({
  connection: { state: 'stopped', reason: 'not-watching' },
  deviceIds: [],
  frames: 0,
  malformedFrames: 0,
}) as StreamStatus
