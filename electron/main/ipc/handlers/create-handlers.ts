import type { HandlerMap } from '../ipc-dispatcher'
import type { MainServices } from '@main/services/create-main-services'
import { appHandlers } from './app-handlers'
import { desktopHandlers } from './desktop-handlers'
import { deviceHandlers } from './device-handlers'
import { historyHandlers } from './history-handlers'
import { liveHandlers } from './live-handlers'
import { profileHandlers } from './profile-handlers'
import { runbookHandlers } from './runbook-handlers'
import { reportHandlers } from './report-handlers'
import { settingsHandlers } from './settings-handlers'
import { snapshotHandlers } from './snapshot-handlers'
import { visitHandlers } from './visit-handlers'

/** Every IPC handler, one module per domain; the type makes a missing channel a compile error. */
export function createHandlers(services: MainServices): HandlerMap {
  return {
    ...appHandlers(services),
    ...desktopHandlers(services),
    ...profileHandlers(services),
    ...deviceHandlers(services),
    ...snapshotHandlers(services),
    ...settingsHandlers(services),
    ...visitHandlers(services),
    ...historyHandlers(services),
    ...liveHandlers(services),
    ...runbookHandlers(services),
    ...reportHandlers(services),
  }
}
