import { useEffect, useState, type FormEvent } from 'react'
import type { ProfileView } from '@common/profile-types'
import { Button } from '@renderer/components/button'
import { ErrorPanel } from '@renderer/components/error-panel'
import { useAppStore } from '@renderer/store/store-context'
import {
  checksCredentials,
  initialValues,
  toProfileInput,
  toProfileUpdate,
  validateProfileForm,
  type ProfileFormProblems,
  type ProfileFormValues,
} from './profile-form-values'
import { BaseUrlField, ClientIdField, ProfileField } from './profile-field'

/** Props of `ProfileForm`. */
export interface ProfileFormProps {
  /** The profile to edit; absent to add a new one. */
  profile?: ProfileView
  /** Closes the form (after a save, or on "Cancel"). */
  onClose: () => void
}

/**
 * Add or edit an operator profile. The client secret lives only in this component's state: it is
 * sent to main once and never stored in the app store, never logged. On failure the fields stay.
 */
export function ProfileForm({ profile, onClose }: ProfileFormProps) {
  const addProfile = useAppStore((s) => s.addProfile)
  const updateProfile = useAppStore((s) => s.updateProfile)
  const clearProfileError = useAppStore((s) => s.clearProfileError)
  const action = profile ? 'update' : 'add'
  const profileId = profile?.id ?? null
  const pending = useAppStore((s) => s.profilePending?.action === action && s.profilePending.profileId === profileId)
  const error = useAppStore((s) => (s.profileError?.action === action && s.profileError.profileId === profileId ? s.profileError.error : null))
  const [values, setValues] = useState<ProfileFormValues>(() => initialValues(profile))
  const [problems, setProblems] = useState<ProfileFormProblems>({})
  const [checking, setChecking] = useState(false)
  const sessionOnly = useAppStore((s) => s.profilesState?.keychain.available === true && s.profilesState.keychain.sessionOnly === true)

  useEffect(() => {
    clearProfileError()
  }, [clearProfileError])

  const set = (field: keyof ProfileFormValues) => (value: string) => setValues((v) => ({ ...v, [field]: value }))

  const submit = async (event: FormEvent) => {
    event.preventDefault()
    if (pending) return
    const found = validateProfileForm(values, profile)
    setProblems(found)
    if (Object.keys(found).length > 0) return
    if (profile) {
      const update = toProfileUpdate(profile, values)
      if (Object.keys(update).length === 1) return onClose() // nothing changed
      setChecking(checksCredentials(update))
      if ((await updateProfile(update)).ok) onClose()
      return
    }
    setChecking(true)
    const result = await addProfile(toProfileInput(values))
    if (result.ok) onClose()
  }

  const prefix = profile ? `profile-edit-${profile.id}` : 'profile-add'
  const title = profile ? `Edit ${profile.name}` : 'Add an operator profile'
  return (
    <form className="profile-form" aria-labelledby={`${prefix}-title`} onSubmit={(e) => void submit(e)} noValidate>
      <h2 id={`${prefix}-title`}>{title}</h2>
      <ProfileField id={`${prefix}-name`} label="Name" value={values.name} onValue={set('name')} problem={problems.name} autoComplete="off" autoFocus />
      <BaseUrlField id={`${prefix}-base-url`} value={values.baseUrl} onValue={set('baseUrl')} problem={problems.baseUrl} />
      <ClientIdField
        id={`${prefix}-client-id`}
        value={values.clientId}
        onValue={set('clientId')}
        hint={profile ? `Leave empty to keep the current client ID (${profile.clientIdMasked}).` : undefined}
        problem={problems.clientId}
      />
      <ProfileField
        id={`${prefix}-client-secret`}
        label="Client secret"
        className="mono"
        type="password"
        value={values.clientSecret}
        onValue={set('clientSecret')}
        hint={
          profile
            ? profile.secret === 'missing'
              ? 'The keychain has lost this secret: enter it again.'
              : 'Leave empty to keep the stored secret. A new server (host or port) needs it entered again.'
            : sessionOnly
              ? 'Kept in memory for this session only (no system keychain here), never in a file.'
              : 'Stored in the system keychain only, never in a file.'
        }
        problem={problems.clientSecret}
        spellCheck={false}
        autoComplete="off"
      />
      <p className="profile-form-status" role="status">
        {pending ? (checking ? 'Checking credentials with the Tellus API…' : 'Saving…') : null}
      </p>
      {error && !pending ? <ErrorPanel headingLevel={2} error={error} /> : null}
      <div className="profile-form-buttons">
        <Button type="submit" variant="primary" busy={pending}>
          {profile ? 'Save changes' : 'Add profile'}
        </Button>
        <Button onClick={onClose}>Cancel</Button>
      </div>
    </form>
  )
}
