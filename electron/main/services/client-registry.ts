/**
 * The profile in use and one API client per profile, so each profile keeps its own in-memory token
 * and its own pacing. Dropping a profile's client (sign out, edit, remove, activate) drops its token
 * with it, and makes the registry ask again which profile is in use: between two profile changes a
 * lookup reads both from here, without a round trip through the profiles.
 */
import { ok, type Result } from '@common/errors'
import type { ProfileCredentials } from '../credentials/profile-service'

export type { ProfileCredentials }

/** The profile in use, as what is kept on disk names it. */
export interface ActiveProfile {
  id: string
  name: string
  baseUrl: string
}

/** The profile in use and its API client. */
export interface ActiveClient<C> {
  profile: ActiveProfile
  client: C
}

export class ClientRegistry<C extends { clearToken(): void }> {
  private readonly clients = new Map<string, C>()
  /** Creations in flight, so callers that ask at once share one client (and one token request). */
  private readonly creating = new Map<string, { result: Promise<Result<C>> }>()
  /** The profile in use as last asked (in flight or answered); null after a drop or a failure. */
  private inUse: { profile: Promise<Result<ActiveProfile>> } | null = null

  constructor(
    private readonly deps: {
      /** The profile lookups use (the active one, else the demo fleet). */
      profileInUse: () => Promise<Result<ActiveProfile>>
      credentialsFor: (profileId: string) => Promise<Result<ProfileCredentials>>
      createClient: (credentials: ProfileCredentials) => C
    },
  ) {}

  /**
   * The profile in use and its client. The profile is asked for once and remembered until a profile
   * is dropped (every change of the profiles and every sign-out drops one); a failed answer is not kept.
   */
  async active(): Promise<Result<ActiveClient<C>>> {
    const profile = await this.profileInUse()
    if (!profile.ok) return profile
    const client = await this.clientFor(profile.value.id)
    return client.ok ? ok({ profile: profile.value, client: client.value }) : client
  }

  /** The client of a profile, created on first use from its keychain credentials (once, however many ask). */
  async clientFor(profileId: string): Promise<Result<C>> {
    const existing = this.clients.get(profileId)
    if (existing) return ok(existing)
    const inFlight = this.creating.get(profileId)
    if (inFlight) return inFlight.result
    const creation = { result: Promise.resolve<Result<C>>(ok(undefined as never)) }
    creation.result = this.create(profileId, creation)
    this.creating.set(profileId, creation)
    return creation.result
  }

  /** Forgets a profile's client and its token, and which profile is in use. */
  drop(profileId: string): void {
    this.inUse = null
    this.creating.delete(profileId)
    this.clients.get(profileId)?.clearToken()
    this.clients.delete(profileId)
  }

  /** Forgets every client (app shutdown). */
  clear(): void {
    for (const id of [...this.clients.keys()]) this.drop(id)
  }

  private profileInUse(): Promise<Result<ActiveProfile>> {
    if (this.inUse) return this.inUse.profile
    const asked = { profile: this.deps.profileInUse() }
    this.inUse = asked
    const forget = () => {
      if (this.inUse === asked) this.inUse = null
    }
    asked.profile.then((profile) => {
      if (!profile.ok) forget()
    }, forget)
    return asked.profile
  }

  private async create(profileId: string, creation: object): Promise<Result<C>> {
    const credentials = await this.deps.credentialsFor(profileId)
    // Dropped meanwhile (profile edited, signed out): the callers that asked get this client, nobody keeps it.
    const current = this.creating.get(profileId) === creation
    if (current) this.creating.delete(profileId)
    if (!credentials.ok) return credentials
    const client = this.deps.createClient(credentials.value)
    if (current) this.clients.set(profileId, client)
    return ok(client)
  }
}
