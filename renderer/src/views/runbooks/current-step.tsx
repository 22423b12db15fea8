import { useId, useState } from 'react'
import { findRunbook, type Runbook, type RunbookStep } from '@common/diagnostics/runbooks'
import { RUNBOOK_NOTE_LIMIT, type RunbookSession, type RunbookSessionStep } from '@common/runbooks/runbook-session'
import { Button } from '@renderer/components/button'
import { useAppStore } from '@renderer/store/store-context'
import { EscalationForm } from './escalation-form'
import { outcomeLook } from './outcome-look'

/** Props of `CurrentStep`. */
export interface CurrentStepProps {
  runbook: Runbook
  step: RunbookStep
  recorded: RunbookSessionStep
  session: RunbookSession
}

/**
 * The controls of the step the technician is on: re-check / continue / own reading for an
 * automatic step, the answers of a question, "Mark done" for a manual step, or the escalation form.
 */
export function CurrentStep({ runbook, step, recorded, session }: CurrentStepProps) {
  const complete = useAppStore((s) => s.completeRunbookStep)
  const recheck = useAppStore((s) => s.recheckRunbookStep)
  const openRunbook = useAppStore((s) => s.openRunbook)
  const busy = useAppStore((s) => s.runbookBusy)
  const [note, setNote] = useState(recorded.note ?? '')
  const noteId = useId()
  if (step.escalation) return <EscalationForm runbook={runbook} />
  const saving = busy === 'saving'
  const disabled = busy !== null
  const noteValue = note.trim() || null
  const linked = step.seeRunbook ? findRunbook(step.seeRunbook) : undefined
  return (
    <div className="runbook-controls">
      {linked ? (
        <Button icon="info" onClick={() => void openRunbook({ runbookId: linked.id, deviceId: session.deviceId, visitId: session.visitId })}>
          Open “{linked.title}” for this charger
        </Button>
      ) : null}
      <div className="field">
        <label htmlFor={noteId}>Note (optional)</label>
        <textarea id={noteId} className="input" rows={2} maxLength={RUNBOOK_NOTE_LIMIT} value={note} onChange={(event) => setNote(event.target.value)} />
      </div>
      {step.kind === 'auto' ? (
        <div className="runbook-actions">
          <Button icon="refresh" busy={busy === 'checking'} disabled={disabled} onClick={() => void recheck(step.id)}>
            {busy === 'checking' ? 'Checking…' : 'Check again'}
          </Button>
          {recorded.outcome !== 'pending' ? (
            <Button variant="primary" disabled={disabled} busy={saving} onClick={() => void complete({ stepId: step.id, note: noteValue })}>
              Continue ({outcomeLook(recorded.outcome).label.toLowerCase()})
            </Button>
          ) : null}
          <span className="runbook-own-reading">
            <span className="muted">Checked on site:</span>
            <Button size="small" icon="ok" disabled={disabled} onClick={() => void complete({ stepId: step.id, outcome: 'pass', note: noteValue })}>
              Pass
            </Button>
            <Button size="small" icon="critical" disabled={disabled} onClick={() => void complete({ stepId: step.id, outcome: 'fail', note: noteValue })}>
              Fail
            </Button>
          </span>
        </div>
      ) : step.choices ? (
        <div className="runbook-actions runbook-choices" role="group" aria-label={`Answers to “${step.title}”`}>
          {step.choices.map((choice) => (
            <Button key={choice.id} disabled={disabled} busy={saving} onClick={() => void complete({ stepId: step.id, choiceId: choice.id, note: noteValue })}>
              {choice.label}
            </Button>
          ))}
        </div>
      ) : (
        <div className="runbook-actions">
          <Button variant="primary" icon="ok" disabled={disabled} busy={saving} onClick={() => void complete({ stepId: step.id, note: noteValue })}>
            Mark done
          </Button>
        </div>
      )}
    </div>
  )
}
