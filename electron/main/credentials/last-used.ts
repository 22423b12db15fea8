/**
 * When each profile (the demo too) was last used. A lookup records it; profiles.json gets it at most
 * every LAST_USED_WRITE_INTERVAL_MS per profile, newer uses are kept in memory (and shown) until
 * then or until `flush` when the app quits, so a lookup does not cost a file write.
 */
import { ok, type Result } from '@common/errors'
import { DEMO_PROFILE_ID } from '@common/profile-types'
import type { ProfileStore } from './profile-store'

/** A profile's "last used" reaches profiles.json at most this often; lookups in between stay in memory. */
export const LAST_USED_WRITE_INTERVAL_MS = 10 * 60_000

/** The profiles' last uses, written to the profiles file sparingly. */
export class LastUsed {
  /** Uses newer than the file's "last used", not yet written (profile id → ISO time). */
  private readonly pending = new Map<string, string>()

  constructor(
    private readonly store: ProfileStore,
    private readonly now: () => number,
  ) {}

  /** A profile's last use: the newer one held in memory, else the one on file. */
  of(profileId: string, onFile: string | null): string | null {
    return this.pending.get(profileId) ?? onFile
  }

  /**
   * Records that a profile was just used. Unknown ids are ignored. The profiles file is rewritten
   * only when its "last used" is older than LAST_USED_WRITE_INTERVAL_MS.
   */
  async touch(profileId: string): Promise<Result<void>> {
    const when = new Date(this.now()).toISOString()
    const data = await this.store.read()
    const onFile = profileId === DEMO_PROFILE_ID ? data.demoLastUsedAt : data.profiles.find((p) => p.id === profileId)?.lastUsedAt
    if (onFile === undefined) return ok(undefined)
    if (onFile !== null && Date.parse(when) - Date.parse(onFile) < LAST_USED_WRITE_INTERVAL_MS) {
      this.pending.set(profileId, when)
      return ok(undefined)
    }
    this.pending.delete(profileId)
    return this.write(new Map([[profileId, when]]))
  }

  /** Writes the uses still held in memory (called when the app quits). */
  async flush(): Promise<Result<void>> {
    if (this.pending.size === 0) return ok(undefined)
    const uses = new Map(this.pending)
    this.pending.clear()
    return this.write(uses)
  }

  private async write(uses: ReadonlyMap<string, string>): Promise<Result<void>> {
    const saved = await this.store.update((latest) =>
      ok({
        ...latest,
        demoLastUsedAt: uses.get(DEMO_PROFILE_ID) ?? latest.demoLastUsedAt,
        profiles: latest.profiles.map((p) => ({ ...p, lastUsedAt: uses.get(p.id) ?? p.lastUsedAt })),
      }),
    )
    return saved.ok ? ok(undefined) : saved
  }
}
