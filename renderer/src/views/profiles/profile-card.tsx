import type { Ref } from 'react'
import type { ProfileView } from '@common/profile-types'
import { Age } from '@renderer/components/age'
import { Button } from '@renderer/components/button'
import { ErrorPanel } from '@renderer/components/error-panel'
import { StatusBadge } from '@renderer/components/status-badge'
import { useAppStore } from '@renderer/store/store-context'
import { InlineConfirm } from '../snapshots/inline-confirm'
import { SecretState } from './secret-state'

/** Props of `ProfileCard`. */
export interface ProfileCardProps {
  profile: ProfileView
  active: boolean
  /** Why editing is not possible now (keychain unavailable), or null. */
  editBlockedReason: string | null
  /** Attached to the "Edit" button (focus returns there when the edit form closes). */
  editButtonRef?: Ref<HTMLButtonElement>
  confirmingRemove: boolean
  onEdit: () => void
  onAskRemove: () => void
  onCancelRemove: () => void
  /** Called once the profile is gone (the card is about to disappear). */
  onRemoved: () => void
}

export const DEMO_DESCRIPTION = 'Sample chargers on a local simulator — no secret needed'

/** One profile: name, base URL, masked client ID, last used, active marker, secret state, actions. */
export function ProfileCard({ profile, active, editBlockedReason, editButtonRef, confirmingRemove, onEdit, onAskRemove, onCancelRemove, onRemoved }: ProfileCardProps) {
  const pending = useAppStore((s) => (s.profilePending?.profileId === profile.id ? s.profilePending.action : null))
  const activate = useAppStore((s) => s.activateProfile)
  const remove = useAppStore((s) => s.removeProfile)
  const signOut = useAppStore((s) => s.signOut)
  const signingOut = useAppStore((s) => s.profilePending?.action === 'sign-out')
  const error = useAppStore((s) => {
    const failed = s.profileError
    if (!failed) return null
    const mine = failed.action === 'sign-out' ? active : failed.profileId === profile.id && failed.action !== 'update'
    return mine ? failed.error : null
  })
  const titleId = `profile-${profile.id}-title`

  return (
    <article className={active ? 'profile-card profile-card-active' : 'profile-card'} aria-labelledby={titleId}>
      <header className="profile-card-header">
        <h2 id={titleId}>{profile.name}</h2>
        {active ? <StatusBadge kind="custom" look={{ tone: 'ok', icon: 'ok', label: 'Active', origin: 'documented' }} /> : null}
      </header>
      {profile.isDemo ? <p className="profile-demo">{DEMO_DESCRIPTION}</p> : null}
      <dl className="facts profile-facts">
        <div>
          <dt>API base URL</dt>
          {profile.baseUrl === '' && profile.isDemo ? <dd>Starts on this computer when first used</dd> : <dd className="mono">{profile.baseUrl}</dd>}
        </div>
        {profile.isDemo ? null : (
          <div>
            <dt>Client ID</dt>
            <dd className="mono">{profile.clientIdMasked}</dd>
          </div>
        )}
        <div>
          <dt>Last used</dt>
          <dd>{profile.lastUsedAt ? <Age at={profile.lastUsedAt} /> : 'Never'}</dd>
        </div>
      </dl>
      <SecretState profile={profile} onEdit={editBlockedReason === null ? onEdit : undefined} />
      {error ? <ErrorPanel headingLevel={2} error={error} /> : null}
      {confirmingRemove ? (
        <InlineConfirm
          question={`Remove the profile “${profile.name}”? Its client secret is deleted from the system keychain too.`}
          confirmLabel="Remove profile"
          busy={pending === 'remove'}
          onConfirm={() => void remove(profile.id).then((result) => result.ok && onRemoved())}
          onCancel={onCancelRemove}
        />
      ) : (
        <div className="profile-actions">
          {active ? null : (
            <Button variant="primary" busy={pending === 'activate'} aria-label={`Use profile ${profile.name}`} onClick={() => void activate(profile.id)}>
              Use this profile
            </Button>
          )}
          {active && !profile.isDemo ? (
            <Button busy={signingOut} onClick={() => void signOut()} aria-label={`Sign out of ${profile.name}`}>
              Sign out
            </Button>
          ) : null}
          {profile.isDemo ? null : (
            <>
              <Button ref={editButtonRef} onClick={onEdit} disabled={editBlockedReason !== null} aria-label={`Edit profile ${profile.name}`}>
                Edit
              </Button>
              <Button variant="danger" onClick={onAskRemove} aria-label={`Remove profile ${profile.name}`}>
                Remove
              </Button>
            </>
          )}
        </div>
      )}
    </article>
  )
}
