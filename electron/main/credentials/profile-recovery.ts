/**
 * Getting operator profiles back after profiles.json was lost (damaged and moved aside, or deleted):
 * the notice the Profiles view shows until it is dismissed, the keychain entries no profile uses,
 * and re-linking one of them to a new profile. The keychain keeps each secret under its profile's
 * id and nothing else: the server it was entered for was in the lost file. So the technician types
 * the base URL (and client ID) and confirms that it is that server before the secret is sent there
 * to be checked; the secret itself never leaves the main process.
 */
import { fail, ok, type Result } from '@common/errors'
import type { ProfileRelink } from '@common/ipc/contract'
import type { KeychainState, ProfilesFileNotice, UnlinkedSecret } from '@common/profile-types'
import { attemptKeychain } from './keychain-errors'
import { originNotConfirmed, secretAlreadyLinked, unlinkedSecretGone } from './profile-errors'
import type { ProfileEditsOptions } from './profile-edits'
import { cleanName, cleanProfileFields } from './profile-input'
import { NOT_AFFECTED, type ProfilesData, type StoredProfile } from './profile-store'
import { requireKeychain } from './secret-store'

/** What recovery needs: what editing needs, without new ids (a re-linked profile keeps its keychain account). */
export type ProfileRecoveryOptions = Omit<ProfileEditsOptions, 'newId'>

/** The damaged-file notice and the keychain entries left without a profile. */
export class ProfileRecovery {
  private dismissed = false

  constructor(private readonly options: ProfileRecoveryOptions) {}

  /**
   * The notice for the profiles state: the store's account of the damaged file and, when secrets
   * survived in the keychain, the offer to re-link them. Null when nothing happened or once dismissed.
   */
  notice(unlinked: number, keychain: KeychainState): ProfilesFileNotice | null {
    const { recovered, problem } = this.options.store
    if (!recovered || this.dismissed) return null
    if (problem?.kind !== 'damaged' || unlinked === 0) return { message: recovered.message, action: recovered.action ?? '' }
    const where = keychain.available && keychain.sessionOnly ? 'kept for this session' : 'in the system keychain'
    const secrets = unlinked === 1 ? `1 client secret is still ${where}: re-link it below` : `${unlinked} client secrets are still ${where}: re-link each one below`
    return { message: recovered.message, action: `${secrets} with its profile’s name, API base URL and client ID, or add the profiles again. ${NOT_AFFECTED}` }
  }

  /** Hides the notice for the rest of the session. */
  dismiss(): void {
    this.dismissed = true
  }

  /** The keychain accounts (null: the keychain could not list them) that no profile uses, sorted. */
  unlinked(accounts: ReadonlySet<string> | null, data: ProfilesData): UnlinkedSecret[] {
    if (!accounts) return []
    const linked = new Set(data.profiles.map((p) => p.id))
    return [...accounts]
      .filter((account) => !linked.has(account))
      .sort()
      .map((account) => ({ account }))
  }

  /**
   * Saves a new profile under a keychain account no profile uses, and makes it active, after the
   * API accepted that account's secret with the typed client ID at the confirmed base URL. Nothing
   * is sent without the confirmation, and nothing is stored on any failure.
   */
  async relink(input: ProfileRelink): Promise<Result<StoredProfile>> {
    if (input.originConfirmed !== true) return fail(originNotConfirmed())
    const { store, secrets } = this.options
    const data = await store.read()
    const owner = data.profiles.find((p) => p.id === input.account)
    if (owner) return fail(secretAlreadyLinked(owner.name))
    const fields = cleanProfileFields(input, this.options.takenNames(data))
    if (!fields.ok) return fields

    const keychain = await requireKeychain(secrets)
    if (!keychain.ok) return keychain
    const secret = await attemptKeychain(() => secrets.get(input.account))
    if (!secret.ok) return secret
    if (secret.value === null) return fail(unlinkedSecretGone())
    const verified = await this.options.verifyCredentials({ baseUrl: fields.value.baseUrl, clientId: fields.value.clientId, clientSecret: secret.value })
    if (!verified.ok) return verified

    const profile: StoredProfile = { id: input.account, ...fields.value, createdAt: new Date(this.options.now()).toISOString(), lastUsedAt: null }
    const saved = await store.update((current) => {
      const taken = current.profiles.find((p) => p.id === profile.id)
      if (taken) return fail(secretAlreadyLinked(taken.name))
      const stillFree = cleanName(profile.name, this.options.takenNames(current))
      if (!stillFree.ok) return stillFree
      return ok({ ...current, profiles: [...current.profiles, profile], activeProfileId: profile.id })
    })
    return saved.ok ? ok(profile) : saved
  }

  /** Deletes a keychain entry no profile uses; refused for one a profile uses. */
  async forget(account: string): Promise<Result<void>> {
    const owner = (await this.options.store.read()).profiles.find((p) => p.id === account)
    if (owner) return fail(secretAlreadyLinked(owner.name))
    const keychain = await requireKeychain(this.options.secrets)
    if (!keychain.ok) return keychain
    const deleted = await attemptKeychain(() => this.options.secrets.delete(account))
    return deleted.ok ? ok(undefined) : deleted
  }
}
