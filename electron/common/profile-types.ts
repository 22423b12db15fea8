/** Operator profiles as the renderer sees them: never a secret, the client_id masked. */
export const DEMO_PROFILE_ID = 'demo'

/** The longest profile name, base URL, client id and secret accepted (IPC argument schemas; main's name check). */
export const PROFILE_INPUT_LIMITS = { name: 80, baseUrl: 2048, clientId: 256, clientSecret: 4096 } as const

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

/** Why the saved profiles were lost at start (a damaged profiles file), in words, until dismissed. */
export interface ProfilesFileNotice {
  /** What happened, with the real path the damaged file was moved to. */
  message: string
  /** What to do: re-link the secrets still in the keychain, or add the profiles again. */
  action: string
}

/** A client secret in the keychain that no profile uses (its profile was lost). The secret stays in main. */
export interface UnlinkedSecret {
  /** The keychain account: the lost profile's id. */
  account: string
}

export interface ProfilesState {
  profiles: ProfileView[]
  activeProfileId: string | null
  keychain: KeychainState
  /** Set after a damaged profiles file was moved aside at start, until the technician dismisses it. */
  fileNotice: ProfilesFileNotice | null
  /** Keychain entries of this app without a profile, which can be re-linked to a new one. */
  unlinkedSecrets: UnlinkedSecret[]
}
