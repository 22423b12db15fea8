/**
 * A SecretStore decorator that tells the log file every secret it reads or stores, so a line that
 * somehow carries one is redacted before it is written. Passes every call and failure through.
 */
import type { SecretStore } from '../credentials/secret-store'

/** Wraps `inner`; `remember` receives each secret value seen. */
export function rememberingSecrets(inner: SecretStore, remember: (secret: string) => void): SecretStore {
  return {
    get: async (account) => {
      const secret = await inner.get(account)
      if (secret !== null) remember(secret)
      return secret
    },
    set: async (account, secret) => {
      remember(secret)
      await inner.set(account, secret)
    },
    delete: (account) => inner.delete(account),
    list: () => inner.list(),
    probe: () => inner.probe(),
  }
}
