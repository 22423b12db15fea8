import { useMemo } from 'react'
import { diagnoseDevice } from '@common/diagnostics/diagnose-device'
import type { Finding } from '@common/diagnostics/finding'
import { parseTimestamp } from '@common/format/timestamp'
import { readDevice } from '@common/snapshots/compare-snapshots'
import type { SnapshotDraft } from '@common/snapshot-types'
import type { Device } from '@common/tellus/schemas'

/** A snapshot read as a device, with its findings judged at the moment it was fetched. */
export type SnapshotDevice =
  | { readable: true; device: Device; findings: Finding[]; fetchedAtMs: number | undefined }
  | { readable: false; problem: string; findings: []; fetchedAtMs: number | undefined }

/**
 * Reads a snapshot's payload as a device and runs the diagnostics rules on it, judged at its fetch
 * time (so an old snapshot is judged as it was, and the result does not change while it is on screen).
 */
export function readSnapshotDevice(snapshot: SnapshotDraft): SnapshotDevice {
  const fetchedAtMs = parseTimestamp(snapshot.fetchedAt)
  const read = readDevice(snapshot.data)
  if (!read.ok) return { readable: false, problem: read.problem, findings: [], fetchedAtMs }
  const findings = diagnoseDevice(read.device, { now: fetchedAtMs ?? Date.now() })
  return { readable: true, device: read.device, findings, fetchedAtMs }
}

/** Each snapshot is read and judged once, however many components show it. */
const readings = new WeakMap<SnapshotDraft, SnapshotDevice>()

/** `readSnapshotDevice`, cached per snapshot object (the verdict, its announcement and the sections share it). */
export function useSnapshotDevice(snapshot: SnapshotDraft): SnapshotDevice {
  return useMemo(() => {
    const cached = readings.get(snapshot)
    if (cached) return cached
    const read = readSnapshotDevice(snapshot)
    readings.set(snapshot, read)
    return read
  }, [snapshot])
}
