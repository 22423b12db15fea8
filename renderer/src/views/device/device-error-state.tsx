import type { AppError } from '@common/errors'
import { Button } from '@renderer/components/button'
import { ErrorPanel } from '@renderer/components/error-panel'
import { isProfileError } from '@renderer/components/error-title'
import { isDemoProfile, useProfileInUse } from '@renderer/hooks/use-profile-in-use'
import { useAppStore } from '@renderer/store/store-context'
import { DemoDevices } from './demo-devices'
import { SitesPanel } from './sites-panel'

/** A headline for a failed lookup of one device, by error. */
function headline(error: AppError, deviceId: string | null): string | undefined {
  const id = deviceId ?? 'this device'
  if (error.code === 3001) return `No charger ${id} for this operator (3001)`
  if (error.kind === 'network' || error.kind === 'timeout') return `Could not reach Tellus, and there is no offline copy of ${id}`
  return undefined
}

/** The designed error states of a lookup that has nothing to show. */
export function DeviceErrorState({ error }: { error: AppError }) {
  const deviceId = useAppStore((s) => s.requestedDeviceId)
  const fetchDevice = useAppStore((s) => s.fetchDevice)
  const setView = useAppStore((s) => s.setView)
  const requestLookupFocus = useAppStore((s) => s.requestLookupFocus)
  const onDemo = isDemoProfile(useProfileInUse())
  const retry = deviceId && error.code !== 3001 && error.kind !== 'invalid-input' ? () => void fetchDevice(deviceId) : undefined
  return (
    <div className="device-error">
      <ErrorPanel error={error} title={headline(error, deviceId)} onRetry={retry}>
        {isProfileError(error) ? (
          <Button variant="primary" onClick={() => setView('profiles')}>
            Open Profiles
          </Button>
        ) : null}
        {error.code === 3001 || error.kind === 'invalid-input' ? (
          <Button variant="primary" onClick={requestLookupFocus}>
            Check the device id
          </Button>
        ) : null}
      </ErrorPanel>
      {error.code === 3001 ? (
        <p className="field-hint">
          A device id belongs to one operator. If the work order is for another operator, switch profile in Profiles.
        </p>
      ) : null}
      {error.kind === 'network' || error.kind === 'timeout' ? (
        <p className="field-hint">
          Devices you have looked up before open without a network: their snapshots are kept on this computer (see Recent devices and Snapshots).
        </p>
      ) : null}
      {error.code === 3001 && onDemo ? <DemoDevices /> : null}
      {error.code === 3001 ? <SitesPanel /> : null}
    </div>
  )
}
