/**
 * One API client per profile, so each profile keeps its own in-memory token and its own pacing.
 * Dropping a profile's client (sign out, edit, remove) drops its token with it.
 */
import { ok, type Result } from '@common/errors'
import type { ProfileCredentials } from '../credentials/profile-service'

export type { ProfileCredentials }

export class ClientRegistry<C extends { clearToken(): void }> {
  private readonly clients = new Map<string, C>()
  /** Creations in flight, so callers that ask at once share one client (and one token request). */
  private readonly creating = new Map<string, { result: Promise<Result<C>> }>()

  constructor(
    private readonly deps: {
      credentialsFor: (profileId: string) => Promise<Result<ProfileCredentials>>
      createClient: (credentials: ProfileCredentials) => C
    },
  ) {}

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

  /** Forgets a profile's client and its token. */
  drop(profileId: string): void {
    this.creating.delete(profileId)
    this.clients.get(profileId)?.clearToken()
    this.clients.delete(profileId)
  }

  /** Forgets every client (app shutdown). */
  clear(): void {
    for (const id of [...this.clients.keys()]) this.drop(id)
  }
}
