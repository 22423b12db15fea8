/**
 * App settings (non-secret), kept as JSON in `<userData>/settings.json` through the shared
 * JSON-file helpers of `fs/` (atomic write, storage errors) over a file system passed in. A
 * missing, unreadable or damaged file means defaults; a bad value is never fatal. Changes are
 * written one at a time.
 */
import { join } from 'node:path'
import { z } from 'zod'
import { ok, type Result } from '@common/errors'
import type { Settings } from '@common/ipc/contract'
import { DEFAULT_RETENTION, RetentionSchema } from '@common/snapshots/snapshot-retention'
import { nodeJsonFileFs, readJsonFile, writeJsonFile, type JsonFileFs } from '../fs/json-file'
import { SerialQueue } from '../fs/serial-queue'

export const DEFAULT_SETTINGS: Settings = { snapshotRetention: DEFAULT_RETENTION }

const SettingsFileSchema = z.object({ snapshotRetention: RetentionSchema.catch(DEFAULT_SETTINGS.snapshotRetention) }).partial()

/** The settings in force, loaded from and saved to settings.json. */
export class SettingsStore {
  private current: Settings = { ...DEFAULT_SETTINGS }
  private readonly file: string
  private readonly fs: JsonFileFs
  private readonly queue = new SerialQueue()

  /** `fs` is the file system (node:fs/promises by default; tests fail single calls). */
  constructor(userDataDir: string, options: { fs?: JsonFileFs } = {}) {
    this.file = join(userDataDir, 'settings.json')
    this.fs = options.fs ?? nodeJsonFileFs
  }

  /** Loads the settings file; falls back to defaults when it is missing, unreadable or damaged. */
  async load(): Promise<Settings> {
    const read = await readJsonFile(this.fs, this.file, SettingsFileSchema, 'settings')
    this.current = { ...DEFAULT_SETTINGS, ...(read.kind === 'ok' ? read.value : {}) }
    return this.get()
  }

  /** The settings in force. */
  get(): Settings {
    return { ...this.current }
  }

  /** Merges and persists a change; on a write failure the old settings stay in force. */
  update(change: Partial<Settings>): Promise<Result<Settings>> {
    return this.queue.run(async () => {
      const next = { ...this.current, ...Object.fromEntries(Object.entries(change).filter(([, v]) => v !== undefined)) }
      const written = await writeJsonFile(this.fs, this.file, next, { verb: 'write to', place: `the settings file (${this.file})`, consequence: 'settings not saved' })
      if (!written.ok) return written
      this.current = next
      return ok(this.get())
    })
  }
}
