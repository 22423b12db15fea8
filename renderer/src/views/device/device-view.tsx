import { Suspense, useEffect } from 'react'
import { errorTitle } from '@renderer/components/error-title'
import { lazyComponent } from '@renderer/components/lazy-component'
import { useAppStore } from '@renderer/store/store-context'
import { RESULT_ID, VERDICT_ID } from './device-anchors'
import { DeviceErrorState } from './device-error-state'
import { DeviceLoading } from './device-loading'
import { DeviceLookup } from './device-lookup'
import { StartScreen } from './start-screen'

/** The device detail and the verdict's announcement: loaded after the first screen (they carry the diagnostics). */
const DeviceDetail = lazyComponent(() => import('./device-detail'), 'DeviceDetail')
const VerdictAnnouncement = lazyComponent(() => import('./verdict-announcement'), 'VerdictAnnouncement')

/** What the body of the device view shows, below the lookup. */
function DeviceBody() {
  const current = useAppStore((s) => s.current)
  const status = useAppStore((s) => s.deviceStatus)
  const error = useAppStore((s) => s.deviceError)
  const requested = useAppStore((s) => s.requestedDeviceId)
  // Refreshing the device on screen keeps it visible; looking up another one shows the loading state.
  if (status === 'loading' && requested !== null && current?.snapshot.deviceId !== requested) return <DeviceLoading deviceId={requested} />
  if (status === 'error' && error) return <DeviceErrorState error={error} />
  if (current) {
    return (
      <Suspense fallback={<DeviceLoading deviceId={current.snapshot.deviceId} />}>
        <DeviceDetail current={current} />
      </Suspense>
    )
  }
  return <StartScreen />
}

/** A polite live region that says the outcome of each lookup once (not on every clock tick). */
function LookupAnnouncer() {
  const current = useAppStore((s) => s.current)
  const error = useAppStore((s) => s.deviceError)
  return (
    <p className="visually-hidden" role="status" aria-live="polite">
      {current ? (
        <Suspense fallback={null}>
          <VerdictAnnouncement current={current} />
        </Suspense>
      ) : error ? (
        `Lookup failed: ${errorTitle(error)}.`
      ) : null}
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
