import { useEffect } from 'react'
import { AppHeader } from './components/AppHeader'
import { useAppStore } from './store/store-context'
import type { View } from './store/ui-slice'
import { AboutView } from './views/about/AboutView'
import { DeviceView } from './views/device/DeviceView'
import { FaultsView } from './views/faults/FaultsView'
import { ProfilesView } from './views/profiles/ProfilesView'
import { CompareView } from './views/snapshots/CompareView'
import { SnapshotsView } from './views/snapshots/SnapshotsView'

const VIEWS: Record<View, () => React.JSX.Element> = {
  device: DeviceView,
  snapshots: SnapshotsView,
  compare: CompareView,
  profiles: ProfilesView,
  faults: FaultsView,
  about: AboutView,
}

/** The app shell: header with navigation, and the current view. */
export function App() {
  const view = useAppStore((s) => s.view)
  const theme = useAppStore((s) => s.theme)
  useEffect(() => {
    document.documentElement.dataset.theme = theme
  }, [theme])
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
