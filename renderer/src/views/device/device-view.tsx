import { useEffect, useMemo } from 'react'
import { judgeDevice } from '@common/diagnostics/verdict'
import { formatAgeSince } from '@common/format/duration'
import { errorTitle } from '@renderer/components/error-title'
import { readSnapshotDevice } from '@renderer/hooks/use-snapshot-device'
import { verdictLook } from '@renderer/components/status-look'
import type { CurrentDevice } from '@renderer/store/device-slice'
import { useAppStore } from '@renderer/store/store-context'
import { DeviceDetail } from './device-detail'
import { DeviceErrorState } from './device-error-state'
import { DeviceLoading } from './device-loading'
import { DeviceLookup } from './device-lookup'
import { VERDICT_ID } from './device-verdict'
import { StartScreen } from './start-screen'

/** The id of the area below the lookup; the view scrolls it to the top after a lookup. */
const RESULT_ID = 'device-result'

/** What the body of the device view shows, below the lookup. */
function DeviceBody() {
  const current = useAppStore((s) => s.current)
  const status = useAppStore((s) => s.deviceStatus)
  const error = useAppStore((s) => s.deviceError)
  const requested = useAppStore((s) => s.requestedDeviceId)
  // Refreshing the device on screen keeps it visible; looking up another one shows the loading state.
  if (status === 'loading' && requested !== null && current?.snapshot.deviceId !== requested) return <DeviceLoading deviceId={requested} />
  if (status === 'error' && error) return <DeviceErrorState error={error} />
  if (current) return <DeviceDetail current={current} />
  return <StartScreen />
}

/** The sentence a screen reader hears after a lookup: the verdict and the problems, or what failed. */
export function verdictAnnouncement(current: CurrentDevice): string {
  const read = readSnapshotDevice(current.snapshot)
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

/** A polite live region that says the outcome of each lookup once (not on every clock tick). */
function LookupAnnouncer() {
  const current = useAppStore((s) => s.current)
  const error = useAppStore((s) => s.deviceError)
  const text = useMemo(() => (current ? verdictAnnouncement(current) : error ? `Lookup failed: ${errorTitle(error)}.` : ''), [current, error])
  return (
    <p className="visually-hidden" role="status" aria-live="polite">
      {text}
    </p>
  )
}

/** After a lookup that shows something new, scrolls the result to the top and focuses the verdict. */
function useRevealResult() {
  const pending = useAppStore((s) => s.revealPending)
  const resultRevealed = useAppStore((s) => s.resultRevealed)
  useEffect(() => {
    if (!pending) return
    document.getElementById(RESULT_ID)?.scrollIntoView?.({ block: 'start' })
    const target = document.getElementById(VERDICT_ID) ?? document.getElementById(RESULT_ID)
    target?.focus({ preventScroll: true })
    resultRevealed()
  }, [pending, resultRevealed])
}

/** The device view: lookup, then the device (live or offline copy), a designed state, or the start screen. */
export function DeviceView() {
  const loadRecentDevices = useAppStore((s) => s.loadRecentDevices)
  useEffect(() => {
    void loadRecentDevices()
  }, [loadRecentDevices])
  useRevealResult()
  return (
    <section className="view device-view" aria-labelledby="device-view-title">
      <h1 id="device-view-title" className="visually-hidden">
        Device
      </h1>
      <DeviceLookup />
      <LookupAnnouncer />
      <div id={RESULT_ID} className="device-body" tabIndex={-1}>
        <DeviceBody />
      </div>
    </section>
  )
}
