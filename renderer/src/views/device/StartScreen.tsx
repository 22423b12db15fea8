import { EmptyState } from '../../components/EmptyState'
import { ShortcutList } from '../../components/KeyboardShortcut'
import { LOOKUP_SHORTCUTS } from '../../hooks/use-lookup-shortcut'
import { useAppStore } from '../../store/store-context'
import { SitesPanel } from './SitesPanel'

/** The documented example id, which the built-in demo fleet also serves. */
const DEMO_EXAMPLE_ID = 'dvc_a1b2c3d4e5f6'

/** The empty state: no device looked up yet. */
export function StartScreen() {
  const hasRecent = useAppStore((s) => s.recentDeviceIds.length > 0)
  const isDemo = useAppStore((s) => {
    const state = s.profilesState
    return state?.profiles.find((p) => p.id === state.activeProfileId)?.isDemo ?? false
  })
  const fetchDevice = useAppStore((s) => s.fetchDevice)
  const setQuery = useAppStore((s) => s.setDeviceQuery)
  return (
    <div className="start-screen">
      <EmptyState title="Look up a charger" icon="search">
        <p>
          Type the device id from the work order (it starts with <span className="mono">dvc_</span>) and press Enter. Press{' '}
          <ShortcutList shortcuts={LOOKUP_SHORTCUTS} /> from any screen to come back to the lookup.
        </p>
        {hasRecent ? <p>Or pick one of your recent devices above: their last state is kept on this computer, so they open even without a network.</p> : null}
        {!hasRecent && isDemo ? (
          <p>
            You are on the demo fleet. Try{' '}
            <button
              type="button"
              className="link-button mono"
              onClick={() => {
                setQuery(DEMO_EXAMPLE_ID)
                void fetchDevice(DEMO_EXAMPLE_ID)
              }}
            >
              {DEMO_EXAMPLE_ID}
            </button>
            .
          </p>
        ) : null}
      </EmptyState>
      <SitesPanel />
    </div>
  )
}
