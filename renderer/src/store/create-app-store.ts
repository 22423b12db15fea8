import { createStore, type StoreApi } from 'zustand/vanilla'
import type { TellusApi } from '@common/ipc/contract'
import type { AppState } from './app-state'
import { createDesktopSlice } from './desktop-slice'
import { createDeviceSlice } from './device-slice'
import { createListHealthSlice } from './list-health-slice'
import { createHistorySlice } from './history-slice'
import { createLiveSlice } from './live-slice'
import { createProfilesSlice } from './profiles-slice'
import { createRunbooksSlice } from './runbooks-slice'
import { createReportSlice } from './report-slice'
import { createSitesSlice } from './sites-slice'
import { createSnapshotsSlice } from './snapshots-slice'
import { createUiSlice } from './ui-slice'
import { createVisitsSlice } from './visits-slice'

export type AppStore = StoreApi<AppState>

/** Creates the renderer store around a preload API (the real one, or a fake in tests). */
export function createAppStore(api: TellusApi): AppStore {
  return createStore<AppState>()((...a) => ({
    ...createUiSlice(api)(...a),
    ...createDeviceSlice(api)(...a),
    ...createSitesSlice(api)(...a),
    ...createSnapshotsSlice(api)(...a),
    ...createProfilesSlice(api)(...a),
    ...createListHealthSlice(api)(...a),
    ...createHistorySlice(api)(...a),
    ...createVisitsSlice(api)(...a),
    ...createDesktopSlice(api)(...a),
    ...createLiveSlice(api)(...a),
    ...createRunbooksSlice(api)(...a),
    ...createReportSlice(api)(...a),
  }))
}
