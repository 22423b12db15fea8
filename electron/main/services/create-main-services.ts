/**
 * Builds every main-process service from its collaborators. Used by the Electron entry point and,
 * unchanged, by the browser shell, so tests exercise the same wiring the app runs.
 */
import { dirname, join } from 'node:path'
import { ok, type Result } from '@common/errors'
import type { AppInfo, EventName, IpcEvents } from '@common/ipc/contract'
import type { Site } from '@common/tellus/schemas'
import type { RecordDeviceSearch, RecordSearchDays } from '@common/visits/charging-record-devices'
import { ProfileService } from '../credentials/profile-service'
import { ProfileStore } from '../credentials/profile-store'
import type { SecretStore } from '../credentials/secret-store'
import { createDemoFleet, DEMO_CREDENTIALS, type DemoFleet } from '../demo/demo-fleet'
import { DeviceService } from '../devices/device-service'
import { HistoryCache } from '../history/history-cache'
import { HistoryService } from '../history/history-service'
import { LiveService } from '../live/live-service'
import type { Logger } from '../logger'
import { RecordingExporter } from '../recordings/recording-exporter'
import { RecordingStore } from '../recordings/recording-store'
import { RunbookService } from '../runbooks/runbook-service'
import { RunbookStore } from '../runbooks/runbook-store'
import { unavailablePdfRenderer, type ReportPdfRenderer } from '../reports/report-pdf-renderer'
import { ReportExporter } from '../reports/report-exporter'
import { SettingsStore } from '../settings/settings-store'
import { startSimulator, type SimulatorOptions } from '../simulator/index'
import { SnapshotStore } from '../snapshots/snapshot-store'
import { TellusClient } from '../tellus/tellus-client'
import { createPrepareSource } from '../visits/prepare-source'
import { searchRecordDevices } from '../visits/record-device-search'
import { PrepareScheduler } from '../visits/prepare-scheduler'
import { VisitService } from '../visits/visit-service'
import { VisitStore } from '../visits/visit-store'
import { ClientRegistry, type ProfileCredentials } from './client-registry'
import { createVerifiedClientHandOver } from './verified-client'
import type { DesktopBridge } from './desktop-bridge'
import { buildDiagnosticsReport, readLogTail } from './diagnostics-report'
import { SnapshotExporter } from './snapshot-exporter'
import type { ChooseSavePath } from '../fs/save-export'

export interface MainServicesOptions {
  userDataDir: string
  appInfo: () => Omit<AppInfo, 'paths'>
  secretStore: SecretStore
  chooseSavePath: ChooseSavePath
  emit: <E extends EventName>(event: E, payload: IpcEvents[E]) => void
  logger: Logger
  /** Clipboard, folders and the log file's place (Electron in the app, a memory bridge elsewhere). */
  desktop: DesktopBridge
  /** The fetch the API client uses (default: global fetch). */
  fetch?: typeof fetch
  /** Prints work-order reports to PDF (Electron's printToPDF in the app, Chromium's page.pdf in the browser shell). */
  pdfRenderer?: ReportPdfRenderer
  /** Options for the demo fleet's simulator. */
  simulator?: SimulatorOptions
  now?: () => number
}

export interface MainServices {
  appInfo(): AppInfo
  profiles: ProfileService
  devices: DeviceService
  history: HistoryService
  snapshots: SnapshotStore
  settings: SettingsStore
  exporter: SnapshotExporter
  clients: ClientRegistry<TellusClient>
  demo: DemoFleet
  visits: VisitService
  prepare: PrepareScheduler
  live: LiveService
  recordings: RecordingStore
  recordingExporter: RecordingExporter
  /** Saved runbook sessions (`<userData>/runbook-sessions/`); the report reads them with `list`. */
  runbookSessions: RunbookStore
  /** Guided runbooks: sessions started, checked, completed, escalated. */
  runbooks: RunbookService
  /** Work-order reports of a visit or a charger (PDF, HTML and JSON). */
  reports: ReportExporter
  desktop: DesktopBridge
  /** The "Copy diagnostics" text for support (no secrets: the log lines were redacted when written). */
  diagnostics(): Promise<string>
  /** Sites of the active profile. */
  listSites(): Promise<Result<Site[]>>
  /** The chargers in the active profile's charging records of the last `days`. */
  recordDevices(days: RecordSearchDays): Promise<Result<RecordDeviceSearch>>
  dispose(): Promise<void>
}

/** Creates and loads the services. */
export async function createMainServices(options: MainServicesOptions): Promise<MainServices> {
  const { userDataDir, logger } = options
  const now = options.now ?? Date.now
  const snapshotsDir = join(userDataDir, 'snapshots')
  const settings = new SettingsStore(userDataDir)
  const { snapshotRetention } = await settings.load()
  const snapshots = new SnapshotStore({ root: snapshotsDir, retentionPerDevice: snapshotRetention, now })
  const demo = createDemoFleet(startSimulator, options.simulator)

  const createClient = (credentials: ProfileCredentials) =>
    new TellusClient({
      ...credentials,
      fetch: options.fetch,
      logger,
      now,
      onWait: (info) => options.emit('client:pacing', info),
    })

  // The client that just verified a new profile's credentials already holds a token: hand it to
  // the registry instead of spending another of the 10 token requests a minute on the first lookup.
  const verified = createVerifiedClientHandOver(createClient)
  // Signing out of (or changing) a profile drops its stream and its client. Both are built after
  // the profile service (they read profiles), so they subscribe here once built: no forward reference.
  const profileDroppedListeners: Array<(profileId: string) => void> = []
  const profileDropped = (profileId: string) => {
    for (const listener of profileDroppedListeners) listener(profileId)
  }
  const profiles = new ProfileService({
    store: new ProfileStore({ userDataDir, logger }),
    secrets: options.secretStore,
    verifyCredentials: (credentials) => verified.verify(credentials),
    now,
    demo: { baseUrl: () => demo.baseUrl(), runningBaseUrl: () => demo.runningBaseUrl(), credentials: DEMO_CREDENTIALS },
    onSignOut: profileDropped,
    onProfileChanged: profileDropped,
  })
  const clients = new ClientRegistry<TellusClient>({
    profileInUse: () => profiles.profileInUse(),
    credentialsFor: (id) => profiles.credentialsFor(id),
    createClient: (c) => verified.take(c) ?? createClient(c),
  })
  const devices = new DeviceService({ clients, snapshots, lastUsed: profiles.lastUsed })
  const history = new HistoryService({ clients, cache: new HistoryCache(userDataDir, now), now })
  const visitStore = new VisitStore(join(userDataDir, 'visits'), now)
  const prepare = new PrepareScheduler({
    visits: visitStore,
    source: async () => {
      const inUse = await clients.active()
      if (!inUse.ok) return inUse
      const { profile, client } = inUse.value
      return ok(createPrepareSource({ profile, client, snapshots, history, readSlots: (count) => client.readSlots(count) }))
    },
    emit: (progress) => options.emit('visits:prepare-progress', progress),
    now,
  })
  const visits = new VisitService({ store: visitStore, scheduler: prepare, latestSnapshot: (deviceId) => snapshots.latest(deviceId) })

  const recordings = new RecordingStore({ root: join(userDataDir, 'recordings'), now, logger, onChange: (summary) => options.emit('recordings:changed', summary) })
  const live = new LiveService({
    recordings,
    emit: options.emit,
    logger,
    profileInUse: async () => {
      const inUse = await clients.active()
      if (!inUse.ok) return inUse
      const { profile, client } = inUse.value
      const access = client.streamAccess()
      return access.ok ? ok({ profileId: profile.id, profileName: profile.name, access: access.value }) : access
    },
  })

  profileDroppedListeners.push((profileId) => live.profileDropped(profileId), (profileId) => clients.drop(profileId))

  const runbookSessions = new RunbookStore(join(userDataDir, 'runbook-sessions'), now)

  const pdfRenderer = options.pdfRenderer ?? unavailablePdfRenderer()
  const appInfo = (): AppInfo => ({ ...options.appInfo(), paths: { userData: userDataDir, snapshots: snapshotsDir, logs: dirname(options.desktop.logFilePath) } })

  return {
    appInfo,
    profiles,
    devices,
    history,
    snapshots,
    settings,
    clients,
    demo,
    visits,
    prepare,
    live,
    recordings,
    recordingExporter: new RecordingExporter({ recordings, chooseSavePath: options.chooseSavePath, appVersion: () => appInfo().version, now }),
    runbookSessions,
    runbooks: new RunbookService({ store: runbookSessions, fetchDevice: (deviceId) => devices.fetchDevice(deviceId), now }),
    reports: new ReportExporter({
      stores: { visits: visitStore, snapshots, recordings, runbooks: runbookSessions },
      pdf: pdfRenderer,
      chooseSavePath: options.chooseSavePath,
      rememberFields: (visitId, fields) => visits.rememberReportFields(visitId, fields),
      appVersion: () => appInfo().version,
      now,
    }),
    desktop: options.desktop,
    diagnostics: async () => {
      const [profilesState, currentSettings, logTail] = await Promise.all([
        profiles.state().catch(() => null),
        Promise.resolve(settings.get()),
        readLogTail(options.desktop.logFilePath),
      ])
      return buildDiagnosticsReport({ appInfo: appInfo(), profiles: profilesState, settings: currentSettings, logFilePath: options.desktop.logFilePath, logTail, now: now() })
    },
    exporter: new SnapshotExporter({ snapshots, history, chooseSavePath: options.chooseSavePath, appVersion: () => appInfo().version, now }),
    listSites: async () => {
      const inUse = await clients.active()
      return inUse.ok ? inUse.value.client.listSites() : inUse
    },
    recordDevices: async (days) => {
      const inUse = await clients.active()
      return inUse.ok ? searchRecordDevices(days, { source: inUse.value.client, latestSnapshot: (id) => snapshots.latest(id), now }) : inUse
    },
    dispose: async () => {
      await prepare.dispose()
      await live.dispose()
      await pdfRenderer.dispose()
      clients.clear()
      await snapshots.flush()
      await profiles.lastUsed.flush()
      await demo.dispose().catch((error: unknown) => logger.warn(`demo fleet did not stop cleanly: ${String(error)}`))
    },
  }
}
