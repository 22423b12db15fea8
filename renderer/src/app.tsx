import { useEffect } from 'react'
import { AppHeader } from './components/app-header'
import { useWindowVisibility } from './hooks/use-window-visibility'
import { useAppStore } from './store/store-context'
import type { View } from './store/ui-slice'
import { AboutView } from './views/about/about-view'
import { DeviceView } from './views/device/device-view'
import { FaultsView } from './views/faults/faults-view'
import { HistoryView } from './views/history/history-view'
import { RecordingView } from './views/recordings/recording-view'
import { ProfilesView } from './views/profiles/profiles-view'
import { CompareView } from './views/snapshots/compare-view'
import { SnapshotsView } from './views/snapshots/snapshots-view'
import { VisitsView } from './views/visits/visits-view'

const VIEWS: Record<View, () => React.JSX.Element> = {
  device: DeviceView,
  history: HistoryView,
  visits: VisitsView,
  snapshots: SnapshotsView,
  compare: CompareView,
  profiles: ProfilesView,
  faults: FaultsView,
  about: AboutView,
  recording: RecordingView,
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
        <Current />
      </main>
    </div>
  )
}
