/**
 * Operator profiles (no secrets) persisted as JSON in `<userData>/profiles.json`: the file's
 * shape (validated on load; a file that fails validation is damaged), and its store, through the
 * shared JSON-file helpers of `fs/` (atomic write, storage errors, move-aside) over a file system
 * passed in. A file that is unreadable as profiles is moved aside to `profiles.json.corrupt-<ms>`
 * and reported through `recovered` and `problem`; the app goes on with an empty list. Changes go
 * through `update`, one at a time, so concurrent edits never lose each other.
 */
import { join } from 'node:path'
import { z } from 'zod'
import { appError, ok, type AppError, type Result } from '@common/errors'
import { DEMO_PROFILE_ID, PROFILE_INPUT_LIMITS } from '@common/profile-types'
import { nodeJsonFileFs, readJsonFile, removeTempFilesOf, writeJsonFile, type JsonFileFs } from '../fs/json-file'
import { moveAside } from '../fs/move-aside'
import { errorCode } from '../fs/storage-error'
import type { Logger } from '../logger'
import { SerialQueue } from '../fs/serial-queue'

export const PROFILES_FILE = 'profiles.json'
export const PROFILES_FILE_VERSION = 1

/** One operator profile as stored on disk (never its secret). */
export const StoredProfileSchema = z.object({
  id: z.string().min(1).max(200),
  name: z.string().min(1).max(200),
  baseUrl: z.string().min(1).max(PROFILE_INPUT_LIMITS.baseUrl),
  clientId: z.string().min(1).max(PROFILE_INPUT_LIMITS.clientId),
  createdAt: z.iso.datetime(),
  lastUsedAt: z.iso.datetime().nullable(),
})
export type StoredProfile = z.infer<typeof StoredProfileSchema>

/** The whole file. `demoLastUsedAt` is the demo profile's only stored state. */
export const ProfilesFileSchema = z
  .object({
    version: z.literal(PROFILES_FILE_VERSION),
    activeProfileId: z.string().min(1).nullable(),
    demoLastUsedAt: z.iso.datetime().nullable(),
    profiles: z.array(StoredProfileSchema),
  })
  .refine((file) => new Set(file.profiles.map((p) => p.id)).size === file.profiles.length, {
    message: 'duplicate profile ids',
  })

/** The profiles file contents the services work with. */
export type ProfilesData = Omit<z.infer<typeof ProfilesFileSchema>, 'version'>

/** The contents before anything has been saved. */
export function emptyProfilesData(): ProfilesData {
  return { activeProfileId: null, demoLastUsedAt: null, profiles: [] }
}

/** What went wrong with the profiles file on load; `movedTo` is null when it could not be moved aside. */
export type ProfilesFileProblem = { kind: 'damaged'; movedTo: string | null } | { kind: 'unreadable' }

/** The part of every "profiles lost" message that reassures. */
export const NOT_AFFECTED = 'The demo fleet and offline snapshots are not affected.'

export interface ProfileStoreOptions {
  /** The app's userData folder (created when missing). */
  userDataDir: string
  /** Clock for the name of a moved-aside damaged file. */
  now?: () => number
  logger?: Logger
  /** The file system (node:fs/promises by default; tests fail single calls). */
  fs?: JsonFileFs
}

/** Loads and saves the profiles file. */
export class ProfileStore {
  /** Full path of profiles.json. */
  readonly path: string
  /** Set when the file could not be used on load: what happened and what to do. */
  recovered: AppError | null = null
  /** The same, as data: a damaged file (its profiles are lost) or an unreadable one (left in place). */
  problem: ProfilesFileProblem | null = null
  private readonly now: () => number
  private readonly logger: Logger | undefined
  private readonly fs: JsonFileFs
  private readonly queue = new SerialQueue()
  private data: Promise<ProfilesData> | null = null

  /** Takes the userData folder, or options. */
  constructor(options: string | ProfileStoreOptions) {
    if (typeof options === 'string') options = { userDataDir: options }
    this.path = join(options.userDataDir, PROFILES_FILE)
    this.now = options.now ?? Date.now
    this.logger = options.logger
    this.fs = options.fs ?? nodeJsonFileFs
  }

  /** The current profiles (loaded from disk once, then kept in memory). Never rejects. */
  read(): Promise<ProfilesData> {
    this.data ??= this.load()
    return this.data.then(clone)
  }

  /**
   * Applies `change` to the current data and saves the result. A failed change saves nothing and
   * is returned as is; a failed write is returned as a 'storage' error and leaves the data as it was.
   */
  update(change: (data: ProfilesData) => Result<ProfilesData>): Promise<Result<ProfilesData>> {
    return this.queue.run(async () => {
      const next = change(await this.read())
      if (!next.ok) return next
      const normalized = dropDanglingActive(next.value)
      const file = { version: PROFILES_FILE_VERSION, ...normalized }
      const written = await writeJsonFile(this.fs, this.path, file, { verb: 'write to', place: `the profiles file (${this.path})`, consequence: 'profiles not saved' }, { createFolder: true })
      if (!written.ok) {
        this.logger?.error(`profiles: could not save ${this.path}: ${written.error.message}`)
        return written
      }
      this.data = Promise.resolve(clone(normalized))
      return ok(clone(normalized))
    })
  }

  private async load(): Promise<ProfilesData> {
    await removeTempFilesOf(this.fs, this.path)
    const read = await readJsonFile(this.fs, this.path, ProfilesFileSchema, 'profiles list')
    switch (read.kind) {
      case 'missing':
        return emptyProfilesData()
      case 'ok': {
        const { version: _version, ...data } = read.value
        return dropDanglingActive(data)
      }
      case 'unreadable': {
        const code = errorCode(read.error) ?? 'error'
        this.logger?.error(`profiles: could not read ${this.path} (${code})`)
        this.problem = { kind: 'unreadable' }
        this.recovered = appError('storage', `Tellus Field could not read your profiles file ${this.path} (${code}) and started without your operator profiles.`, {
          action: `Check that ${this.path} is readable, then restart Tellus Field.`,
        })
        return emptyProfilesData()
      }
      case 'damaged':
        await this.moveAside(read.reason)
        return emptyProfilesData()
    }
  }

  private async moveAside(reason: string): Promise<void> {
    const moved = await moveAside(this.fs, this.path, `${this.path}.corrupt-${this.now()}`, reason)
    if (moved.movedTo === this.path) {
      this.logger?.error(`profiles: ${this.path} was damaged and not moved aside: ${moved.reason}`)
      this.problem = { kind: 'damaged', movedTo: null }
      this.recovered = appError('storage', `Your profiles file ${this.path} was damaged: ${moved.reason} Tellus Field started without your operator profiles.`, {
        action: `Saving a profile will replace that file: copy it elsewhere first to keep it. ${NOT_AFFECTED}`,
      })
      return
    }
    this.logger?.warn(`profiles: ${this.path} was damaged; moved aside to ${moved.movedTo} (${reason})`)
    this.problem = { kind: 'damaged', movedTo: moved.movedTo }
    this.recovered = appError('storage', `Your profiles file was damaged and moved to ${moved.movedTo}. Tellus Field started without your operator profiles.`, {
      action: `Add your operator profiles again. ${NOT_AFFECTED}`,
    })
  }
}

/** An active id that names no profile (and is not the demo) is cleared rather than trusted. */
function dropDanglingActive(data: ProfilesData): ProfilesData {
  const active = data.activeProfileId
  if (active === null || active === DEMO_PROFILE_ID || data.profiles.some((p) => p.id === active)) return data
  return { ...data, activeProfileId: null }
}

function clone(data: ProfilesData): ProfilesData {
  return { ...data, profiles: data.profiles.map((p) => ({ ...p })) }
}
