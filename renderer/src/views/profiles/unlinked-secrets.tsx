import { useState, type Ref } from 'react'
import type { UnlinkedSecret } from '@common/profile-types'
import { Button } from '@renderer/components/button'
import { ErrorPanel } from '@renderer/components/error-panel'
import { useAppStore } from '@renderer/store/store-context'
import { InlineConfirm } from '../snapshots/inline-confirm'
import { RelinkForm } from './relink-form'

/** Props of `UnlinkedSecrets`. */
export interface UnlinkedSecretsProps {
  secrets: UnlinkedSecret[]
  /** The account whose re-link form is open, or null. */
  relinking: string | null
  onRelink: (account: string | null) => void
  /** Called with the new profile's id after a re-link. */
  onRelinked: (profileId: string) => void
  /** Called after a secret was deleted (its entry is about to disappear). */
  onForgotten: () => void
  /** Attached to each entry's "Re-link" button (focus returns there when its form closes). */
  relinkButtonRef: (account: string) => Ref<HTMLButtonElement>
}

/** The keychain's client secrets whose profiles were lost: re-link each to a new profile, or delete it. */
export function UnlinkedSecrets({ secrets, relinking, onRelink, onRelinked, onForgotten, relinkButtonRef }: UnlinkedSecretsProps) {
  return (
    <section className="unlinked-secrets" aria-labelledby="unlinked-secrets-title">
      <h2 id="unlinked-secrets-title">Client secrets without a profile</h2>
      <p>
        The system keychain still holds these client secrets, but the profiles they belonged to are gone. Re-link one by entering its profile’s name, API
        base URL and client ID: the secret stays in the keychain and is never shown.
      </p>
      <ul className="unlinked-secret-list" aria-label="Client secrets without a profile">
        {secrets.map(({ account }) => (
          <li key={account}>
            <UnlinkedEntry account={account} relinkButtonRef={relinkButtonRef(account)} onRelink={() => onRelink(account)} onForgotten={onForgotten} />
            {relinking === account ? <RelinkForm account={account} onClose={() => onRelink(null)} onRelinked={onRelinked} /> : null}
          </li>
        ))}
      </ul>
    </section>
  )
}

function UnlinkedEntry({ account, relinkButtonRef, onRelink, onForgotten }: { account: string; relinkButtonRef: Ref<HTMLButtonElement>; onRelink: () => void; onForgotten: () => void }) {
  const forget = useAppStore((s) => s.forgetUnlinkedSecret)
  const pending = useAppStore((s) => s.profilePending?.action === 'forget' && s.profilePending.profileId === account)
  const error = useAppStore((s) => (s.profileError?.action === 'forget' && s.profileError.profileId === account ? s.profileError.error : null))
  const [confirming, setConfirming] = useState(false)
  return (
    <div className="unlinked-secret">
      <p>
        Keychain entry <span className="mono">{account}</span>
      </p>
      {error ? <ErrorPanel headingLevel={3} error={error} /> : null}
      {confirming ? (
        <InlineConfirm
          question="Delete this client secret from the keychain? Without it, the profile can only be added again with its secret typed in."
          confirmLabel="Delete secret"
          busy={pending}
          onConfirm={() => void forget(account).then((result) => result.ok && onForgotten())}
          onCancel={() => setConfirming(false)}
        />
      ) : (
        <div className="profile-actions">
          <Button ref={relinkButtonRef} variant="primary" onClick={onRelink} aria-label={`Re-link keychain entry ${account}`}>
            Re-link
          </Button>
          <Button variant="danger" onClick={() => setConfirming(true)} aria-label={`Delete keychain entry ${account}`}>
            Delete
          </Button>
        </div>
      )}
    </div>
  )
}
