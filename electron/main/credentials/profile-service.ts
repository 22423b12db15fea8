/**
 * Operator profiles and their secrets. Non-secret data goes to the `ProfileStore`; the
 * client_secret goes to the `SecretStore` (the OS keychain) and nowhere else. A profile is only
 * saved after its credentials were verified against the API, and never when the keychain cannot
 * hold the secret. The built-in demo profile (local simulator) is always listed first.
 */
import { randomUUID } from 'node:crypto'
import { fail, ok, type Result } from '@common/errors'
import type { ProfileInput, ProfileRelink, ProfileUpdate } from '@common/ipc/contract'
import { DEMO_PROFILE_ID, type KeychainState, type ProfilesState, type ProfileView } from '@common/profile-types'
import { originOf, validateBaseUrl } from './base-url'
import { attemptKeychain } from './keychain-errors'
import { maskClientId } from './mask-client-id'
import { demoIsBuiltIn, demoUnavailable, missingSecret, profileNotFound, secretNeededForNewOrigin } from './profile-errors'
import type { ProfilesData, StoredProfile } from './profile-file'
import { cleanClientId, cleanClientSecret, cleanName } from './profile-input'
import { ProfileRecovery } from './profile-recovery'
import type { ProfileStore } from './profile-store'
import { requireKeychain, type SecretStore } from './secret-store'

/** What the API client needs to request a token. */
export interface ProfileCredentials {
  baseUrl: string
  clientId: string
  clientSecret: string
}

/** Why `onProfileChanged` was called; 'credentials-changed' and 'removed' invalidate tokens. */
export type ProfileChange = 'added' | 'renamed' | 'credentials-changed' | 'removed' | 'activated'

/** The built-in demo fleet. */
export interface DemoProfileOptions {
  /** Base URL of the local simulator (may start it). */
  baseUrl: () => Promise<string> | string
  /** Its base URL if it is already running, else null: listing profiles never starts it. */
  runningBaseUrl: () => string | null
  /** The simulator's demo credentials (not a secret: they only open the local demo fleet). */
  credentials: { clientId: string; clientSecret: string }
  name?: string
}

export const DEMO_PROFILE_NAME = 'Demo fleet'
/** The demo profile is built in; it has no creation time of its own. */
const DEMO_CREATED_AT = new Date(0).toISOString()
/** A profile's "last used" reaches profiles.json at most this often; lookups in between stay in memory. */
export const LAST_USED_WRITE_INTERVAL_MS = 10 * 60_000

export interface ProfileServiceOptions {
  store: ProfileStore
  secrets: SecretStore
  /** Requests a token with these credentials; its AppErrors are passed through unchanged. */
  verifyCredentials: (credentials: ProfileCredentials) => Promise<Result<void>>
  now: () => number
  demo: DemoProfileOptions
  /** Called with the profile that was active when the technician signed out. */
  onSignOut?: (profileId: string) => void
  /** Called after a profile was added, edited, removed or activated. */
  onProfileChanged?: (profileId: string, change: ProfileChange) => void
  /** New profile ids; defaults to "prf_<uuid>". */
  newId?: () => string
}

/** Profiles, the active profile, and each profile's credentials. */
export class ProfileService {
  private readonly store: ProfileStore
  private readonly secrets: SecretStore
  private readonly options: ProfileServiceOptions
  private readonly demoName: string
  /** Uses newer than the file's "last used", not yet written (profile id → ISO time). */
  private readonly pendingUse = new Map<string, string>()
  private readonly recovery: ProfileRecovery

  constructor(options: ProfileServiceOptions) {
    this.options = options
    this.store = options.store
    this.secrets = options.secrets
    this.demoName = options.demo.name ?? DEMO_PROFILE_NAME
    this.recovery = new ProfileRecovery({ ...options, takenNames: (data) => this.takenNames(data) })
  }

  /**
   * Every profile (demo first, client ids masked, secret state from the keychain), the keychain
   * state, the damaged-file notice and the keychain entries without a profile.
   */
  async state(): Promise<ProfilesState> {
    const data = await this.store.read()
    const keychain = await this.secrets.probe()
    const stored = keychain.available ? await attemptKeychain(() => this.secrets.list()) : null
    const accounts = stored?.ok ? new Set(stored.value) : null
    const demo: ProfileView = {
      id: DEMO_PROFILE_ID,
      name: this.demoName,
      baseUrl: this.options.demo.runningBaseUrl() ?? '',
      clientIdMasked: maskClientId(this.options.demo.credentials.clientId),
      createdAt: DEMO_CREATED_AT,
      lastUsedAt: this.pendingUse.get(DEMO_PROFILE_ID) ?? data.demoLastUsedAt,
      isDemo: true,
      secret: 'not-needed',
    }
    const profiles = data.profiles.map((p): ProfileView => ({
      id: p.id,
      name: p.name,
      baseUrl: p.baseUrl,
      clientIdMasked: maskClientId(p.clientId),
      createdAt: p.createdAt,
      lastUsedAt: this.pendingUse.get(p.id) ?? p.lastUsedAt,
      isDemo: false,
      secret: accounts === null ? 'unknown' : accounts.has(p.id) ? 'stored' : 'missing',
    }))
    const unlinkedSecrets = this.recovery.unlinked(accounts, data)
    const fileNotice = this.recovery.notice(unlinkedSecrets.length, keychain)
    return { profiles: [demo, ...profiles], activeProfileId: data.activeProfileId, keychain, fileNotice, unlinkedSecrets }
  }

  /**
   * The profile lookups use: the active one, or the demo fleet when none is active (first run,
   * signed out). Reads the profiles file only; no keychain round trip on this hot path.
   */
  async profileInUse(): Promise<Result<{ id: string; name: string; baseUrl: string }>> {
    const data = await this.store.read()
    const active = data.profiles.find((p) => p.id === data.activeProfileId)
    if (active) return ok({ id: active.id, name: active.name, baseUrl: active.baseUrl })
    const demoBaseUrl = await this.demoBaseUrl()
    return demoBaseUrl.ok ? ok({ id: DEMO_PROFILE_ID, name: this.demoName, baseUrl: demoBaseUrl.value }) : demoBaseUrl
  }

  /** The active profile's id, or null when signed out. */
  async activeProfileId(): Promise<string | null> {
    return (await this.store.read()).activeProfileId
  }

  /** Verifies and saves a new profile, stores its secret, and makes it active. Stores nothing on any failure. */
  async add(input: ProfileInput): Promise<Result<ProfilesState>> {
    const data = await this.store.read()
    const name = cleanName(input.name, this.takenNames(data))
    if (!name.ok) return name
    const baseUrl = validateBaseUrl(input.baseUrl)
    if (!baseUrl.ok) return baseUrl
    const clientId = cleanClientId(input.clientId)
    if (!clientId.ok) return clientId
    const clientSecret = cleanClientSecret(input.clientSecret)
    if (!clientSecret.ok) return clientSecret

    const keychain = await this.requireKeychain()
    if (!keychain.ok) return keychain
    const verified = await this.options.verifyCredentials({ baseUrl: baseUrl.value, clientId: clientId.value, clientSecret: clientSecret.value })
    if (!verified.ok) return verified

    const id = (this.options.newId ?? defaultId)()
    const savedSecret = await attemptKeychain(() => this.secrets.set(id, clientSecret.value))
    if (!savedSecret.ok) return savedSecret
    const profile: StoredProfile = { id, name: name.value, baseUrl: baseUrl.value, clientId: clientId.value, createdAt: this.isoNow(), lastUsedAt: null }
    const saved = await this.store.update((current) => {
      const stillFree = cleanName(profile.name, this.takenNames(current))
      if (!stillFree.ok) return stillFree
      return ok({ ...current, profiles: [...current.profiles, profile], activeProfileId: id })
    })
    if (!saved.ok) {
      await attemptKeychain(() => this.secrets.delete(id))
      return saved
    }
    this.options.onProfileChanged?.(id, 'added')
    return ok(await this.state())
  }

  /**
   * Edits a profile. The secret is replaced only when a new one is given; changed credentials
   * (base URL, client id or secret) are verified first, with the stored secret when none was given.
   * The stored secret is never sent to a new origin (scheme, host, port): moving a profile to another
   * server needs the secret entered again.
   */
  async update(input: ProfileUpdate): Promise<Result<ProfilesState>> {
    if (input.id === DEMO_PROFILE_ID) return fail(demoIsBuiltIn('edited'))
    const data = await this.store.read()
    const current = data.profiles.find((p) => p.id === input.id)
    if (!current) return fail(profileNotFound())
    const others = data.profiles.filter((p) => p.id !== current.id)

    const name = input.name === undefined ? ok(current.name) : cleanName(input.name, this.takenNames({ ...data, profiles: others }))
    if (!name.ok) return name
    const baseUrl = input.baseUrl === undefined ? ok(current.baseUrl) : validateBaseUrl(input.baseUrl)
    if (!baseUrl.ok) return baseUrl
    const clientId = input.clientId === undefined ? ok(current.clientId) : cleanClientId(input.clientId)
    if (!clientId.ok) return clientId
    const newSecret = input.clientSecret === undefined ? null : cleanClientSecret(input.clientSecret)
    if (newSecret && !newSecret.ok) return newSecret
    if (!newSecret && originOf(baseUrl.value) !== originOf(current.baseUrl)) return fail(secretNeededForNewOrigin(originOf(baseUrl.value)))

    const endpointChanged = baseUrl.value !== current.baseUrl || clientId.value !== current.clientId
    let previousSecret: string | null = null
    let secretChanged = false
    if (newSecret || endpointChanged) {
      const keychain = await this.requireKeychain()
      if (!keychain.ok) return keychain
      const stored = await attemptKeychain(() => this.secrets.get(current.id))
      if (!stored.ok) return stored
      previousSecret = stored.value
      secretChanged = newSecret !== null && newSecret.value !== previousSecret
      const effectiveSecret = newSecret?.value ?? previousSecret
      if (effectiveSecret === null) return fail(missingSecret(current.name))
      if (endpointChanged || secretChanged) {
        const verified = await this.options.verifyCredentials({ baseUrl: baseUrl.value, clientId: clientId.value, clientSecret: effectiveSecret })
        if (!verified.ok) return verified
      }
      if (secretChanged && newSecret) {
        const savedSecret = await attemptKeychain(() => this.secrets.set(current.id, newSecret.value))
        if (!savedSecret.ok) return savedSecret
      }
    }

    const updated: StoredProfile = { ...current, name: name.value, baseUrl: baseUrl.value, clientId: clientId.value }
    const saved = await this.store.update((latest) => {
      if (!latest.profiles.some((p) => p.id === current.id)) return fail(profileNotFound())
      const stillFree = cleanName(updated.name, this.takenNames({ ...latest, profiles: latest.profiles.filter((p) => p.id !== current.id) }))
      if (!stillFree.ok) return stillFree
      return ok({ ...latest, profiles: latest.profiles.map((p) => (p.id === current.id ? { ...p, ...updated, lastUsedAt: p.lastUsedAt } : p)) })
    })
    if (!saved.ok) {
      if (secretChanged) await this.restoreSecret(current.id, previousSecret)
      return saved
    }
    const credentialsChanged = endpointChanged || secretChanged
    if (credentialsChanged || updated.name !== current.name) {
      this.options.onProfileChanged?.(current.id, credentialsChanged ? 'credentials-changed' : 'renamed')
    }
    return ok(await this.state())
  }

  /**
   * Removes a profile and its keychain entry. Refused (nothing removed) when the keychain cannot
   * delete the secret, so no secret is left behind unseen. Unknown ids are already gone: success.
   */
  async remove(id: string): Promise<Result<ProfilesState>> {
    if (id === DEMO_PROFILE_ID) return fail(demoIsBuiltIn('removed'))
    const data = await this.store.read()
    if (!data.profiles.some((p) => p.id === id)) return ok(await this.state())
    const keychain = await this.requireKeychain()
    if (!keychain.ok) return keychain
    const deleted = await attemptKeychain(() => this.secrets.delete(id))
    if (!deleted.ok) return deleted
    const saved = await this.store.update((latest) =>
      ok({
        ...latest,
        profiles: latest.profiles.filter((p) => p.id !== id),
        activeProfileId: latest.activeProfileId === id ? null : latest.activeProfileId,
      }),
    )
    if (!saved.ok) return saved
    this.options.onProfileChanged?.(id, 'removed')
    return ok(await this.state())
  }

  /** Makes a profile (or the demo) the active one. */
  async activate(id: string): Promise<Result<ProfilesState>> {
    const saved = await this.store.update((latest) => {
      if (id !== DEMO_PROFILE_ID && !latest.profiles.some((p) => p.id === id)) return fail(profileNotFound())
      return ok({ ...latest, activeProfileId: id })
    })
    if (!saved.ok) return saved
    this.options.onProfileChanged?.(id, 'activated')
    return ok(await this.state())
  }

  /** Leaves the active profile (its secret stays in the keychain) and tells `onSignOut`. */
  async signOut(): Promise<Result<ProfilesState>> {
    const previous = (await this.store.read()).activeProfileId
    const saved = await this.store.update((latest) => ok({ ...latest, activeProfileId: null }))
    if (!saved.ok) return saved
    if (previous !== null) this.options.onSignOut?.(previous)
    return ok(await this.state())
  }

  /** The base URL, client id and secret (from the keychain) for the API client. */
  async credentialsFor(profileId: string): Promise<Result<ProfileCredentials>> {
    if (profileId === DEMO_PROFILE_ID) {
      const baseUrl = await this.demoBaseUrl()
      return baseUrl.ok ? ok({ baseUrl: baseUrl.value, ...this.options.demo.credentials }) : baseUrl
    }
    const profile = (await this.store.read()).profiles.find((p) => p.id === profileId)
    if (!profile) return fail(profileNotFound())
    const baseUrl = validateBaseUrl(profile.baseUrl)
    if (!baseUrl.ok) return baseUrl
    const secret = await attemptKeychain(() => this.secrets.get(profileId))
    if (!secret.ok) return secret
    if (secret.value !== null) return ok({ baseUrl: baseUrl.value, clientId: profile.clientId, clientSecret: secret.value })
    // A locked keychain also answers "nothing": say which it is.
    const keychain = await this.requireKeychain()
    return keychain.ok ? fail(missingSecret(profile.name)) : keychain
  }

  /**
   * Records that a profile was just used. Unknown ids are ignored. The profiles file is rewritten
   * only when its "last used" is older than LAST_USED_WRITE_INTERVAL_MS; newer uses are kept in
   * memory (and shown) until then or until `flush`, so a lookup does not cost a file write.
   */
  async touch(profileId: string): Promise<Result<void>> {
    const when = this.isoNow()
    const data = await this.store.read()
    const stored = profileId === DEMO_PROFILE_ID ? data.demoLastUsedAt : data.profiles.find((p) => p.id === profileId)?.lastUsedAt
    if (stored === undefined) return ok(undefined)
    if (stored !== null && Date.parse(when) - Date.parse(stored) < LAST_USED_WRITE_INTERVAL_MS) {
      this.pendingUse.set(profileId, when)
      return ok(undefined)
    }
    this.pendingUse.delete(profileId)
    return this.writeLastUsed(new Map([[profileId, when]]))
  }

  /** Writes the "last used" times still held in memory (called when the app quits). */
  async flush(): Promise<Result<void>> {
    if (this.pendingUse.size === 0) return ok(undefined)
    const uses = new Map(this.pendingUse)
    this.pendingUse.clear()
    return this.writeLastUsed(uses)
  }

  private async writeLastUsed(uses: ReadonlyMap<string, string>): Promise<Result<void>> {
    const saved = await this.store.update((latest) =>
      ok({
        ...latest,
        demoLastUsedAt: uses.get(DEMO_PROFILE_ID) ?? latest.demoLastUsedAt,
        profiles: latest.profiles.map((p) => ({ ...p, lastUsedAt: uses.get(p.id) ?? p.lastUsedAt })),
      }),
    )
    return saved.ok ? ok(undefined) : saved
  }

  /** Recreates a lost profile around a keychain secret no profile uses, and makes it active (see `ProfileRecovery`). */
  async relink(input: ProfileRelink): Promise<Result<ProfilesState>> {
    const relinked = await this.recovery.relink(input)
    if (!relinked.ok) return relinked
    this.options.onProfileChanged?.(relinked.value.id, 'added')
    return ok(await this.state())
  }

  /** Deletes a keychain entry no profile uses. */
  async forgetUnlinked(account: string): Promise<Result<ProfilesState>> {
    const forgotten = await this.recovery.forget(account)
    return forgotten.ok ? ok(await this.state()) : forgotten
  }

  /** Hides the damaged-profiles-file notice for the rest of the session. */
  async dismissFileNotice(): Promise<Result<ProfilesState>> {
    this.recovery.dismiss()
    return ok(await this.state())
  }

  private requireKeychain(): Promise<Result<KeychainState>> {
    return requireKeychain(this.secrets)
  }

  private async restoreSecret(id: string, previous: string | null): Promise<void> {
    if (previous === null) await attemptKeychain(() => this.secrets.delete(id))
    else await attemptKeychain(() => this.secrets.set(id, previous))
  }

  private async demoBaseUrl(): Promise<Result<string>> {
    try {
      return ok(await this.options.demo.baseUrl())
    } catch {
      return fail(demoUnavailable())
    }
  }

  private takenNames(data: ProfilesData): string[] {
    return [this.demoName, ...data.profiles.map((p) => p.name)]
  }

  private isoNow(): string {
    return new Date(this.options.now()).toISOString()
  }
}

function defaultId(): string {
  return `prf_${randomUUID()}`
}
