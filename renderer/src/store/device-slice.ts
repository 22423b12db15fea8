import type { StateCreator } from 'zustand'
import type { AppError } from '@common/errors'
import type { DemoDevice, IpcEvents, TellusApi } from '@common/ipc/contract'
import type { Snapshot, SnapshotDraft, SnapshotMeta } from '@common/snapshot-types'
import { RECENT_SNAPSHOTS_LIMIT } from '@common/snapshots/recent-snapshots'
import type { Device } from '@common/tellus/schemas'
import type { AppState } from './app-state'

/** Where the device on screen came from. 'offline': the fetch failed and the newest snapshot is shown. */
export type DeviceSource = 'live' | 'offline' | 'snapshot'

/**
 * The device on screen: a snapshot plus how it got there and the fetch error (offline copies). A
 * live fetch that could not be kept on disk is a draft (`saved: false`, no id) with the storage error.
 * `device`: a live fetch's payload as main parsed it (a stored snapshot is parsed when shown).
 */
export type CurrentDevice = { source: DeviceSource; error?: AppError; device?: Device } & (
  | { saved: true; snapshot: Snapshot }
  | { saved: false; snapshot: SnapshotDraft; storageError: AppError }
)

/** Loading state of the demo fleet's charger list. */
export type DemoDevicesStatus = 'idle' | 'loading' | 'loaded' | 'error'

export type DeviceStatus = 'idle' | 'loading' | 'error'

/** Device lookup, the device on screen, recent devices and the fault dictionary filter. */
export interface DeviceSlice {
  /** What is typed in the lookup field. */
  deviceQuery: string
  setDeviceQuery: (query: string) => void
  current: CurrentDevice | null
  deviceStatus: DeviceStatus
  /** An error with nothing to show (not found, auth, network with no snapshot, …). */
  deviceError: AppError | null
  /** The device id of the latest fetch (being fetched while `deviceStatus` is 'loading'). */
  requestedDeviceId: string | null
  /** Set while the client holds a request back to stay under the rate limits. */
  pacingWaitMs: number | null
  pacingReason: IpcEvents['client:pacing']['reason'] | null
  /** When the held-back request is due to go out (epoch ms), for a countdown. */
  pacingUntil: number | null
  /**
   * Set when a lookup (not a refresh) ended with a device, an offline copy or an error: the device
   * view scrolls to and focuses the result, then clears it.
   */
  revealPending: boolean
  /** Called by the device view once it has revealed the result. */
  resultRevealed: () => void
  /**
   * Fetches a device; a response to an older fetch is ignored once a newer one has started.
   * `refresh`: the technician asked to refresh the device on screen, so the view stays where it is.
   */
  fetchDevice: (deviceId: string, options?: { refresh?: boolean }) => Promise<void>
  /** Back to the start screen: no device on screen, no error, an empty lookup. */
  goHome: () => void
  /** Shows a stored snapshot in the device view (and switches to it) as an offline copy. */
  openSnapshot: (snapshot: Snapshot) => void
  /** Distinct device ids from the snapshot store, newest first. */
  recentDeviceIds: string[]
  /** The newest snapshot metadata of each recent device, in the same order. */
  recentDevices: SnapshotMeta[]
  loadRecentDevices: () => Promise<void>
  /** Set by the lookup shortcut; the lookup field focuses itself and clears it. */
  lookupFocusRequested: boolean
  requestLookupFocus: () => void
  clearLookupFocusRequest: () => void
  /** The chargers of the built-in demo fleet, for the start screen. */
  demoDevices: DemoDevice[]
  demoDevicesStatus: DemoDevicesStatus
  /** Loads the demo fleet's chargers once (they never change while the app runs). */
  loadDemoDevices: () => Promise<void>
  /** Filter of the fault dictionary view. */
  faultQuery: string
  setFaultQuery: (query: string) => void
  /** Opens the fault dictionary filtered to one code (e.g. "F-0203"). */
  openFault: (code: string) => void
}

/** How many snapshots are scanned for the recent-devices list (the start screen's list, answered from main's first page). */
const RECENT_SCAN_LIMIT = RECENT_SNAPSHOTS_LIMIT

const NOT_PACING = { pacingWaitMs: null, pacingReason: null, pacingUntil: null } as const

/** Picks the newest snapshot of each device, newest device first. */
export function newestPerDevice(items: readonly SnapshotMeta[]): SnapshotMeta[] {
  const sorted = [...items].sort((a, b) => Date.parse(b.fetchedAt) - Date.parse(a.fetchedAt))
  const seen = new Set<string>()
  const newest: SnapshotMeta[] = []
  for (const meta of sorted) {
    if (seen.has(meta.deviceId)) continue
    seen.add(meta.deviceId)
    newest.push(meta)
  }
  return newest
}

/** The device on screen without its fetch error (a profile switch made it meaningless). */
function withoutError(current: CurrentDevice): CurrentDevice {
  const { error: _error, ...rest } = current
  return rest
}

/** Creates the device slice; subscribes to the client's pacing events for the store's lifetime. */
export const createDeviceSlice =
  (api: TellusApi): StateCreator<AppState, [], [], DeviceSlice> =>
  (set, get, store) => {
    // Every fetch (and every opened snapshot) takes a new ticket; only the latest ticket may write.
    let latestTicket = 0

    api.on('client:pacing', ({ waitMs, reason }) => {
      if (waitMs > 0) set({ pacingWaitMs: waitMs, pacingReason: reason, pacingUntil: Date.now() + waitMs })
      else set(NOT_PACING)
    })

    // A profile switch makes the errors of the previous profile's lookups meaningless: drop them.
    store.subscribe((state, previous) => {
      if (previous.profilesState === null || state.profilesState === null) return
      if (state.profilesState.activeProfileId === previous.profilesState.activeProfileId) return
      const { current, deviceStatus, deviceError } = get()
      if (!deviceError && deviceStatus !== 'error' && !current?.error) return
      set({
        deviceError: null,
        ...(deviceStatus === 'error' ? { deviceStatus: 'idle' as const } : {}),
        ...(current?.error ? { current: withoutError(current) } : {}),
      })
    })

    return {
      deviceQuery: '',
      setDeviceQuery: (deviceQuery) => set({ deviceQuery }),
      current: null,
      deviceStatus: 'idle',
      deviceError: null,
      requestedDeviceId: null,
      ...NOT_PACING,
      revealPending: false,
      resultRevealed: () => set({ revealPending: false }),

      fetchDevice: async (deviceId, { refresh = false } = {}) => {
        const ticket = ++latestTicket
        set({ deviceStatus: 'loading', deviceError: null, requestedDeviceId: deviceId })
        const result = await api.fetchDevice({ deviceId })
        if (ticket !== latestTicket) return
        const reveal = refresh ? {} : { revealPending: true }
        if (result.ok) {
          const fetched = result.value
          const current: CurrentDevice =
            fetched.source === 'offline' ? { saved: true, snapshot: fetched.snapshot, source: 'offline', error: fetched.error } : fetched
          set({ ...NOT_PACING, ...reveal, current, deviceStatus: 'idle', deviceError: null })
        } else {
          const shown = get().current
          if (shown && shown.snapshot.deviceId === deviceId) {
            // A failed refresh: keep what is on screen, now clearly an offline copy, with the error.
            const source: DeviceSource = shown.source === 'live' ? 'offline' : shown.source
            set({ ...NOT_PACING, ...reveal, current: { ...shown, source, error: result.error }, deviceStatus: 'idle' })
          } else {
            set({ ...NOT_PACING, ...reveal, current: null, deviceStatus: 'error', deviceError: result.error })
          }
        }
        void get().loadRecentDevices()
      },

      goHome: () => {
        latestTicket++
        set({ ...NOT_PACING, current: null, deviceStatus: 'idle', deviceError: null, requestedDeviceId: null, deviceQuery: '', view: 'device' })
      },

      openSnapshot: (snapshot) => {
        latestTicket++
        set({
          current: { saved: true, snapshot, source: 'snapshot' },
          deviceStatus: 'idle',
          deviceError: null,
          requestedDeviceId: snapshot.deviceId,
          deviceQuery: snapshot.deviceId,
          view: 'device',
          revealPending: true,
        })
      },

      recentDeviceIds: [],
      recentDevices: [],
      loadRecentDevices: async () => {
        const result = await api.listSnapshots({ limit: RECENT_SCAN_LIMIT })
        if (!result.ok) return // Recent devices are a convenience; the lookup works without them.
        const recentDevices = newestPerDevice(result.value.items)
        set({ recentDevices, recentDeviceIds: recentDevices.map((meta) => meta.deviceId) })
      },

      lookupFocusRequested: false,
      requestLookupFocus: () => set({ lookupFocusRequested: true }),
      clearLookupFocusRequest: () => set({ lookupFocusRequested: false }),

      demoDevices: [],
      demoDevicesStatus: 'idle',
      loadDemoDevices: async () => {
        const status = get().demoDevicesStatus
        if (status === 'loading' || status === 'loaded') return
        set({ demoDevicesStatus: 'loading' })
        const result = await api.listDemoDevices()
        // The list is a shortcut for exploring; without it the lookup field still works.
        set(result.ok ? { demoDevices: result.value, demoDevicesStatus: 'loaded' } : { demoDevicesStatus: 'error' })
      },

      faultQuery: '',
      setFaultQuery: (faultQuery) => set({ faultQuery }),
      openFault: (code) => set({ faultQuery: code, view: 'faults' }),
    }
  }
