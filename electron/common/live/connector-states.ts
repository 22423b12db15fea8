/**
 * Since when each connector has been in its current state, followed from frame to frame. The first
 * frame only says "at least since now" (`sinceKnown: false`); a change seen in the stream gives the
 * exact moment.
 */
import type { TelemetryFrame } from '../tellus/schemas'

/** One connector's state and since when (ms since the epoch). */
export interface ConnectorStateSince {
  state: string
  since: number
  /** False when the state was already on at the first frame (it began at `since` or earlier). */
  sinceKnown: boolean
}

/** Each connector's state, by connector id. */
export type ConnectorStates = Readonly<Record<number, ConnectorStateSince>>

/** The states after `frame` (received at `receivedAt`); unchanged connectors keep their `since`. */
export function followStates(previous: ConnectorStates, frame: TelemetryFrame, receivedAt: number): ConnectorStates {
  const next: Record<number, ConnectorStateSince> = { ...previous }
  for (const connector of frame.connectors) {
    const before = previous[connector.connector_id]
    if (before?.state === connector.state) continue
    next[connector.connector_id] = { state: connector.state, since: receivedAt, sinceKnown: before !== undefined }
  }
  return next
}
