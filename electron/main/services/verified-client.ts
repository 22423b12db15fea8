import type { Result } from '@common/errors'
import type { ProfileCredentials } from './client-registry'

/**
 * Keeps the client that last verified a set of credentials, so the profile's first lookup can
 * reuse its token. Only an exact match (base URL, client id and secret) is handed over, once.
 */
export function createVerifiedClientHandOver<C extends { verifyCredentials(): Promise<Result<void>> }>(
  createClient: (credentials: ProfileCredentials) => C,
) {
  let last: { credentials: ProfileCredentials; client: C } | null = null
  const same = (a: ProfileCredentials, b: ProfileCredentials) => a.baseUrl === b.baseUrl && a.clientId === b.clientId && a.clientSecret === b.clientSecret
  return {
    /** Verifies the credentials with a new client, keeping that client when they are good. */
    async verify(credentials: ProfileCredentials): Promise<Result<void>> {
      const client = createClient(credentials)
      const result = await client.verifyCredentials()
      last = result.ok ? { credentials, client } : null
      return result
    },
    /** The verified client for exactly these credentials, if any (handed over once). */
    take(credentials: ProfileCredentials): C | undefined {
      if (!last || !same(last.credentials, credentials)) return undefined
      const { client } = last
      last = null
      return client
    },
  }
}
