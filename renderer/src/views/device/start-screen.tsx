import { EmptyState } from '@renderer/components/empty-state'
import { ShortcutList } from '@renderer/components/keyboard-shortcut'
import { LOOKUP_SHORTCUTS } from '@renderer/hooks/use-lookup-shortcut'
import { isDemoProfile, useProfileInUse } from '@renderer/hooks/use-profile-in-use'
import { useAppStore } from '@renderer/store/store-context'
import { DemoDevices } from './demo-devices'
import { RecentDevices } from './recent-devices'
import { SitesPanel } from './sites-panel'
import './start-screen.css'

/**
 * The start screen (no device on screen): how to look one up, the recent devices with their worst
 * finding, the demo chargers on the demo fleet, and the profile's sites.
 */
export function StartScreen() {
  const hasRecent = useAppStore((s) => s.recentDeviceIds.length > 0)
  const isDemo = isDemoProfile(useProfileInUse())
  return (
    <div className="start-screen">
      <EmptyState title="Look up a charger" icon="search">
        <p>
          Type the device id from the work order (it starts with <span className="mono">dvc_</span>) and press Enter. Press{' '}
          <ShortcutList shortcuts={LOOKUP_SHORTCUTS} /> from any screen to come back to the lookup.
        </p>
        {hasRecent ? <p>Or pick one of your recent devices below: their last state is kept on this computer, so they open even without a network.</p> : null}
      </EmptyState>
      <RecentDevices />
      {isDemo ? <DemoDevices /> : null}
      <SitesPanel />
    </div>
  )
}
