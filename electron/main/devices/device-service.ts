/**
 * Device lookup for the active profile: fetch live, keep every successful response as a snapshot,
 * and when the network lets the technician down, fall back to the newest snapshot of that device.
 */
import type { DeviceId } from '@common/devices/device-id'
import { appError, fail, ok, type AppError, type Result } from '@common/errors'
import type { DeviceFetch } from '@common/ipc/contract'
import type { Snapshot, SnapshotDraft } from '@common/snapshot-types'

/** What the device service needs from the API client. */
export interface DeviceSource {
  getDevice(deviceId: DeviceId, options?: { signal?: AbortSignal }): Promise<Result<{ raw: unknown; receivedAt: string }>>
}

/** What the device service needs from the snapshot store. */
export interface SnapshotSink {
  save(input: SnapshotDraft): Promise<Result<Snapshot>>
  latest(deviceId: DeviceId): Promise<Result<Snapshot | null>>
}

export interface ActiveProfile {
  id: string
  name: string
  baseUrl: string
}

/**
 * Failures after which an offline copy is worth showing: the network or the sign-in (wrong or
 * missing secret, keychain unavailable), not the request itself, was at fault. The copy is shown
 * with the error above it, so the technician still sees what to fix.
 */
export function isOfflineWorthy(error: AppError): boolean {
  if (error.kind === 'network' || error.kind === 'timeout' || error.kind === 'invalid-response') return true
  if (error.kind === 'rate-limited' || error.kind === 'auth' || error.kind === 'keychain') return true
  return error.kind === 'api' && (error.code === 9001 || (error.status ?? 0) >= 500)
}

export class DeviceService {
  private inFlight: AbortController | null = null

  constructor(
    private readonly deps: {
      activeProfile: () => Promise<Result<ActiveProfile>>
      sourceFor: (profile: ActiveProfile) => Promise<Result<DeviceSource>>
      snapshots: SnapshotSink
      onUsed?: (profileId: string) => void
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
      const profile = await this.deps.activeProfile()
      if (!profile.ok) return this.fallback(deviceId, profile.error)
      const source = await this.deps.sourceFor(profile.value)
      if (!source.ok) return this.fallback(deviceId, source.error)
      const response = await source.value.getDevice(deviceId, { signal: controller.signal })
      if (!response.ok) return this.fallback(deviceId, response.error)
      this.deps.onUsed?.(profile.value.id)
      const draft: SnapshotDraft = {
        deviceId,
        fetchedAt: response.value.receivedAt,
        profileId: profile.value.id,
        profileName: profile.value.name,
        baseUrl: profile.value.baseUrl,
        data: response.value.raw,
      }
      const saved = await this.deps.snapshots.save(draft)
      if (saved.ok) return ok({ source: 'live', saved: true, snapshot: saved.value })
      // Not saved (disk full, permissions): still show what we fetched, and say it was not kept.
      return ok({ source: 'live', saved: false, snapshot: draft, storageError: saved.error })
    } finally {
      if (this.inFlight === controller) this.inFlight = null
    }
  }

  private async fallback(deviceId: DeviceId, error: AppError): Promise<Result<DeviceFetch>> {
    if (!isOfflineWorthy(error)) return fail(error)
    const latest = await this.deps.snapshots.latest(deviceId)
    if (latest.ok && latest.value) return ok({ source: 'offline', snapshot: latest.value, error })
    if (!latest.ok) return fail(appError(error.kind, error.message, { ...error, action: `${error.action ?? ''} The offline copy could not be read either: ${latest.error.message}`.trim() }))
    return fail(error)
  }
}
