import { Loading, Skeleton } from '@renderer/components/spinner'
import { useProfileInUse } from '@renderer/hooks/use-profile-in-use'
import { PacingNotice } from './pacing-notice'

/** The loading state: what is being fetched from where, any pacing wait, and a skeleton of the page. */
export function DeviceLoading({ deviceId }: { deviceId: string }) {
  const profileName = useProfileInUse()?.name ?? null
  return (
    <div className="device-loading">
      <Loading>
        Fetching <span className="mono">{deviceId}</span> from {profileName ?? 'the active profile'}…
      </Loading>
      <PacingNotice />
      <div className="skeleton-layout">
        <Skeleton className="skeleton-header" />
        <div className="skeleton-cards">
          <Skeleton className="skeleton-card" />
          <Skeleton className="skeleton-card" />
        </div>
      </div>
    </div>
  )
}
