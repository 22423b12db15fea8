import { useEffect } from 'react'
import { Panel } from '@renderer/components/panel'
import { SiteLabel } from '@renderer/components/site-label'
import { Loading } from '@renderer/components/spinner'
import { useAppStore } from '@renderer/store/store-context'
import { DeviceChoice } from './device-choice'
import { ListHealth } from './list-health'

/**
 * The chargers of the built-in demo fleet as buttons (id, model, site name), so a first-time
 * technician can explore at once, each marked with the worst finding of its last look. The API has
 * no "list devices" endpoint; the list comes from the simulator's fleet.
 */
export function DemoDevices() {
  const devices = useAppStore((s) => s.demoDevices)
  const status = useAppStore((s) => s.demoDevicesStatus)
  const loadDemoDevices = useAppStore((s) => s.loadDemoDevices)
  const recent = useAppStore((s) => s.recentDevices)
  const ensureHealth = useAppStore((s) => s.ensureSnapshotHealth)
  const newestOf = (deviceId: string) => recent.find((meta) => meta.deviceId === deviceId)
  const lookedUpIds = devices.flatMap((device) => newestOf(device.deviceId)?.id ?? []).join(' ')

  useEffect(() => {
    void loadDemoDevices()
  }, [loadDemoDevices])
  useEffect(() => {
    if (lookedUpIds !== '') void ensureHealth(lookedUpIds.split(' '))
  }, [ensureHealth, lookedUpIds])

  if (status === 'error') return null
  return (
    <Panel title="Demo fleet chargers" className="demo-devices">
      <p className="field-hint">You are on the built-in demo fleet, a simulator on this computer. Pick a charger to explore it.</p>
      {status !== 'loaded' && devices.length === 0 ? <Loading>Loading the demo chargers…</Loading> : null}
      {devices.length > 0 ? (
        <ul className="device-choice-list">
          {devices.map((device) => (
            <li key={device.deviceId}>
              <DeviceChoice deviceId={device.deviceId} variant="demo">
                <span className="device-choice-facts">
                  <span>{device.model}</span>
                  <SiteLabel siteId={device.siteId} />
                </span>
                <ListHealth newest={newestOf(device.deviceId)} showAge />
              </DeviceChoice>
            </li>
          ))}
        </ul>
      ) : null}
    </Panel>
  )
}
