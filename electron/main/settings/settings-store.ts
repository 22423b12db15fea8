/**
 * App settings (non-secret), kept as JSON in userData and written atomically. A missing or
 * unreadable file means defaults; a bad value is never fatal.
 */
import { readFile } from 'node:fs/promises'
import { join } from 'node:path'
import { z } from 'zod'
import { fail, ok, type Result } from '@common/errors'
import type { Settings } from '@common/ipc/contract'
import { DEFAULT_RETENTION, RetentionSchema } from '@common/snapshots/snapshot-retention'
import { writeFileAtomic } from '../fs/atomic-write'
import { storageError } from '../fs/storage-error'

export const DEFAULT_SETTINGS: Settings = { snapshotRetention: DEFAULT_RETENTION }

const SettingsFileSchema = z.object({ snapshotRetention: RetentionSchema.catch(DEFAULT_SETTINGS.snapshotRetention) }).partial()

export class SettingsStore {
  private current: Settings = { ...DEFAULT_SETTINGS }
  private readonly file: string

  constructor(userDataDir: string) {
    this.file = join(userDataDir, 'settings.json')
  }

  /** Loads the settings file; falls back to defaults when it is missing or unreadable. */
  async load(): Promise<Settings> {
    try {
      const parsed = SettingsFileSchema.safeParse(JSON.parse(await readFile(this.file, 'utf8')))
      this.current = { ...DEFAULT_SETTINGS, ...(parsed.success ? parsed.data : {}) }
    } catch {
      this.current = { ...DEFAULT_SETTINGS }
    }
    return this.get()
  }

  /** The settings in force. */
  get(): Settings {
    return { ...this.current }
  }

  /** Merges and persists a change; on a write failure the old settings stay in force. */
  async update(change: Partial<Settings>): Promise<Result<Settings>> {
    const next = { ...this.current, ...Object.fromEntries(Object.entries(change).filter(([, v]) => v !== undefined)) }
    try {
      await writeFileAtomic(this.file, `${JSON.stringify(next, null, 2)}\n`)
    } catch (error) {
      return fail(storageError(error, { verb: 'write to', place: `the settings file (${this.file})`, consequence: 'settings not saved' }))
    }
    this.current = next
    return ok(this.get())
  }
}

