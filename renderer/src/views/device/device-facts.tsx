import type { Device } from '@common/tellus/schemas'
import { HEARTBEAT_FRESH_MS } from '@common/diagnostics/thresholds'
import { formatDuration } from '@common/format/duration'
import { formatTimestamp, parseTimestamp } from '@common/format/timestamp'
import { Age } from '@renderer/components/age'
import { Panel } from '@renderer/components/panel'
import { useProfileInUse } from '@renderer/hooks/use-profile-in-use'
import type { CurrentDevice } from '@renderer/store/device-slice'
import { useAppStore } from '@renderer/store/store-context'
import type { ReactNode } from 'react'

/** "—" for a missing text field. */
function text(value: string | null | undefined) {
  return value ? value : <span className="muted">—</span>
}

/** The heartbeat's age when the data was fetched, as a freshness mark (fresh < 60 s, per the runbooks). */
function HeartbeatFreshness({ heartbeat, fetchedAt }: { heartbeat: string | null | undefined; fetchedAt: string }) {
  const beat = parseTimestamp(heartbeat)
  const fetched = parseTimestamp(fetchedAt)
  if (beat === undefined || fetched === undefined) return null
  const ageAtFetch = fetched - beat
  if (ageAtFetch < -1000) {
    return <span className="badge badge-small tone-neutral">later than the fetch time: the clocks disagree</span>
  }
  const stale = ageAtFetch > HEARTBEAT_FRESH_MS
  return (
    <span className={`badge badge-small tone-${stale ? 'warn' : 'ok'}`}>
      {stale ? 'stale' : 'fresh'}: {formatDuration(ageAtFetch)} old when fetched
    </span>
  )
}

/** Says so when the device on screen came from another profile than the one in use (Refresh uses the latter). */
function OtherProfileNote({ profileId, profileName }: { profileId: string; profileName: string }) {
  const inUse = useProfileInUse()
  if (!inUse || inUse.id === profileId) return null
  return (
    <p className="other-profile-note" role="note">
      Fetched with {profileName}, not with the profile now in use ({inUse.name}). Refresh fetches it with {inUse.name}.
    </p>
  )
}

/** Props of `DeviceFacts`. */
export interface DeviceFactsProps {
  device: Device
  current: CurrentDevice
  /** Shown in the panel's title bar (the export buttons). */
  actions?: ReactNode
}

/** Identity, site, heartbeat, fetch time and origin of the device on screen. */
export function DeviceFacts({ device, current, actions }: DeviceFactsProps) {
  const siteName = useAppStore((s) => s.sites.find((site) => site.site_id === device.site_id)?.name ?? null)
  const { snapshot } = current
  return (
    <Panel title="Device details" className="device-facts" actions={actions}>
      <dl className="facts">
        <div>
          <dt>Serial number</dt>
          <dd className="mono">{text(device.sn)}</dd>
        </div>
        <div>
          <dt>Model</dt>
          <dd>{text(device.model)}</dd>
        </div>
        <div>
          <dt>Manufacturer</dt>
          <dd>{text(device.manufacturer)}</dd>
        </div>
        <div>
          <dt>Site</dt>
          <dd>
            {siteName ? `${siteName} ` : null}
            {device.site_id ? <span className={siteName ? 'mono muted' : 'mono'}>{device.site_id}</span> : text(null)}
          </dd>
        </div>
        <div>
          <dt>Last heartbeat</dt>
          <dd>
            <Age at={device.last_heartbeat} /> <HeartbeatFreshness heartbeat={device.last_heartbeat} fetchedAt={snapshot.fetchedAt} />
          </dd>
        </div>
        <div>
          <dt>Fetched</dt>
          <dd>
            <Age at={snapshot.fetchedAt} /> <span className="muted">({formatTimestamp(snapshot.fetchedAt, { offset: true })})</span>
          </dd>
        </div>
        <div>
          <dt>From profile</dt>
          <dd>
            {snapshot.profileName} <span className="mono muted device-base-url">{snapshot.baseUrl}</span>
          </dd>
        </div>
      </dl>
      <OtherProfileNote profileId={snapshot.profileId} profileName={snapshot.profileName} />
    </Panel>
  )
}
