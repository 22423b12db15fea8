/**
 * A fake preload API for renderer tests: every method resolves to a `Result` from a handler the
 * test sets (or a sensible default), every call is recorded, and main-process events can be emitted.
 */
import { fail, ok, type AppError, type Result } from '@common/errors'
import type { ApiMethod, ArgsOf, DemoDevice, EventName, IpcEvents, ResultOf, TellusApi } from '@common/ipc/contract'
import { NOT_WATCHING } from '@common/live/stream-status'
import type { ProfilesState } from '@common/profile-types'

/** One handler: what a method answers for its arguments. */
export type FakeHandler<M extends ApiMethod> = (args: ArgsOf<M>) => Result<ResultOf<M>> | Promise<Result<ResultOf<M>>>
export type FakeHandlers = { [M in ApiMethod]: FakeHandler<M> }

/** A recorded call. */
export interface FakeCall {
  method: ApiMethod
  args: unknown
}

/** The fake: a `TellusApi` plus its call log, its handlers (replaceable) and an event emitter. */
export interface FakeApi {
  api: TellusApi
  calls: FakeCall[]
  handlers: FakeHandlers
  /** Calls of one method, in order. */
  callsOf<M extends ApiMethod>(method: M): ArgsOf<M>[]
  /** Pushes a main-process event to every listener. */
  emit<E extends EventName>(event: E, payload: IpcEvents[E]): void
}

/** The demo profile as the profiles list reports it. */
export const DEMO_PROFILES: ProfilesState = {
  profiles: [
    {
      id: 'demo',
      name: 'Demo fleet',
      baseUrl: 'http://127.0.0.1:4010',
      clientIdMasked: '••••••••••••ient',
      createdAt: '2026-01-01T00:00:00Z',
      lastUsedAt: null,
      isDemo: true,
      secret: 'not-needed',
    },
  ],
  activeProfileId: 'demo',
  keychain: { available: true },
}

/** A few chargers of the demo fleet, as `listDemoDevices` reports them. */
export const DEMO_DEVICES: DemoDevice[] = [
  { deviceId: 'dvc_a1b2c3d4e5f6', model: 'AC-7kW-V2', siteId: 'site_001' },
  { deviceId: 'dvc_8b2e4d6f1a93', model: 'TP-DC180', siteId: 'site_002' },
]

/** An internal error for a method the test did not set up. */
function notSetUp(method: ApiMethod): AppError {
  return { kind: 'internal', message: `The fake API has no answer for ${method}.` }
}

function defaultHandlers(): FakeHandlers {
  return {
    getAppInfo: () =>
      ok({
        name: 'Tellus Field',
        version: '0.0.0-test',
        platform: 'linux',
        arch: 'x64',
        versions: { electron: null, chrome: null, node: '22' },
        paths: { userData: '/tmp/user-data', snapshots: '/tmp/user-data/snapshots', logs: '/tmp/user-data/logs' },
      }),
    getDiagnostics: () => ok('Tellus Field diagnostics (fake)\n'),
    openLogsFolder: () => ok(undefined),
    writeClipboard: () => ok(undefined),
    listProfiles: () => ok(DEMO_PROFILES),
    addProfile: () => fail(notSetUp('addProfile')),
    updateProfile: () => fail(notSetUp('updateProfile')),
    removeProfile: () => fail(notSetUp('removeProfile')),
    activateProfile: () => fail(notSetUp('activateProfile')),
    signOut: () => ok(DEMO_PROFILES),
    fetchDevice: () => fail(notSetUp('fetchDevice')),
    listSites: () => ok([]),
    listDemoDevices: () => ok(DEMO_DEVICES),
    listSnapshots: () => ok({ items: [], quarantined: [] }),
    getSnapshot: () => fail(notSetUp('getSnapshot')),
    deleteSnapshots: () => ok({ deleted: 0 }),
    exportSnapshots: () => ok({ saved: false }),
    getSettings: () => ok({ snapshotRetention: 20 }),
    updateSettings: () => ok({ snapshotRetention: 20 }),
    listVisits: () => ok({ visits: [], quarantined: [] }),
    createVisit: () => fail(notSetUp('createVisit')),
    updateVisit: () => fail(notSetUp('updateVisit')),
    addVisitDevices: () => fail(notSetUp('addVisitDevices')),
    removeVisitDevice: () => fail(notSetUp('removeVisitDevice')),
    getVisitBoard: () => fail(notSetUp('getVisitBoard')),
    prepareVisit: () => fail(notSetUp('prepareVisit')),
    cancelPrepareVisit: () => fail(notSetUp('cancelPrepareVisit')),
    getPrepareProgress: () => fail(notSetUp('getPrepareProgress')),
    fetchHistory: () => fail(notSetUp('fetchHistory')),
    getTimeline: () => ok([]),
    watchDevice: ({ deviceId }) => ok({ ...NOT_WATCHING, deviceIds: [deviceId], connection: { state: 'connecting', attempt: 0 } }),
    unwatchDevice: () => ok(NOT_WATCHING),
    setWindowVisible: () => ok(NOT_WATCHING),
    startRecording: () => fail(notSetUp('startRecording')),
    stopRecording: () => fail(notSetUp('stopRecording')),
    listRecordings: () => ok([]),
    getRecording: () => fail(notSetUp('getRecording')),
    deleteRecording: () => ok({ deleted: 1 }),
    exportRecording: () => ok({ saved: false }),
    listRunbookSessions: () => ok({ sessions: [], quarantined: [] }),
    startRunbook: () => fail(notSetUp('startRunbook')),
    recheckRunbookStep: () => fail(notSetUp('recheckRunbookStep')),
    completeRunbookStep: () => fail(notSetUp('completeRunbookStep')),
    escalateRunbook: () => fail(notSetUp('escalateRunbook')),
    exportReport: () => ok({ saved: false }),
  }
}

/** Creates a fake API; `overrides` replace the default handlers (they can also be replaced later). */
export function createFakeApi(overrides: Partial<FakeHandlers> = {}): FakeApi {
  const handlers: FakeHandlers = { ...defaultHandlers(), ...overrides }
  const calls: FakeCall[] = []
  const listeners = new Map<EventName, Set<(payload: never) => void>>()

  const call =
    <M extends ApiMethod>(method: M) =>
    async (args: ArgsOf<M>): Promise<Result<ResultOf<M>>> => {
      calls.push({ method, args })
      const handler = handlers[method] as FakeHandler<M>
      return handler(args)
    }

  const api: TellusApi = {
    getAppInfo: () => call('getAppInfo')(undefined),
    getDiagnostics: () => call('getDiagnostics')(undefined),
    openLogsFolder: () => call('openLogsFolder')(undefined),
    writeClipboard: (args) => call('writeClipboard')(args),
    listProfiles: () => call('listProfiles')(undefined),
    addProfile: (args) => call('addProfile')(args),
    updateProfile: (args) => call('updateProfile')(args),
    removeProfile: (args) => call('removeProfile')(args),
    activateProfile: (args) => call('activateProfile')(args),
    signOut: () => call('signOut')(undefined),
    fetchDevice: (args) => call('fetchDevice')(args),
    listSites: () => call('listSites')(undefined),
    listDemoDevices: () => call('listDemoDevices')(undefined),
    listSnapshots: (args) => call('listSnapshots')(args),
    getSnapshot: (args) => call('getSnapshot')(args),
    deleteSnapshots: (args) => call('deleteSnapshots')(args),
    exportSnapshots: (args) => call('exportSnapshots')(args),
    getSettings: () => call('getSettings')(undefined),
    updateSettings: (args) => call('updateSettings')(args),
    listVisits: () => call('listVisits')(undefined),
    createVisit: (args) => call('createVisit')(args),
    updateVisit: (args) => call('updateVisit')(args),
    addVisitDevices: (args) => call('addVisitDevices')(args),
    removeVisitDevice: (args) => call('removeVisitDevice')(args),
    getVisitBoard: (args) => call('getVisitBoard')(args),
    prepareVisit: (args) => call('prepareVisit')(args),
    cancelPrepareVisit: (args) => call('cancelPrepareVisit')(args),
    getPrepareProgress: (args) => call('getPrepareProgress')(args),
    fetchHistory: (args) => call('fetchHistory')(args),
    getTimeline: (args) => call('getTimeline')(args),
    watchDevice: (args) => call('watchDevice')(args),
    unwatchDevice: (args) => call('unwatchDevice')(args),
    setWindowVisible: (args) => call('setWindowVisible')(args),
    startRecording: (args) => call('startRecording')(args),
    stopRecording: (args) => call('stopRecording')(args),
    listRecordings: (args) => call('listRecordings')(args),
    getRecording: (args) => call('getRecording')(args),
    deleteRecording: (args) => call('deleteRecording')(args),
    exportRecording: (args) => call('exportRecording')(args),
    listRunbookSessions: (args) => call('listRunbookSessions')(args),
    startRunbook: (args) => call('startRunbook')(args),
    recheckRunbookStep: (args) => call('recheckRunbookStep')(args),
    completeRunbookStep: (args) => call('completeRunbookStep')(args),
    escalateRunbook: (args) => call('escalateRunbook')(args),
    exportReport: (args) => call('exportReport')(args),
    on: (event, listener) => {
      const set = listeners.get(event) ?? new Set()
      set.add(listener as (payload: never) => void)
      listeners.set(event, set)
      return () => set.delete(listener as (payload: never) => void)
    },
  }

  return {
    api,
    calls,
    handlers,
    callsOf: <M extends ApiMethod>(method: M) => calls.filter((c) => c.method === method).map((c) => c.args as ArgsOf<M>),
    emit: (event, payload) => {
      for (const listener of listeners.get(event) ?? []) (listener as (p: typeof payload) => void)(payload)
    },
  }
}

/** A promise with its resolver exposed, to hold a fake answer back until the test releases it. */
export function deferred<T>(): { promise: Promise<T>; resolve: (value: T) => void } {
  let resolve: (value: T) => void = () => undefined
  const promise = new Promise<T>((r) => {
    resolve = r
  })
  return { promise, resolve }
}
