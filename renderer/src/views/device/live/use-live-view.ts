import { useMemo } from 'react'
import { diagnoseLive, liveDevice } from '@common/diagnostics/live/diagnose-live'
import type { SnapshotDevice } from '@renderer/hooks/use-snapshot-device'
import type { LiveDevice } from '@renderer/store/live-slice'
import type { LiveMarkProps } from './live-mark'

/** The device as the view shows it: the fetched one, or with the latest frame laid over it. */
export interface LiveView {
  read: SnapshotDevice
  /** The Live mark of a connector the latest frame carries; undefined for the others (or without a frame). */
  liveMarkOf: (connectorId: number) => LiveMarkProps | undefined
}

const NO_MARK = () => undefined

/** Lays the latest frame over a readable snapshot and re-judges the frame-dependent findings (see diagnoseLive). */
export function useLiveView(read: SnapshotDevice, live: LiveDevice | undefined, fetchedAt: string): LiveView {
  return useMemo(() => {
    if (!live || !read.readable) return { read, liveMarkOf: NO_MARK }
    const { frame, receivedAt } = live.latest
    const carried = new Set(frame.connectors.map((connector) => connector.connector_id))
    return {
      read: {
        ...read,
        device: liveDevice(read.device, frame),
        findings: diagnoseLive(read.device, frame, { now: receivedAt, states: live.states, fetched: read.findings }),
      },
      liveMarkOf: (connectorId: number) => (carried.has(connectorId) ? { frameAt: receivedAt, fetchedAt } : undefined),
    }
  }, [read, live, fetchedAt])
}
