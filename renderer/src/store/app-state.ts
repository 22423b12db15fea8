import type { DesktopSlice } from './desktop-slice'
import type { DeviceSlice } from './device-slice'
import type { ListHealthSlice } from './list-health-slice'
import type { HistorySlice } from './history-slice'
import type { LiveSlice } from './live-slice'
import type { ProfilesSlice } from './profiles-slice'
import type { RunbooksSlice } from './runbooks-slice'
import type { ReportSlice } from './report-slice'
import type { SitesSlice } from './sites-slice'
import type { SnapshotsSlice } from './snapshots-slice'
import type { UiSlice } from './ui-slice'
import type { VisitsSlice } from './visits-slice'

/** The whole renderer state: one zustand store composed of slices. */
export type AppState = UiSlice & DeviceSlice & SitesSlice & SnapshotsSlice & ProfilesSlice & ListHealthSlice & HistorySlice & VisitsSlice & DesktopSlice & LiveSlice & RunbooksSlice & ReportSlice
