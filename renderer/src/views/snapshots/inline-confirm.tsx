import { useEffect, useId, useRef, type ReactNode } from 'react'
import { Button } from '@renderer/components/button'

/** Props of `InlineConfirm`. */
export interface InlineConfirmProps {
  /** The question, saying exactly what will happen ("Delete all 12 snapshots of dvc_…?"). */
  question: ReactNode
  confirmLabel: string
  onConfirm: () => void
  onCancel: () => void
  busy?: boolean
}

/**
 * An inline confirmation step for a destructive action (instead of `window.confirm`). Focus moves
 * to "Cancel" when it appears, so a stray Enter never confirms; Escape cancels.
 */
export function InlineConfirm({ question, confirmLabel, onConfirm, onCancel, busy = false }: InlineConfirmProps) {
  const questionId = useId()
  const cancelRef = useRef<HTMLButtonElement>(null)
  useEffect(() => {
    cancelRef.current?.focus()
  }, [])
  return (
    <div
      className="inline-confirm"
      role="group"
      aria-labelledby={questionId}
      onKeyDown={(event) => {
        if (event.key === 'Escape' && !busy) {
          event.stopPropagation()
          onCancel()
        }
      }}
    >
      <p id={questionId} className="inline-confirm-question">
        {question}
      </p>
      <div className="inline-confirm-buttons">
        <Button variant="danger" onClick={busy ? undefined : onConfirm} busy={busy} aria-disabled={busy || undefined}>
          {confirmLabel}
        </Button>
        <Button ref={cancelRef} onClick={busy ? undefined : onCancel} aria-disabled={busy || undefined}>
          Cancel
        </Button>
      </div>
    </div>
  )
}
