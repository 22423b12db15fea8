/**
 * The last fetched charging history of each device, one JSON file per device under
 * `<userData>/history/`, written atomically, so a device's history opens offline. A file that
 * cannot be read back is moved aside (never fatal) and reported.
 */
import { mkdir, readFile, rename } from 'node:fs/promises'
import { join } from 'node:path'
import { z } from 'zod'
import { appError, fail, ok, type Result } from '@common/errors'
import { HISTORY_SCHEMA_VERSION, type DeviceHistory } from '@common/history/history-types'
import { DEVICE_ID_PATTERN } from '@common/devices/device-id'
import { ChargingRecordSchema } from '@common/tellus/schemas'
import { writeFileAtomic } from '../fs/atomic-write'
import { errorCode, storageError } from '../fs/storage-error'

const DeviceHistoryFileSchema = z.object({
  schemaVersion: z.literal(HISTORY_SCHEMA_VERSION),
  deviceId: z.string().regex(DEVICE_ID_PATTERN),
  fetchedAt: z.string(),
  range: z.object({ start: z.string(), end: z.string(), days: z.number() }),
  profileId: z.string(),
  profileName: z.string(),
  baseUrl: z.string(),
  records: z.array(ChargingRecordSchema),
  truncated: z.boolean(),
})

function parseJson(text: string) {
  try {
    return DeviceHistoryFileSchema.safeParse(JSON.parse(text))
  } catch {
    return null
  }
}

/** What reading a device's cached history found. `movedAside` says a damaged file was put out of the way. */
export interface CachedHistory {
  history: DeviceHistory | null
  movedAside?: string
}

export class HistoryCache {
  readonly dir: string

  constructor(
    userDataDir: string,
    private readonly now: () => number = Date.now,
  ) {
    this.dir = join(userDataDir, 'history')
  }

  private fileOf(deviceId: string): string | null {
    return DEVICE_ID_PATTERN.test(deviceId) ? join(this.dir, `${deviceId}.json`) : null
  }

  /** Keeps `history` as the device's offline history, replacing the previous one. */
  async save(history: DeviceHistory): Promise<Result<void>> {
    const file = this.fileOf(history.deviceId)
    if (!file) return fail(appError('invalid-input', 'That device id cannot be stored.'))
    try {
      await mkdir(this.dir, { recursive: true })
      await writeFileAtomic(file, JSON.stringify(history))
      return ok(undefined)
    } catch (error) {
      return fail(storageError(error, { verb: 'write to', place: `the history folder (${this.dir})`, consequence: 'history not kept for offline use' }))
    }
  }

  /** The device's cached history; null when none was kept. A damaged file is moved aside and reported. */
  async load(deviceId: string): Promise<Result<CachedHistory>> {
    const file = this.fileOf(deviceId)
    if (!file) return ok({ history: null })
    let text: string
    try {
      text = await readFile(file, 'utf8')
    } catch (error) {
      if (errorCode(error) === 'ENOENT') return ok({ history: null })
      return fail(storageError(error, { verb: 'read', place: `the history folder (${this.dir})`, consequence: 'offline history not available' }))
    }
    const parsed = parseJson(text)
    if (parsed?.success && parsed.data.deviceId === deviceId) return ok({ history: parsed.data })
    const movedTo = `${file}.damaged-${new Date(this.now()).toISOString().replace(/[-:.]/g, '')}`
    const moved = await rename(file, movedTo).then(
      () => movedTo,
      () => file,
    )
    return ok({ history: null, movedAside: moved })
  }
}
