import { useEffect } from 'react'
import { Panel } from '@renderer/components/panel'
import { Loading } from '@renderer/components/spinner'
import { useAppStore } from '@renderer/store/store-context'
import { DeviceChoice } from './device-choice'

/**
 * The chargers of the built-in demo fleet as buttons (id, model, site), so a first-time
 * technician can explore at once. The API has no "list devices" endpoint; the list comes from the
 * simulator's fleet.
 */
export function DemoDevices() {
  const devices = useAppStore((s) => s.demoDevices)
  const status = useAppStore((s) => s.demoDevicesStatus)
  const loadDemoDevices = useAppStore((s) => s.loadDemoDevices)
  const sites = useAppStore((s) => s.sites)

  useEffect(() => {
    void loadDemoDevices()
  }, [loadDemoDevices])

  if (status === 'error') return null
  return (
    <Panel title="Demo fleet chargers" className="demo-devices">
      <p className="field-hint">You are on the built-in demo fleet, a simulator on this computer. Pick a charger to explore it.</p>
      {status !== 'loaded' && devices.length === 0 ? <Loading>Loading the demo chargers…</Loading> : null}
      {devices.length > 0 ? (
        <ul className="demo-device-list">
          {devices.map((device) => {
            const siteName = sites.find((site) => site.site_id === device.siteId)?.name
            return (
              <li key={device.deviceId}>
                <DeviceChoice deviceId={device.deviceId} variant="demo">
                  {device.model} · {siteName ?? <span className="mono">{device.siteId}</span>}
                </DeviceChoice>
              </li>
            )
          })}
        </ul>
      ) : null}
    </Panel>
  )
}
