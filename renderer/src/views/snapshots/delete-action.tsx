import { useRef, useState, type ReactNode } from 'react'
import type { AppError } from '@common/errors'
import type { SnapshotDeletion } from '@common/ipc/contract'
import { Button } from '@renderer/components/button'
import { ErrorPanel } from '@renderer/components/error-panel'
import { useAppStore } from '@renderer/store/store-context'
import { InlineConfirm } from './inline-confirm'

/** Props of `DeleteAction`. */
export interface DeleteActionProps {
  deletion: SnapshotDeletion
  /** The button's visible text. */
  label: string
  /** The button's accessible name when the visible text is not enough ("Delete snapshot of dvc_… from …"). */
  accessibleName?: string
  /** The confirmation question. */
  question: ReactNode
  confirmLabel: string
  /** Called with the number deleted once main reports success. */
  onDeleted: (deleted: number) => void
  size?: 'normal' | 'small'
}

/** A delete button with an inline confirmation step; a failure is shown in place. */
export function DeleteAction({ deletion, label, accessibleName, question, confirmLabel, onDeleted, size = 'normal' }: DeleteActionProps) {
  const deleteSnapshots = useAppStore((s) => s.deleteSnapshots)
  const [step, setStep] = useState<'idle' | 'confirm' | 'busy'>('idle')
  const [error, setError] = useState<AppError | null>(null)
  // After "Cancel" (or a failure), focus goes back to the delete button rather than to the page.
  const refocus = useRef(false)

  const confirm = async () => {
    setStep('busy')
    const result = await deleteSnapshots(deletion)
    if (!result.ok) refocus.current = true
    setStep('idle')
    if (result.ok) {
      setError(null)
      onDeleted(result.value.deleted)
    } else setError(result.error)
  }

  return (
    <div className="delete-action">
      {step === 'idle' ? (
        <Button
          ref={(button) => {
            if (button && refocus.current) {
              refocus.current = false
              button.focus()
            }
          }}
          variant="danger"
          size={size}
          aria-label={accessibleName}
          onClick={() => setStep('confirm')}
        >
          {label}
        </Button>
      ) : (
        <InlineConfirm
          question={question}
          confirmLabel={confirmLabel}
          busy={step === 'busy'}
          onConfirm={() => void confirm()}
          onCancel={() => {
            refocus.current = true
            setStep('idle')
          }}
        />
      )}
      {error ? <ErrorPanel headingLevel={2} error={error} /> : null}
    </div>
  )
}
