/** Operator profiles as the renderer sees them: never a secret, the client_id masked. */
export const DEMO_PROFILE_ID = 'demo'

export interface ProfileView {
  id: string
  name: string
  baseUrl: string
  /** client_id with every character but the last 4 replaced by "•". */
  clientIdMasked: string
  createdAt: string
  lastUsedAt: string | null
  /** The built-in demo fleet (local simulator); needs no secret. */
  isDemo: boolean
  /** Whether the keychain holds this profile's secret ("missing": ask for it again). */
  secret: 'stored' | 'missing' | 'not-needed' | 'unknown'
}

export type KeychainState =
  /** `sessionOnly`: secrets are kept in memory (no OS keychain here) and forgotten when the app stops. */
  | { available: true; sessionOnly?: true }
  | { available: false; reason: string; action: string }

export interface ProfilesState {
  profiles: ProfileView[]
  activeProfileId: string | null
  keychain: KeychainState
}
