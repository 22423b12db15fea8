/**
 * Device lookup for the active profile: fetch live, keep every successful response as a snapshot,
 * and when the network lets the technician down, fall back to the newest snapshot of that device.
 * The fallback rule (`fetchWithOfflineFallback`) is the charging history's too: an offline copy is
 * shown only when the network or the sign-in let the technician down (never for a failure of the
 * request itself, such as an unknown device), and always with the error above it, so they still
 * see what to fix.
 */
import type { DeviceId } from '@common/devices/device-id'
import { appError, fail, ok, type AppError, type Result } from '@common/errors'
import type { DeviceFetch } from '@common/ipc/contract'
import type { Snapshot, SnapshotDraft } from '@common/snapshot-types'
import type { LastUsed } from '../credentials/last-used'
import type { ActiveClient, ActiveProfile } from '../services/client-registry'
import type { DeviceResponse } from '../tellus/tellus-client'

/** What the device service needs from the API client. */
export interface DeviceSource {
  getDevice(deviceId: DeviceId, options?: { signal?: AbortSignal }): Promise<Result<DeviceResponse>>
}

/** What the device service needs from the snapshot store. */
export interface SnapshotSink {
  save(input: SnapshotDraft): Promise<Result<Snapshot>>
  latest(deviceId: DeviceId): Promise<Result<Snapshot | null>>
}

/**
 * Failures after which an offline copy is worth showing: the network or the sign-in (wrong or
 * missing secret, keychain unavailable), not the request itself, was at fault.
 */
export function isOfflineWorthy(error: AppError): boolean {
  if (error.kind === 'network' || error.kind === 'timeout' || error.kind === 'invalid-response') return true
  if (error.kind === 'rate-limited' || error.kind === 'auth' || error.kind === 'keychain') return true
  return error.kind === 'api' && (error.code === 9001 || (error.status ?? 0) >= 500)
}

/** The live value, or the offline copy with the error that made it necessary. */
export type LiveOrOffline<L, O> = { source: 'live'; live: L } | { source: 'offline'; offline: O; error: AppError }

/** What to fetch live, how to read the offline copy, and its name in a message ("offline copy"). */
export interface OfflineFallback<L, O> {
  fetchLive: () => Promise<Result<L>>
  /** The offline copy, or null when there is none. Read only after an offline-worthy failure. */
  readOffline: () => Promise<Result<O | null>>
  offlineName: string
}

/**
 * Fetches live; after an offline-worthy failure, answers with the offline copy and the error. No copy:
 * the error. A copy that cannot be read: the error, its action extended with why the copy failed too.
 */
export async function fetchWithOfflineFallback<L, O>(options: OfflineFallback<L, O>): Promise<Result<LiveOrOffline<L, O>>> {
  const live = await options.fetchLive()
  if (live.ok) return ok({ source: 'live', live: live.value })
  const { error } = live
  if (!isOfflineWorthy(error)) return fail(error)
  const copy = await options.readOffline()
  if (!copy.ok) {
    const action = `${error.action ?? ''} The ${options.offlineName} could not be read either: ${copy.error.message}`.trim()
    return fail(appError(error.kind, error.message, { ...error, action }))
  }
  return copy.value === null ? fail(error) : ok({ source: 'offline', offline: copy.value, error })
}

export class DeviceService {
  private inFlight: AbortController | null = null

  constructor(
    private readonly deps: {
      /** The profile in use and its API client (the client registry). */
      clients: { active(): Promise<Result<ActiveClient<DeviceSource>>> }
      snapshots: SnapshotSink
      /** Records that the profile was used (by each live fetch). */
      lastUsed?: Pick<LastUsed, 'touch'>
    },
  ) {}

  /**
   * Fetches a device. A newer fetch cancels the one still in flight (the technician moved on).
   * Live: saved as a snapshot. Offline-worthy failure: newest snapshot plus the error. Else: the error.
   */
  async fetchDevice(deviceId: DeviceId): Promise<Result<DeviceFetch>> {
    this.inFlight?.abort()
    const controller = new AbortController()
    this.inFlight = controller
    try {
      const fetched = await fetchWithOfflineFallback({
        fetchLive: () => this.fetchLive(deviceId, controller.signal),
        readOffline: () => this.deps.snapshots.latest(deviceId),
        offlineName: 'offline copy',
      })
      if (!fetched.ok) return fetched
      if (fetched.value.source === 'offline') return ok({ source: 'offline', snapshot: fetched.value.offline, error: fetched.value.error })
      return ok(await this.keep(deviceId, fetched.value.live))
    } finally {
      if (this.inFlight === controller) this.inFlight = null
    }
  }

  /** The device from the active profile's API client, with the profile it came from. */
  private async fetchLive(deviceId: DeviceId, signal: AbortSignal): Promise<Result<{ profile: ActiveProfile; response: DeviceResponse }>> {
    const active = await this.deps.clients.active()
    if (!active.ok) return active
    const { profile, client } = active.value
    const response = await client.getDevice(deviceId, { signal })
    return response.ok ? ok({ profile, response: response.value }) : response
  }

  /**
   * Saves a live fetch as a snapshot (the payload as received); when the save fails (disk full,
   * permissions), it is still shown, as a draft. Either way the client's parsed device goes along.
   */
  private async keep(deviceId: DeviceId, { profile, response }: { profile: ActiveProfile; response: DeviceResponse }): Promise<DeviceFetch> {
    void this.deps.lastUsed?.touch(profile.id)
    const draft: SnapshotDraft = {
      deviceId,
      fetchedAt: response.receivedAt,
      profileId: profile.id,
      profileName: profile.name,
      baseUrl: profile.baseUrl,
      data: response.raw,
    }
    const saved = await this.deps.snapshots.save(draft)
    const { device } = response
    return saved.ok ? { source: 'live', saved: true, snapshot: saved.value, device } : { source: 'live', saved: false, snapshot: draft, device, storageError: saved.error }
  }
}
