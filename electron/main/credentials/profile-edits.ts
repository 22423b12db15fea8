/**
 * Changing the list of operator profiles: adding one (its credentials verified with the API, its
 * secret stored in the keychain), editing one (changed credentials verified first; the stored
 * secret never sent to a new origin), removing one with its keychain entry. Each change stores
 * nothing on any failure: a secret written before a failed save is taken back.
 */
import { randomUUID } from 'node:crypto'
import { fail, ok, type Result } from '@common/errors'
import type { ProfileInput, ProfileUpdate } from '@common/ipc/contract'
import { DEMO_PROFILE_ID } from '@common/profile-types'
import { attemptKeychain } from './keychain-errors'
import { demoIsBuiltIn, missingSecret, profileNotFound, secretNeededForNewOrigin } from './profile-errors'
import { cleanClientId, cleanClientSecret, cleanName, cleanProfileFields, originOf, validateBaseUrl } from './profile-input'
import type { ProfileChange, ProfileCredentials } from './profile-service'
import type { ProfilesData, ProfileStore, StoredProfile } from './profile-store'
import { requireKeychain, type SecretStore } from './secret-store'

export interface ProfileEditsOptions {
  store: ProfileStore
  secrets: SecretStore
  verifyCredentials: (credentials: ProfileCredentials) => Promise<Result<void>>
  /** Names no other profile may take (the demo's and every profile's). */
  takenNames: (data: ProfilesData) => string[]
  now: () => number
  /** New profile ids; defaults to "prf_<uuid>". */
  newId?: () => string
}

/** Adds, edits and removes operator profiles with their keychain entries. */
export class ProfileEdits {
  constructor(private readonly options: ProfileEditsOptions) {}

  /** Verifies and saves a new profile, stores its secret, and makes it active; returns its id. */
  async add(input: ProfileInput): Promise<Result<string>> {
    const data = await this.options.store.read()
    const fields = cleanProfileFields(input, this.options.takenNames(data))
    if (!fields.ok) return fields
    const { name, baseUrl, clientId } = fields.value
    const clientSecret = cleanClientSecret(input.clientSecret)
    if (!clientSecret.ok) return clientSecret

    const keychain = await requireKeychain(this.options.secrets)
    if (!keychain.ok) return keychain
    const verified = await this.options.verifyCredentials({ baseUrl, clientId, clientSecret: clientSecret.value })
    if (!verified.ok) return verified

    const id = (this.options.newId ?? defaultId)()
    const savedSecret = await attemptKeychain(() => this.options.secrets.set(id, clientSecret.value))
    if (!savedSecret.ok) return savedSecret
    const profile: StoredProfile = { id, name, baseUrl, clientId, createdAt: new Date(this.options.now()).toISOString(), lastUsedAt: null }
    const saved = await this.options.store.update((current) => {
      const stillFree = cleanName(profile.name, this.options.takenNames(current))
      if (!stillFree.ok) return stillFree
      return ok({ ...current, profiles: [...current.profiles, profile], activeProfileId: id })
    })
    if (!saved.ok) {
      await attemptKeychain(() => this.options.secrets.delete(id))
      return saved
    }
    return ok(id)
  }

  /**
   * Edits a profile. The secret is replaced only when a new one is given; changed credentials
   * (base URL, client id or secret) are verified first, with the stored secret when none was given.
   * The stored secret is never sent to a new origin (scheme, host, port): moving a profile to another
   * server needs the secret entered again. Returns what changed (null: nothing that matters).
   */
  async update(input: ProfileUpdate): Promise<Result<ProfileChange | null>> {
    if (input.id === DEMO_PROFILE_ID) return fail(demoIsBuiltIn('edited'))
    const data = await this.options.store.read()
    const current = data.profiles.find((p) => p.id === input.id)
    if (!current) return fail(profileNotFound())
    const others = data.profiles.filter((p) => p.id !== current.id)

    const name = input.name === undefined ? ok(current.name) : cleanName(input.name, this.options.takenNames({ ...data, profiles: others }))
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
      const keychain = await requireKeychain(this.options.secrets)
      if (!keychain.ok) return keychain
      const stored = await attemptKeychain(() => this.options.secrets.get(current.id))
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
        const savedSecret = await attemptKeychain(() => this.options.secrets.set(current.id, newSecret.value))
        if (!savedSecret.ok) return savedSecret
      }
    }

    const updated: StoredProfile = { ...current, name: name.value, baseUrl: baseUrl.value, clientId: clientId.value }
    const saved = await this.options.store.update((latest) => {
      if (!latest.profiles.some((p) => p.id === current.id)) return fail(profileNotFound())
      const stillFree = cleanName(updated.name, this.options.takenNames({ ...latest, profiles: latest.profiles.filter((p) => p.id !== current.id) }))
      if (!stillFree.ok) return stillFree
      return ok({ ...latest, profiles: latest.profiles.map((p) => (p.id === current.id ? { ...p, ...updated, lastUsedAt: p.lastUsedAt } : p)) })
    })
    if (!saved.ok) {
      if (secretChanged) await this.restoreSecret(current.id, previousSecret)
      return saved
    }
    if (endpointChanged || secretChanged) return ok('credentials-changed')
    return ok(updated.name !== current.name ? 'renamed' : null)
  }

  /**
   * Removes a profile and its keychain entry. Refused (nothing removed) when the keychain cannot
   * delete the secret, so no secret is left behind unseen. Unknown ids are already gone (false).
   */
  async remove(id: string): Promise<Result<boolean>> {
    if (id === DEMO_PROFILE_ID) return fail(demoIsBuiltIn('removed'))
    const data = await this.options.store.read()
    if (!data.profiles.some((p) => p.id === id)) return ok(false)
    const keychain = await requireKeychain(this.options.secrets)
    if (!keychain.ok) return keychain
    const deleted = await attemptKeychain(() => this.options.secrets.delete(id))
    if (!deleted.ok) return deleted
    const saved = await this.options.store.update((latest) =>
      ok({
        ...latest,
        profiles: latest.profiles.filter((p) => p.id !== id),
        activeProfileId: latest.activeProfileId === id ? null : latest.activeProfileId,
      }),
    )
    return saved.ok ? ok(true) : saved
  }

  private async restoreSecret(id: string, previous: string | null): Promise<void> {
    if (previous === null) await attemptKeychain(() => this.options.secrets.delete(id))
    else await attemptKeychain(() => this.options.secrets.set(id, previous))
  }
}

function defaultId(): string {
  return `prf_${randomUUID()}`
}
