import { beforeEach, describe, expect, it, vi } from 'vitest'

const exposed = new Map<string, unknown>()
const invoke = vi.fn(async (..._args: unknown[]) => ({ ok: true, value: 'pong' }))
const on = vi.fn()
const removeListener = vi.fn()

vi.mock('electron', () => ({
  contextBridge: { exposeInMainWorld: (key: string, value: unknown) => exposed.set(key, value) },
  ipcRenderer: { invoke: (...args: unknown[]) => invoke(...args), on: (...args: unknown[]) => on(...args), removeListener: (...args: unknown[]) => removeListener(...args) },
}))

/**
 * The exposed API surface, fixed here so that any change to it is deliberate: adding a channel
 * means changing the contract, this list, and the handlers together.
 */
const EXPECTED_SURFACE = {
  activateProfile: 'profiles:activate',
  addProfile: 'profiles:add',
  deleteSnapshots: 'snapshots:delete',
  exportSnapshots: 'snapshots:export',
  fetchDevice: 'devices:fetch',
  fetchHistory: 'history:fetch',
  getAppInfo: 'app:get-info',
  getDiagnostics: 'app:get-diagnostics',
  openLogsFolder: 'app:open-logs-folder',
  writeClipboard: 'clipboard:write-text',
  getSettings: 'settings:get',
  getSnapshot: 'snapshots:get',
  getTimeline: 'history:timeline',
  listDemoDevices: 'demo:list-devices',
  listProfiles: 'profiles:list',
  listSites: 'sites:list',
  listSnapshots: 'snapshots:list',
  removeProfile: 'profiles:remove',
  signOut: 'profiles:sign-out',
  relinkProfile: 'profiles:relink',
  forgetUnlinkedSecret: 'profiles:forget-unlinked',
  dismissProfilesNotice: 'profiles:dismiss-notice',
  updateProfile: 'profiles:update',
  updateSettings: 'settings:update',
  listVisits: 'visits:list',
  createVisit: 'visits:create',
  updateVisit: 'visits:update',
  addVisitDevices: 'visits:add-devices',
  removeVisitDevice: 'visits:remove-device',
  getVisitBoard: 'visits:board',
  prepareVisit: 'visits:prepare',
  cancelPrepareVisit: 'visits:cancel-prepare',
  getPrepareProgress: 'visits:prepare-progress',
  findRecordDevices: 'visits:record-devices',
  watchDevice: 'live:watch',
  unwatchDevice: 'live:unwatch',
  setWindowVisible: 'live:window-visible',
  startRecording: 'recordings:start',
  stopRecording: 'recordings:stop',
  listRecordings: 'recordings:list',
  getRecording: 'recordings:get',
  deleteRecording: 'recordings:delete',
  exportRecording: 'recordings:export',
  listRunbookSessions: 'runbooks:list',
  startRunbook: 'runbooks:start',
  recheckRunbookStep: 'runbooks:recheck',
  completeRunbookStep: 'runbooks:complete-step',
  escalateRunbook: 'runbooks:escalate',
  exportReport: 'reports:export',
}

describe('preload', () => {
  beforeEach(async () => {
    exposed.clear()
    invoke.mockClear()
    vi.resetModules()
    await import('../../../electron/preload/index')
  })

  it('exposes exactly one object, window.tellus', () => {
    expect([...exposed.keys()]).toEqual(['tellus'])
  })

  it('exposes exactly the contract methods plus on(), and never ipcRenderer', () => {
    const api = exposed.get('tellus') as Record<string, unknown>
    expect(Object.keys(api).sort()).toEqual([...Object.keys(EXPECTED_SURFACE), 'on'].sort())
    expect(Object.values(api).every((value) => typeof value === 'function')).toBe(true)
    expect(Object.isFrozen(api)).toBe(true)
  })

  it.each(Object.entries(EXPECTED_SURFACE))('%s invokes channel %s with its argument', async (method, channel) => {
    const api = exposed.get('tellus') as Record<string, (arg?: unknown) => Promise<unknown>>
    await expect(api[method]!({ probe: 1 })).resolves.toEqual({ ok: true, value: 'pong' })
    expect(invoke).toHaveBeenCalledWith(channel, { probe: 1 })
  })

  it('turns a transport failure into a Result instead of throwing', async () => {
    invoke.mockRejectedValueOnce(new Error('No handler registered'))
    const api = exposed.get('tellus') as Record<string, () => Promise<unknown>>
    await expect(api.getAppInfo!()).resolves.toMatchObject({ ok: false, error: { kind: 'internal' } })
  })

  it('subscribes to known events only and returns an unsubscribe function', () => {
    const api = exposed.get('tellus') as { on: (event: string, listener: () => void) => () => void }
    const unsubscribe = api.on('client:pacing', () => undefined)
    expect(on).toHaveBeenCalledWith('client:pacing', expect.any(Function))
    unsubscribe()
    expect(removeListener).toHaveBeenCalledWith('client:pacing', on.mock.calls[0]![1])
    expect(() => api.on('anything-else', () => undefined)).toThrow(/Unknown event/)
  })
})
