import { EmptyState } from '../../components/EmptyState'
import { ShortcutList } from '../../components/KeyboardShortcut'
import { LOOKUP_SHORTCUTS } from '../../hooks/use-lookup-shortcut'
import { isDemoProfile, useProfileInUse } from '../../hooks/use-profile-in-use'
import { useAppStore } from '../../store/store-context'
import { DemoDevices } from './DemoDevices'
import { SitesPanel } from './SitesPanel'

/** The empty state: no device looked up yet. On the demo fleet it lists the demo chargers. */
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
        {hasRecent ? <p>Or pick one of your recent devices above: their last state is kept on this computer, so they open even without a network.</p> : null}
      </EmptyState>
      {isDemo ? <DemoDevices /> : null}
      <SitesPanel />
    </div>
  )
}
