/**
 * A fake preload API for renderer tests: every method resolves to a `Result` from a handler the
 * test sets (or a sensible default), every call is recorded, and main-process events can be emitted.
 * It is built by the preload's own `buildTellusApi` from the contract's `CHANNELS`: a new channel is
 * on the fake at once and, until a test or a default here answers it, fails naming method and channel.
 */
import { buildTellusApi } from '@common/ipc/build-api'
import { fail, ok, type AppError, type Result } from '@common/errors'
import { CHANNELS, EVENT_NAMES, type ApiMethod, type ArgsOf, type DemoDevice, type EventName, type IpcEvents, type ResultOf, type TellusApi } from '@common/ipc/contract'
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
  fileNotice: null,
  unlinkedSecrets: [],
}

/** A few chargers of the demo fleet, as `listDemoDevices` reports them. */
export const DEMO_DEVICES: DemoDevice[] = [
  { deviceId: 'dvc_a1b2c3d4e5f6', model: 'AC-7kW-V2', siteId: 'site_001' },
  { deviceId: 'dvc_8b2e4d6f1a93', model: 'TP-DC180', siteId: 'site_002' },
]

/** The answer of a method neither the test nor a default here sets up: an internal error naming it. */
function notStubbed(method: ApiMethod): AppError {
  return { kind: 'internal', message: `The fake API has no answer for ${method} (${CHANNELS[method]}).` }
}

/** Answers that fit most tests; every other method fails with `notStubbed`. */
function defaultHandlers(): Partial<FakeHandlers> {
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
    signOut: () => ok(DEMO_PROFILES),
    listSites: () => ok([]),
    listDemoDevices: () => ok(DEMO_DEVICES),
    listSnapshots: () => ok({ items: [], quarantined: [] }),
    deleteSnapshots: () => ok({ deleted: 0 }),
    exportSnapshots: () => ok({ saved: false }),
    getSettings: () => ok({ snapshotRetention: 20 }),
    updateSettings: () => ok({ snapshotRetention: 20 }),
    listVisits: () => ok({ visits: [], quarantined: [] }),
    getTimeline: () => ok([]),
    watchDevice: ({ deviceId }) => ok({ ...NOT_WATCHING, deviceIds: [deviceId], connection: { state: 'connecting', attempt: 0 } }),
    unwatchDevice: () => ok(NOT_WATCHING),
    setWindowVisible: () => ok(NOT_WATCHING),
    listRecordings: () => ok([]),
    deleteRecording: () => ok({ deleted: 1 }),
    exportRecording: () => ok({ saved: false }),
    listRunbookSessions: () => ok({ sessions: [], quarantined: [] }),
    exportReport: () => ok({ saved: false }),
  }
}

/** Creates a fake API; `overrides` replace the default handlers (they can also be replaced later). */
export function createFakeApi(overrides: Partial<FakeHandlers> = {}): FakeApi {
  const defaults = defaultHandlers()
  const methods = Object.keys(CHANNELS) as ApiMethod[]
  const handlers = Object.fromEntries(
    methods.map((method) => [method, overrides[method] ?? defaults[method] ?? (() => fail(notStubbed(method)))]),
  ) as FakeHandlers
  const calls: FakeCall[] = []
  const listeners = new Map<string, Set<(payload: unknown) => void>>()
  const methodOf = new Map<string, ApiMethod>(methods.map((method) => [CHANNELS[method], method]))

  const api = buildTellusApi(CHANNELS, EVENT_NAMES, {
    invoke: async (channel, args) => {
      const method = methodOf.get(channel)!
      calls.push({ method, args })
      return (handlers[method] as (args: unknown) => unknown)(args)
    },
    subscribe: (event, listener) => {
      const set = listeners.get(event) ?? new Set()
      set.add(listener)
      listeners.set(event, set)
      return () => set.delete(listener)
    },
  })

  return {
    api,
    calls,
    handlers,
    callsOf: <M extends ApiMethod>(method: M) => calls.filter((c) => c.method === method).map((c) => c.args as ArgsOf<M>),
    emit: (event, payload) => {
      for (const listener of listeners.get(event) ?? []) listener(payload)
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
