import { Suspense, useEffect, type ComponentType } from 'react'
import { AppHeader } from './components/app-header'
import { lazyComponent, preloadLazyComponents } from './components/lazy-component'
import { useWindowVisibility } from './hooks/use-window-visibility'
import { useAppStore } from './store/store-context'
import type { View } from './store/ui-slice'
import { DeviceView } from './views/device/device-view'

/** Loads the code of every lazily loaded view and part (once the first screen is up), so no visit waits for it. */
export const preloadViews = preloadLazyComponents

const AboutView = lazyComponent(() => import('./views/about/about-view'), 'AboutView')
const FaultsView = lazyComponent(() => import('./views/faults/faults-view'), 'FaultsView')
const HistoryView = lazyComponent(() => import('./views/history/history-view'), 'HistoryView')
const RecordingView = lazyComponent(() => import('./views/recordings/recording-view'), 'RecordingView')
const ProfilesView = lazyComponent(() => import('./views/profiles/profiles-view'), 'ProfilesView')
const CompareView = lazyComponent(() => import('./views/snapshots/compare-view'), 'CompareView')
const SnapshotsView = lazyComponent(() => import('./views/snapshots/snapshots-view'), 'SnapshotsView')
const VisitsView = lazyComponent(() => import('./views/visits/visits-view'), 'VisitsView')
const RunbookView = lazyComponent(() => import('./views/runbooks/runbook-view'), 'RunbookView')

const VIEWS: Record<View, ComponentType> = {
  device: DeviceView,
  history: HistoryView,
  visits: VisitsView,
  snapshots: SnapshotsView,
  compare: CompareView,
  profiles: ProfilesView,
  faults: FaultsView,
  about: AboutView,
  recording: RecordingView,
  runbook: RunbookView,
}

/** The app shell: header with navigation, and the current view. */
export function App() {
  const view = useAppStore((s) => s.view)
  const theme = useAppStore((s) => s.theme)
  useWindowVisibility()
  useEffect(() => {
    document.documentElement.dataset.theme = theme
  }, [theme])
  useEffect(() => {
    // Every view change starts at the top of the new view.
    window.scrollTo?.(0, 0)
  }, [view])
  const Current = VIEWS[view]
  return (
    <div className="app">
      <AppHeader />
      <main id="main" className="app-main" tabIndex={-1}>
        <Suspense fallback={null}>
          <Current />
        </Suspense>
      </main>
    </div>
  )
}
