import { Age } from '@renderer/components/age'
import { useAppStore } from '@renderer/store/store-context'
import { DeviceChoice } from './device-choice'

/** How many recent devices are offered as buttons. */
const SHOWN = 8

/** Devices looked at before (from the snapshot store), newest first, as one-click lookups. */
export function RecentDevices() {
  const recent = useAppStore((s) => s.recentDevices)
  if (recent.length === 0) return null
  return (
    <div className="recent-devices">
      <h2 className="recent-title" id="recent-devices-title">
        Recent devices
      </h2>
      <ul className="recent-list" aria-labelledby="recent-devices-title">
        {recent.slice(0, SHOWN).map((meta) => (
          <li key={meta.deviceId}>
            <DeviceChoice deviceId={meta.deviceId} variant="recent">
              {[meta.model, meta.siteId].filter(Boolean).join(' · ')}
              {meta.model || meta.siteId ? ' · ' : ''}
              <Age at={meta.fetchedAt} />
            </DeviceChoice>
          </li>
        ))}
      </ul>
    </div>
  )
}
