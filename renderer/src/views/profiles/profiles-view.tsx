import { useEffect, useReducer, useRef, useState } from 'react'
import { Button } from '@renderer/components/button'
import { ErrorPanel } from '@renderer/components/error-panel'
import { Spinner } from '@renderer/components/spinner'
import { profileInUse } from '@renderer/hooks/use-profile-in-use'
import { useAppStore } from '@renderer/store/store-context'
import { KeychainBanner } from './keychain-banner'
import { demoFirst } from './order-profiles'
import { ProfileCard } from './profile-card'
import { ProfileForm } from './profile-form'
import { ProfilesFileNotice } from './profiles-file-notice'
import { UnlinkedSecrets } from './unlinked-secrets'
import './profiles.css'

const NO_KEYCHAIN_EXPLANATION = 'Adding or editing an operator profile needs the system keychain, which is unavailable (see above).'

/** Operator profiles: the demo fleet and the operator accounts, add/edit/remove/activate/sign out. */
export function ProfilesView() {
  const state = useAppStore((s) => s.profilesState)
  const status = useAppStore((s) => s.profilesStatus)
  const loadError = useAppStore((s) => s.profilesLoadError)
  const loadProfiles = useAppStore((s) => s.loadProfiles)
  /** Which form is open: 'new', a profile id being edited, or none. */
  const [editing, setEditing] = useState<string | null>(null)
  const [removing, setRemoving] = useState<string | null>(null)
  /** The keychain account whose re-link form is open, or null. */
  const [relinking, setRelinking] = useState<string | null>(null)
  // Where focus goes once a form closes (its opener), so keyboard users keep their place.
  const focusNext = useRef<string | null>(null)
  const focusTarget = (key: string) => (element: HTMLElement | null) => {
    if (element && focusNext.current === key) {
      focusNext.current = null
      element.focus()
    }
  }
  // For a change that re-renders nothing by itself once the store has updated (a dismissed notice, a deleted secret).
  const [, rerender] = useReducer((n: number) => n + 1, 0)
  const focusAfterUpdate = (key: string) => {
    focusNext.current = key
    rerender()
  }
  const closeForm = (opener: string) => {
    focusNext.current = opener
    setEditing(null)
  }

  useEffect(() => {
    void loadProfiles()
  }, [loadProfiles])

  let body
  if (!state) {
    body = status === 'error' && loadError ? <ErrorPanel headingLevel={2} error={loadError} onRetry={() => void loadProfiles()} /> : <Spinner label="Loading profiles…" />
  } else {
    const keychainBlocked = state.keychain.available ? null : NO_KEYCHAIN_EXPLANATION
    const profiles = demoFirst(state.profiles)
    const onlyDemo = profiles.every((p) => p.isDemo)
    const editedProfile = profiles.find((p) => p.id === editing)
    // With no profile chosen (first run, or after signing out) main fetches with the demo fleet: show it as active.
    const inUseId = profileInUse(state)?.id ?? null
    body = (
      <>
        <KeychainBanner keychain={state.keychain} />
        {state.fileNotice ? <ProfilesFileNotice notice={state.fileNotice} onDismissed={() => focusAfterUpdate('add')} /> : null}
        {status === 'error' && loadError ? <ErrorPanel headingLevel={2} error={loadError} onRetry={() => void loadProfiles()} /> : null}
        <ul className="profile-list" aria-label="Profiles">
          {profiles.map((profile) => (
            <li key={profile.id}>
              <ProfileCard
                profile={profile}
                active={profile.id === inUseId}
                editBlockedReason={keychainBlocked}
                editButtonRef={focusTarget(`edit-${profile.id}`)}
                confirmingRemove={removing === profile.id}
                onEdit={() => setEditing(profile.id)}
                onAskRemove={() => setRemoving(profile.id)}
                onCancelRemove={() => setRemoving(null)}
                onRemoved={() => {
                  focusNext.current = 'add'
                  setRemoving(null)
                }}
              />
              {editedProfile && editedProfile.id === profile.id && keychainBlocked === null ? (
                <ProfileForm key={profile.id} profile={editedProfile} onClose={() => closeForm(`edit-${profile.id}`)} />
              ) : null}
            </li>
          ))}
        </ul>
        {state.unlinkedSecrets.length > 0 ? (
          <UnlinkedSecrets
            secrets={state.unlinkedSecrets}
            relinking={relinking}
            onRelink={(account) => {
              if (account === null && relinking !== null) focusNext.current = `relink-${relinking}`
              setRelinking(account)
            }}
            onRelinked={(profileId) => {
              focusNext.current = `edit-${profileId}`
              setRelinking(null)
            }}
            onForgotten={() => focusAfterUpdate('add')}
            relinkButtonRef={(account) => focusTarget(`relink-${account}`)}
          />
        ) : null}
        {onlyDemo ? (
          <p className="profiles-empty">
            {keychainBlocked
              ? 'No operator profiles yet.'
              : 'No operator profiles yet. Add one with the API credentials from the operator’s Tellus account, or explore the demo fleet.'}
          </p>
        ) : null}
        {editing === 'new' && keychainBlocked === null ? (
          <ProfileForm onClose={() => closeForm('add')} />
        ) : (
          <div className="profiles-add">
            <Button
              ref={focusTarget('add')}
              variant="primary"
              disabled={keychainBlocked !== null}
              aria-describedby={keychainBlocked ? 'profiles-add-blocked' : undefined}
              onClick={() => setEditing('new')}
            >
              Add operator profile
            </Button>
            {keychainBlocked ? (
              <p id="profiles-add-blocked" className="field-hint">
                {keychainBlocked}
              </p>
            ) : null}
          </div>
        )}
      </>
    )
  }

  return (
    <section className="view profiles-view" aria-labelledby="profiles-title">
      <header className="view-header">
        <h1 id="profiles-title">Profiles</h1>
        <p className="muted">Each operator profile holds one Tellus API account. The active profile is used for every lookup.</p>
      </header>
      {body}
    </section>
  )
}
