import { useEffect } from 'react'
import { useAppStore } from '@renderer/store/store-context'
import { DeviceDetail } from './device-detail'
import { DeviceErrorState } from './device-error-state'
import { DeviceLoading } from './device-loading'
import { DeviceLookup } from './device-lookup'
import { StartScreen } from './start-screen'

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

/** The device view: lookup, then the device (live or offline copy), a designed state, or the start screen. */
export function DeviceView() {
  const loadRecentDevices = useAppStore((s) => s.loadRecentDevices)
  useEffect(() => {
    void loadRecentDevices()
  }, [loadRecentDevices])
  return (
    <section className="view device-view" aria-labelledby="device-view-title">
      <h1 id="device-view-title" className="visually-hidden">
        Device
      </h1>
      <DeviceLookup />
      <div className="device-body">
        <DeviceBody />
      </div>
    </section>
  )
}
