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

/** Each snapshot is read and judged once, however many components show it. */
const readings = new WeakMap<SnapshotDraft, SnapshotDevice>()

/**
 * Reads a snapshot's payload as a device and runs the diagnostics rules on it, judged at its fetch
 * time (so an old snapshot is judged as it was, and the result does not change while it is on screen).
 * `device`: the parse main already made of a live fetch, used as is (the payload is parsed once per
 * lookup). Cached per snapshot object (the verdict, its announcement and the sections share it).
 */
export function readSnapshotDevice(snapshot: SnapshotDraft, device?: Device): SnapshotDevice {
  const cached = readings.get(snapshot)
  if (cached) return cached
  const fetchedAtMs = parseTimestamp(snapshot.fetchedAt)
  const read = device ? { ok: true as const, device } : readDevice(snapshot.data)
  const reading: SnapshotDevice = read.ok
    ? { readable: true, device: read.device, findings: diagnoseDevice(read.device, { now: fetchedAtMs ?? Date.now() }), fetchedAtMs }
    : { readable: false, problem: read.problem, findings: [], fetchedAtMs }
  readings.set(snapshot, reading)
  return reading
}

/** `readSnapshotDevice` for a component. */
export function useSnapshotDevice(snapshot: SnapshotDraft, device?: Device): SnapshotDevice {
  return useMemo(() => readSnapshotDevice(snapshot, device), [snapshot, device])
}
