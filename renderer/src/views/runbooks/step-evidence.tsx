import type { RunbookSessionStep } from '@common/runbooks/runbook-session'
import { Age } from '@renderer/components/age'
import { Icon } from '@renderer/components/icon'

/** A step's evidence (what a check saw, or the answer given), when its data is from, and the note. */
export function StepEvidence({ step }: { step: RunbookSessionStep }) {
  if (!step.evidence && !step.note) return null
  return (
    <div className="runbook-evidence">
      {step.evidence ? (
        <p className="runbook-evidence-text">
          {step.evidence}
          {step.evidenceAt && step.kind === 'auto' ? (
            <span className="muted">
              {' '}
              Data <Age at={step.evidenceAt} />.
            </span>
          ) : null}
        </p>
      ) : null}
      {step.usedOfflineCopy ? (
        <p className="runbook-offline-mark">
          <Icon name="archive" /> Offline copy: checked against the newest snapshot on this laptop.
        </p>
      ) : null}
      {step.note ? (
        <p className="runbook-note">
          <strong>Note:</strong> {step.note}
        </p>
      ) : null}
    </div>
  )
}
