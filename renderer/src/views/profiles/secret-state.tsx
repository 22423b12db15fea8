import type { ProfileView } from '@common/profile-types'
import { Button } from '@renderer/components/button'
import { StatusBadge } from '@renderer/components/status-badge'
import { useAppStore } from '@renderer/store/store-context'

/** Where the profile's client secret stands, in words; "missing" offers to enter it again. */
export function SecretState({ profile, onEdit }: { profile: ProfileView; onEdit?: (() => void) | undefined }) {
  const sessionOnly = useAppStore((s) => s.profilesState?.keychain.available === true && s.profilesState.keychain.sessionOnly === true)
  switch (profile.secret) {
    case 'not-needed':
      return null
    case 'stored':
      return (
        <p className="profile-secret">
          {sessionOnly ? 'Client secret kept in memory for this session only.' : 'Client secret stored in the system keychain.'}
        </p>
      )
    case 'unknown':
      return <p className="profile-secret">The system keychain cannot be read, so whether the secret is stored is unknown.</p>
    case 'missing':
      return (
        <div className="profile-secret profile-secret-missing">
          <StatusBadge kind="custom" look={{ tone: 'warn', icon: 'warning', label: 'Secret missing from keychain — enter it again', origin: 'documented' }} />
          {onEdit ? (
            <Button size="small" onClick={onEdit} aria-label={`Enter the secret for ${profile.name} again`}>
              Enter secret
            </Button>
          ) : null}
        </div>
      )
  }
}
