/**
 * Charging history of a device for the active profile: every page of its charging records over a
 * range, fetched through the client (so within its pacing), newest first, kept on disk; when the
 * network lets the technician down, the last history kept for that device instead.
 */
import type { DeviceId } from '@common/devices/device-id'
import { ok, type Result } from '@common/errors'
import {
  HISTORY_SCHEMA_VERSION,
  MAX_HISTORY_RECORDS,
  type DeviceHistory,
  type HistoryFetch,
} from '@common/history/history-types'
import type { ChargingRecord, ChargingRecordPage } from '@common/tellus/schemas'
import type { ChargingRecordQuery } from '../tellus/tellus-client'
import { fetchWithOfflineFallback } from '../devices/device-service'
import type { ActiveClient, ActiveProfile } from '../services/client-registry'
import type { HistoryCache } from './history-cache'

const DAY_MS = 86_400_000
/** Records per page: the API's maximum, as the rate-limit guide advises. */
const PAGE_SIZE = 100

/** What the history service needs from the API client. */
export interface HistorySource {
  listChargingRecords(query: ChargingRecordQuery, options?: { signal?: AbortSignal }): Promise<Result<ChargingRecordPage>>
}

export interface HistoryServiceDeps {
  /** The profile in use and its API client (the client registry). */
  clients: { active(): Promise<Result<ActiveClient<HistorySource>>> }
  cache: Pick<HistoryCache, 'save' | 'load'>
  now?: () => number
}

function byStartDescending(a: ChargingRecord, b: ChargingRecord): number {
  return a.start_time === b.start_time ? a.record_id.localeCompare(b.record_id) : a.start_time < b.start_time ? 1 : -1
}

export class HistoryService {
  private inFlight: AbortController | null = null
  private readonly now: () => number

  constructor(private readonly deps: HistoryServiceDeps) {
    this.now = deps.now ?? Date.now
  }

  /**
   * Fetches the last `days` of a device's charging records, every page. A newer fetch cancels one
   * still in flight. Live: kept on disk. Offline-worthy failure: the kept history plus the error.
   */
  async fetchHistory(deviceId: DeviceId, days: number): Promise<Result<HistoryFetch>> {
    this.inFlight?.abort()
    const controller = new AbortController()
    this.inFlight = controller
    try {
      const fetched = await fetchWithOfflineFallback({
        fetchLive: () => this.fetchLive(deviceId, days, controller.signal),
        readOffline: () => this.cachedHistory(deviceId),
        offlineName: 'offline history',
      })
      if (!fetched.ok) return fetched
      if (fetched.value.source === 'offline') return ok({ source: 'offline', history: fetched.value.offline, error: fetched.value.error })
      const { history, pages } = fetched.value.live
      const saved = await this.deps.cache.save(history)
      return ok(saved.ok ? { source: 'live', history, pages } : { source: 'live', history, pages, storageError: saved.error })
    } finally {
      if (this.inFlight === controller) this.inFlight = null
    }
  }

  /**
   * Fetches and keeps a device's history for a visit's preparation, with the run's profile and
   * client: live only (no offline copy in its place), cancelled by `signal` alone (a lookup's fetch
   * does not cancel it), and a history that could not be kept on disk is a failure.
   */
  async prepareHistory(
    profile: ActiveProfile,
    source: HistorySource,
    deviceId: DeviceId,
    days: number,
    signal: AbortSignal,
  ): Promise<Result<{ fetchedAt: string; records: number; pages: number }>> {
    const fetched = await this.fetchFrom(profile, source, deviceId, days, signal)
    if (!fetched.ok) return fetched
    const { history, pages } = fetched.value
    const saved = await this.deps.cache.save(history)
    return saved.ok ? ok({ fetchedAt: history.fetchedAt, records: history.records.length, pages }) : saved
  }

  /** Every page of the range from the active profile's API client, as the history to keep. */
  private async fetchLive(deviceId: DeviceId, days: number, signal: AbortSignal): Promise<Result<{ history: DeviceHistory; pages: number }>> {
    const active = await this.deps.clients.active()
    if (!active.ok) return active
    return this.fetchFrom(active.value.profile, active.value.client, deviceId, days, signal)
  }

  /** Every page of the range from one profile's client, as the history to keep. */
  private async fetchFrom(profile: ActiveProfile, source: HistorySource, deviceId: DeviceId, days: number, signal: AbortSignal): Promise<Result<{ history: DeviceHistory; pages: number }>> {
    const end = this.now()
    const range = { start: new Date(end - days * DAY_MS).toISOString(), end: new Date(end).toISOString(), days }
    const fetched = await this.allPages(source, deviceId, range, signal)
    if (!fetched.ok) return fetched
    const history: DeviceHistory = {
      schemaVersion: HISTORY_SCHEMA_VERSION,
      deviceId,
      fetchedAt: new Date(this.now()).toISOString(),
      range,
      profileId: profile.id,
      profileName: profile.name,
      baseUrl: profile.baseUrl,
      records: fetched.value.records,
      truncated: fetched.value.truncated,
    }
    return ok({ history, pages: fetched.value.pages })
  }

  /** The history kept on disk for a device, without asking the API (null when there is none). */
  async cachedHistory(deviceId: DeviceId): Promise<Result<DeviceHistory | null>> {
    const cached = await this.deps.cache.load(deviceId)
    return cached.ok ? ok(cached.value.history) : cached
  }

  private async allPages(
    source: HistorySource,
    deviceId: DeviceId,
    range: { start: string; end: string },
    signal: AbortSignal,
  ): Promise<Result<{ records: ChargingRecord[]; pages: number; truncated: boolean }>> {
    const records: ChargingRecord[] = []
    const maxPages = Math.ceil(MAX_HISTORY_RECORDS / PAGE_SIZE)
    for (let page = 1; page <= maxPages; page++) {
      const query = { deviceId, page, size: PAGE_SIZE, startTime: range.start, endTime: range.end }
      const result = await source.listChargingRecords(query, { signal })
      if (!result.ok) return result
      records.push(...result.value.items.filter((record) => record.device_id === deviceId))
      const { items, size, total } = result.value
      if (items.length === 0 || page * size >= total) return ok({ records: records.sort(byStartDescending), pages: page, truncated: false })
    }
    return ok({ records: records.sort(byStartDescending).slice(0, MAX_HISTORY_RECORDS), pages: maxPages, truncated: true })
  }
}
