/**
 * Operator profiles (no secrets) persisted as JSON in `<userData>/profiles.json`, written
 * atomically. A file that is unreadable as profiles is moved aside to
 * `profiles.json.corrupt-<ms>` and reported through `recovered`; the app goes on with an empty
 * list. Changes go through `update`, one at a time, so concurrent edits never lose each other.
 */
import { mkdir, readdir, readFile, rename, rm } from 'node:fs/promises'
import { join } from 'node:path'
import { appError, fail, ok, type AppError, type Result } from '@common/errors'
import { DEMO_PROFILE_ID } from '@common/profile-types'
import { TEMP_MARKER, writeFileAtomic } from '../fs/atomic-write'
import type { Logger } from '../logger'
import { emptyProfilesData, PROFILES_FILE_VERSION, ProfilesFileSchema, type ProfilesData } from './profile-file'

export const PROFILES_FILE = 'profiles.json'

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
}

/** Loads and saves the profiles file. */
export class ProfileStore {
  /** Full path of profiles.json. */
  readonly path: string
  /** Set when the file could not be used on load: what happened and what to do. */
  recovered: AppError | null = null
  /** The same, as data: a damaged file (its profiles are lost) or an unreadable one (left in place). */
  problem: ProfilesFileProblem | null = null
  private readonly dir: string
  private readonly now: () => number
  private readonly logger: Logger | undefined
  private data: Promise<ProfilesData> | null = null
  private queue: Promise<unknown> = Promise.resolve()

  /** Takes the userData folder, or options. */
  constructor(options: string | ProfileStoreOptions) {
    if (typeof options === 'string') options = { userDataDir: options }
    this.dir = options.userDataDir
    this.path = join(options.userDataDir, PROFILES_FILE)
    this.now = options.now ?? Date.now
    this.logger = options.logger
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
    const run = this.queue.then(async () => {
      const next = change(await this.read())
      if (!next.ok) return next
      const normalized = dropDanglingActive(next.value)
      try {
        await mkdir(this.dir, { recursive: true })
        const file = { version: PROFILES_FILE_VERSION, ...normalized }
        await writeFileAtomic(this.path, `${JSON.stringify(file, null, 2)}\n`)
      } catch (error) {
        this.logger?.error(`profiles: could not save ${this.path}: ${describe(error)}`)
        return fail<ProfilesData>(
          appError('storage', 'Tellus Field could not save the profiles list.', {
            action: `Check that the disk is not full and that ${this.dir} is writable, then try again.`,
          }),
        )
      }
      this.data = Promise.resolve(clone(normalized))
      return ok(clone(normalized))
    })
    this.queue = run.catch(() => undefined)
    return run
  }

  private async load(): Promise<ProfilesData> {
    await this.removeLeftoverTempFiles()
    let text: string
    try {
      text = await readFile(this.path, 'utf8')
    } catch (error) {
      if ((error as NodeJS.ErrnoException).code === 'ENOENT') return emptyProfilesData()
      this.logger?.error(`profiles: could not read ${this.path}: ${describe(error)}`)
      this.problem = { kind: 'unreadable' }
      this.recovered = appError('storage', `Tellus Field could not read your profiles file ${this.path} (${codeOf(error)}) and started without your operator profiles.`, {
        action: `Check that ${this.path} is readable, then restart Tellus Field.`,
      })
      return emptyProfilesData()
    }
    const parsed = ProfilesFileSchema.safeParse(parseJson(text))
    if (parsed.success) {
      const { version: _version, ...data } = parsed.data
      return dropDanglingActive(data)
    }
    await this.moveAside()
    return emptyProfilesData()
  }

  private async moveAside(): Promise<void> {
    const aside = `${this.path}.corrupt-${this.now()}`
    try {
      await rename(this.path, aside)
    } catch (error) {
      this.logger?.error(`profiles: ${this.path} was damaged and could not be moved aside: ${describe(error)}`)
      this.problem = { kind: 'damaged', movedTo: null }
      this.recovered = appError('storage', `Your profiles file ${this.path} was damaged and could not be moved aside (${codeOf(error)}). Tellus Field started without your operator profiles.`, {
        action: `Saving a profile will replace that file: copy it elsewhere first to keep it. ${NOT_AFFECTED}`,
      })
      return
    }
    this.logger?.warn(`profiles: ${this.path} was damaged; moved aside to ${aside}`)
    this.problem = { kind: 'damaged', movedTo: aside }
    this.recovered = appError('storage', `Your profiles file was damaged and moved to ${aside}. Tellus Field started without your operator profiles.`, {
      action: `Add your operator profiles again. ${NOT_AFFECTED}`,
    })
  }

  private async removeLeftoverTempFiles(): Promise<void> {
    const prefix = `${PROFILES_FILE}${TEMP_MARKER}`
    for (const name of await readdir(this.dir).catch(() => [] as string[])) {
      if (name.startsWith(prefix)) await rm(join(this.dir, name), { force: true }).catch(() => undefined)
    }
  }
}

function parseJson(text: string): unknown {
  try {
    return JSON.parse(text) as unknown
  } catch {
    return undefined
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

function codeOf(error: unknown): string {
  return (error as NodeJS.ErrnoException).code ?? 'error'
}

function describe(error: unknown): string {
  return error instanceof Error ? error.message : String(error)
}
