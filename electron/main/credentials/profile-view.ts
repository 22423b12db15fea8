/**
 * The profiles as the renderer sees them: the built-in demo fleet first, then the operator
 * profiles, never a secret, each client_id masked, and for each profile whether the keychain holds
 * its secret.
 */
import { DEMO_PROFILE_ID, type ProfileView } from '@common/profile-types'
import type { ProfilesData } from './profile-store'

/** The demo profile is built in; it has no creation time of its own. */
const DEMO_CREATED_AT = new Date(0).toISOString()

/** What the views are built from besides the profiles file. */
export interface ProfileViewSources {
  demo: { name: string; clientId: string; /** '' while the simulator has not started. */ baseUrl: string }
  /** The keychain accounts that hold a secret; null when the keychain could not say. */
  accounts: ReadonlySet<string> | null
  /** A profile's last use, given the one on file (a newer one may be held in memory). */
  lastUsed: (profileId: string, onFile: string | null) => string | null
}

/** Masks a client_id for display: every character but the last 4 becomes "•". */
export function maskClientId(clientId: string): string {
  const chars = Array.from(clientId)
  const shown = Math.max(0, chars.length - 4)
  return '•'.repeat(shown) + chars.slice(shown).join('')
}

/** Every profile as the renderer sees it, the demo first. */
export function profileViews(data: ProfilesData, { demo, accounts, lastUsed }: ProfileViewSources): ProfileView[] {
  const demoView: ProfileView = {
    id: DEMO_PROFILE_ID,
    name: demo.name,
    baseUrl: demo.baseUrl,
    clientIdMasked: maskClientId(demo.clientId),
    createdAt: DEMO_CREATED_AT,
    lastUsedAt: lastUsed(DEMO_PROFILE_ID, data.demoLastUsedAt),
    isDemo: true,
    secret: 'not-needed',
  }
  const operators = data.profiles.map((p): ProfileView => ({
    id: p.id,
    name: p.name,
    baseUrl: p.baseUrl,
    clientIdMasked: maskClientId(p.clientId),
    createdAt: p.createdAt,
    lastUsedAt: lastUsed(p.id, p.lastUsedAt),
    isDemo: false,
    secret: accounts === null ? 'unknown' : accounts.has(p.id) ? 'stored' : 'missing',
  }))
  return [demoView, ...operators]
}
