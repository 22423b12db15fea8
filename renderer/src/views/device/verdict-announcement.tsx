import { useMemo } from 'react'
import { judgeDevice } from '@common/diagnostics/verdict'
import { formatAgeSince } from '@common/format/duration'
import { verdictLook } from '@renderer/components/status-look'
import { readSnapshotDevice } from '@renderer/hooks/use-snapshot-device'
import type { CurrentDevice } from '@renderer/store/device-slice'

/** The sentence a screen reader hears after a lookup: the verdict and the problems. */
export function verdictAnnouncement(current: CurrentDevice): string {
  const read = readSnapshotDevice(current.snapshot, current.device)
  const id = current.snapshot.deviceId
  if (!read.readable) return `Charger ${id}: the data cannot be read as a charger.`
  const verdict = judgeDevice(read.device, read.findings)
  const state = verdictLook(verdict.state).label.toLowerCase()
  const prefix =
    current.source === 'live'
      ? `Charger ${id}: ${state}.`
      : `Offline copy of charger ${id}, fetched ${formatAgeSince(current.snapshot.fetchedAt, Date.now())}: ${state}.`
  const problems = verdict.problems.map((problem) => ` ${problem.severity}: ${problem.message}`).join('')
  return prefix + problems
}

/** `verdictAnnouncement` as text, computed once per device shown (not on every clock tick). */
export function VerdictAnnouncement({ current }: { current: CurrentDevice }) {
  const text = useMemo(() => verdictAnnouncement(current), [current])
  return <>{text}</>
}
