import { useEffect, useState, type FormEvent } from 'react'
import { Button } from '@renderer/components/button'
import { ErrorPanel } from '@renderer/components/error-panel'
import { useAppStore } from '@renderer/store/store-context'
import { validateRelinkForm, type RelinkFormProblems, type RelinkFormValues } from './profile-form-values'
import { BaseUrlField, ClientIdField, ProfileField } from './profile-field'

/** Props of `RelinkForm`. */
export interface RelinkFormProps {
  /** The keychain account whose secret the new profile uses. */
  account: string
  /** Closes the form on "Cancel". */
  onClose: () => void
  /** Called with the new profile's id once main saved it. */
  onRelinked: (profileId: string) => void
}

/**
 * A new profile around a client secret the keychain kept after its profile was lost. The secret
 * is neither typed nor shown: main takes it from the keychain. The keychain does not know which
 * server it belongs to, so the technician confirms the base URL before main sends it there.
 */
export function RelinkForm({ account, onClose, onRelinked }: RelinkFormProps) {
  const relink = useAppStore((s) => s.relinkProfile)
  const clearProfileError = useAppStore((s) => s.clearProfileError)
  const pending = useAppStore((s) => s.profilePending?.action === 'relink' && s.profilePending.profileId === account)
  const error = useAppStore((s) => (s.profileError?.action === 'relink' && s.profileError.profileId === account ? s.profileError.error : null))
  const [values, setValues] = useState<RelinkFormValues>({ name: '', baseUrl: '', clientId: '', originConfirmed: false })
  const [problems, setProblems] = useState<RelinkFormProblems>({})

  useEffect(() => {
    clearProfileError()
  }, [clearProfileError])

  const set = (field: 'name' | 'baseUrl' | 'clientId') => (value: string) => setValues((v) => ({ ...v, [field]: value }))

  const submit = async (event: FormEvent) => {
    event.preventDefault()
    if (pending) return
    const found = validateRelinkForm(values)
    setProblems(found)
    if (Object.keys(found).length > 0) return
    const input = { account, name: values.name.trim(), baseUrl: values.baseUrl.trim(), clientId: values.clientId.trim(), originConfirmed: true as const }
    if ((await relink(input)).ok) onRelinked(account)
  }

  const prefix = `relink-${account}`
  return (
    <form className="profile-form" aria-labelledby={`${prefix}-title`} onSubmit={(e) => void submit(e)} noValidate>
      <h3 id={`${prefix}-title`}>
        Re-link keychain entry <span className="mono">{account}</span>
      </h3>
      <p>
        The keychain kept the secret but not the server it was entered for: that was in the damaged profiles file. Enter the lost profile’s API base
        URL and client ID. Tellus Field sends the kept secret to that address to check it, so for a different server add a new profile and type its
        secret instead.
      </p>
      <ProfileField id={`${prefix}-name`} label="Name" value={values.name} onValue={set('name')} problem={problems.name} autoComplete="off" autoFocus />
      <BaseUrlField id={`${prefix}-base-url`} value={values.baseUrl} onValue={set('baseUrl')} problem={problems.baseUrl} />
      <ClientIdField id={`${prefix}-client-id`} value={values.clientId} onValue={set('clientId')} problem={problems.clientId} />
      <div className="field relink-confirm">
        <label>
          <input
            type="checkbox"
            checked={values.originConfirmed}
            onChange={(e) => {
              const confirmed = e.target.checked
              setValues((v) => ({ ...v, originConfirmed: confirmed }))
              if (confirmed) setProblems(({ originConfirmed: _answered, ...rest }) => rest)
            }}
            aria-invalid={problems.originConfirmed ? true : undefined}
            aria-describedby={problems.originConfirmed ? `${prefix}-confirm-problem` : undefined}
          />{' '}
          This is the server this client secret was entered for
        </label>
        {problems.originConfirmed ? (
          <p id={`${prefix}-confirm-problem`} className="field-error">
            {problems.originConfirmed}
          </p>
        ) : null}
      </div>
      <p className="profile-form-status" role="status">
        {pending ? 'Checking credentials with the Tellus API…' : null}
      </p>
      {error && !pending ? <ErrorPanel headingLevel={3} error={error} /> : null}
      <div className="profile-form-buttons">
        <Button type="submit" variant="primary" busy={pending}>
          Re-link profile
        </Button>
        <Button onClick={onClose}>Cancel</Button>
      </div>
    </form>
  )
}
