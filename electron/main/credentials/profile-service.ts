/**
 * Operator profiles and their secrets, as the rest of the app uses them: the state the Profiles
 * view shows, the profile lookups use, activation and sign-out, the credentials for the API client.
 * Non-secret data goes to the `ProfileStore`; the client_secret goes to the `SecretStore` (the OS
 * keychain) and nowhere else. Adding, editing and removing are `ProfileEdits` (a profile is only
 * saved after its credentials were verified), recovering from a lost profiles file is
 * `ProfileRecovery`, and "last used" is `LastUsed`. The built-in demo profile is always listed first.
 */
import { fail, ok, type Result } from '@common/errors'
import type { ProfileInput, ProfileRelink, ProfileUpdate } from '@common/ipc/contract'
import { DEMO_PROFILE_ID, type KeychainState, type ProfilesState } from '@common/profile-types'
import { attemptKeychain } from './keychain-errors'
import { LastUsed } from './last-used'
import { ProfileEdits } from './profile-edits'
import { demoUnavailable, missingSecret, profileNotFound } from './profile-errors'
import { validateBaseUrl } from './profile-input'
import { ProfileRecovery } from './profile-recovery'
import type { ProfilesData, ProfileStore } from './profile-store'
import { profileViews } from './profile-view'
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
  /** When each profile was last used: a live lookup records it (`touch`), quitting writes it (`flush`). */
  readonly lastUsed: LastUsed
  private readonly edits: ProfileEdits
  private readonly recovery: ProfileRecovery

  constructor(options: ProfileServiceOptions) {
    this.options = options
    this.store = options.store
    this.secrets = options.secrets
    this.demoName = options.demo.name ?? DEMO_PROFILE_NAME
    this.lastUsed = new LastUsed(options.store, options.now)
    this.edits = new ProfileEdits({ ...options, takenNames: (data) => this.takenNames(data) })
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
    const demo = { name: this.demoName, clientId: this.options.demo.credentials.clientId, baseUrl: this.options.demo.runningBaseUrl() ?? '' }
    const profiles = profileViews(data, { demo, accounts, lastUsed: (id, onFile) => this.lastUsed.of(id, onFile) })
    const unlinkedSecrets = this.recovery.unlinked(accounts, data)
    const fileNotice = this.recovery.notice(unlinkedSecrets.length, keychain)
    return { profiles, activeProfileId: data.activeProfileId, keychain, fileNotice, unlinkedSecrets }
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

  /** Verifies and saves a new profile, stores its secret, and makes it active (see `ProfileEdits`). */
  async add(input: ProfileInput): Promise<Result<ProfilesState>> {
    const added = await this.edits.add(input)
    if (!added.ok) return added
    this.options.onProfileChanged?.(added.value, 'added')
    return ok(await this.state())
  }

  /** Edits a profile; changed credentials are verified first, and a new server needs the secret again. */
  async update(input: ProfileUpdate): Promise<Result<ProfilesState>> {
    const change = await this.edits.update(input)
    if (!change.ok) return change
    if (change.value) this.options.onProfileChanged?.(input.id, change.value)
    return ok(await this.state())
  }

  /** Removes a profile and its keychain entry (refused, nothing removed, when the keychain cannot delete it). */
  async remove(id: string): Promise<Result<ProfilesState>> {
    const removed = await this.edits.remove(id)
    if (!removed.ok) return removed
    if (removed.value) this.options.onProfileChanged?.(id, 'removed')
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

}
