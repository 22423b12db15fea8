import { lazy, Suspense, useEffect, type ComponentType } from 'react'
import { AppHeader } from './components/app-header'
import { useWindowVisibility } from './hooks/use-window-visibility'
import { useAppStore } from './store/store-context'
import type { View } from './store/ui-slice'
import { DeviceView } from './views/device/device-view'

/** How to load each lazily loaded view's code. */
const viewLoaders: Array<() => Promise<unknown>> = []

/**
 * A view whose code is loaded when first shown (or by `preloadViews`), so the first screen (the
 * device view) does not wait for every other view. Once loaded it renders at once, without
 * suspending; until then it suspends for the few milliseconds a local (app://) file takes.
 */
function lazyView<K extends string>(load: () => Promise<Record<K, ComponentType>>, name: K): ComponentType {
  let loaded: ComponentType | null = null
  const loadView = async () => (loaded = (await load())[name])
  viewLoaders.push(loadView)
  const Pending = lazy(async () => ({ default: await loadView() }))
  return function LazyView() {
    const View = loaded ?? Pending
    return <View />
  }
}

/** Loads the code of every lazily loaded view (once the first screen is up), so no visit waits for it. */
export function preloadViews(): Promise<unknown> {
  return Promise.all(viewLoaders.map((load) => load()))
}

const AboutView = lazyView(() => import('./views/about/about-view'), 'AboutView')
const FaultsView = lazyView(() => import('./views/faults/faults-view'), 'FaultsView')
const HistoryView = lazyView(() => import('./views/history/history-view'), 'HistoryView')
const RecordingView = lazyView(() => import('./views/recordings/recording-view'), 'RecordingView')
const ProfilesView = lazyView(() => import('./views/profiles/profiles-view'), 'ProfilesView')
const CompareView = lazyView(() => import('./views/snapshots/compare-view'), 'CompareView')
const SnapshotsView = lazyView(() => import('./views/snapshots/snapshots-view'), 'SnapshotsView')
const VisitsView = lazyView(() => import('./views/visits/visits-view'), 'VisitsView')
const RunbookView = lazyView(() => import('./views/runbooks/runbook-view'), 'RunbookView')

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
