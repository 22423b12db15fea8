import { useEffect } from 'react'
import { Age } from '@renderer/components/age'
import { Panel } from '@renderer/components/panel'
import { SiteLabel } from '@renderer/components/site-label'
import { useAppStore } from '@renderer/store/store-context'
import { DeviceChoice } from './device-choice'
import { ListHealth } from './list-health'

/** How many recent devices are offered as buttons. */
export const RECENT_SHOWN = 8

/**
 * Devices looked at before (from the snapshot store), newest first, as one-click lookups, each with
 * its model, site, age and the worst finding of that last look.
 */
export function RecentDevices() {
  const recent = useAppStore((s) => s.recentDevices)
  const ensureHealth = useAppStore((s) => s.ensureSnapshotHealth)
  const shown = recent.slice(0, RECENT_SHOWN)
  const shownIds = shown.map((meta) => meta.id).join(' ')

  useEffect(() => {
    if (shownIds !== '') void ensureHealth(shownIds.split(' '))
  }, [ensureHealth, shownIds])

  if (shown.length === 0) return null
  return (
    <Panel title="Recent devices" className="recent-devices">
      <ul className="device-choice-list">
        {shown.map((meta) => (
          <li key={meta.deviceId}>
            <DeviceChoice deviceId={meta.deviceId} variant="recent">
              <span className="device-choice-facts">
                {meta.model ? <span>{meta.model}</span> : null}
                {meta.siteId ? <SiteLabel siteId={meta.siteId} /> : null}
                <Age at={meta.fetchedAt} />
              </span>
              <ListHealth newest={meta} />
            </DeviceChoice>
          </li>
        ))}
      </ul>
    </Panel>
  )
}
