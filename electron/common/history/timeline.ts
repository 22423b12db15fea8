/**
 * The device's own timeline: its snapshots on one time axis, each reduced to what a band chart
 * needs (per connector: status, temperature, power). Computed from the raw snapshot payload, so a
 * damaged or unexpected payload becomes a point with no connectors, never an error.
 */
import type { Snapshot } from '../snapshot-types'

/** Newest snapshots shown on the timeline at most (the retention default is 50). */
export const TIMELINE_MAX_POINTS = 200

export interface TimelineConnector {
  connectorId: number
  status: string
  temperature: number | null
  power: number | null
}

export interface TimelinePoint {
  snapshotId: string
  /** ISO 8601 UTC fetch time. */
  fetchedAt: string
  deviceStatus: string | null
  connectors: TimelineConnector[]
}

function numberOrNull(value: unknown): number | null {
  return typeof value === 'number' && Number.isFinite(value) ? value : null
}

/** Reduces a snapshot to a timeline point, tolerating any payload shape. */
export function timelinePoint(snapshot: Pick<Snapshot, 'id' | 'fetchedAt' | 'data'>): TimelinePoint {
  const data = (typeof snapshot.data === 'object' && snapshot.data !== null ? snapshot.data : {}) as Record<string, unknown>
  const connectors = Array.isArray(data.connectors) ? data.connectors : []
  return {
    snapshotId: snapshot.id,
    fetchedAt: snapshot.fetchedAt,
    deviceStatus: typeof data.status === 'string' ? data.status : null,
    connectors: connectors.flatMap((raw): TimelineConnector[] => {
      if (typeof raw !== 'object' || raw === null) return []
      const connector = raw as Record<string, unknown>
      const id = connector.connector_id
      if (typeof id !== 'number' || !Number.isInteger(id)) return []
      return [
        {
          connectorId: id,
          status: typeof connector.status === 'string' ? connector.status : 'unknown',
          temperature: numberOrNull(connector.temperature),
          power: numberOrNull(connector.power),
        },
      ]
    }),
  }
}
