/**
 * One API client per profile, so each profile keeps its own in-memory token and its own pacing.
 * Dropping a profile's client (sign out, edit, remove) drops its token with it.
 */
import { ok, type Result } from '@common/errors'
import type { ProfileCredentials } from '../credentials/profile-service'

export type { ProfileCredentials }

export class ClientRegistry<C extends { clearToken(): void }> {
  private readonly clients = new Map<string, C>()

  constructor(
    private readonly deps: {
      credentialsFor: (profileId: string) => Promise<Result<ProfileCredentials>>
      createClient: (credentials: ProfileCredentials) => C
    },
  ) {}

  /** The client of a profile, created on first use from its keychain credentials. */
  async clientFor(profileId: string): Promise<Result<C>> {
    const existing = this.clients.get(profileId)
    if (existing) return ok(existing)
    const credentials = await this.deps.credentialsFor(profileId)
    if (!credentials.ok) return credentials
    const client = this.deps.createClient(credentials.value)
    this.clients.set(profileId, client)
    return ok(client)
  }

  /** Forgets a profile's client and its token. */
  drop(profileId: string): void {
    this.clients.get(profileId)?.clearToken()
    this.clients.delete(profileId)
  }

  /** Forgets every client (app shutdown). */
  clear(): void {
    for (const id of [...this.clients.keys()]) this.drop(id)
  }
}
