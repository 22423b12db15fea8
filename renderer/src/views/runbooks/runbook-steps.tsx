import { useEffect, useRef } from 'react'
import type { Runbook } from '@common/diagnostics/runbooks'
import type { RunbookSession } from '@common/runbooks/runbook-session'
import { StatusBadge } from '@renderer/components/status-badge'
import { CurrentStep } from './current-step'
import { outcomeLook } from './outcome-look'
import { StepEvidence } from './step-evidence'

/**
 * The runbook's steps in order: each with its outcome (colour, icon, word), the current one open
 * with its text and controls, completed ones with their evidence and notes, the rest as titles.
 */
export function RunbookSteps({ runbook, session }: { runbook: Runbook; session: RunbookSession }) {
  const currentRef = useRef<HTMLHeadingElement>(null)
  const shownStep = useRef(session.currentStepId)
  useEffect(() => {
    // When the session moves on, bring the new current step into view and put the focus on it.
    if (shownStep.current === session.currentStepId) return
    shownStep.current = session.currentStepId
    currentRef.current?.scrollIntoView?.({ block: 'start', behavior: 'auto' })
    currentRef.current?.focus({ preventScroll: true })
  }, [session.currentStepId])
  return (
    <ol className="runbook-steps">
      {session.steps.map((recorded) => {
        const step = runbook.steps.find((s) => s.id === recorded.stepId)
        const current = session.currentStepId === recorded.stepId
        const state = current ? 'current' : recorded.outcome === 'pending' || recorded.outcome === 'skipped' ? 'idle' : 'done'
        return (
          <li key={recorded.stepId} className={`runbook-step runbook-step-${state}`} aria-current={current ? 'step' : undefined} data-step={recorded.stepId}>
            <div className="runbook-step-head">
              <h3 className="runbook-step-title" ref={current ? currentRef : undefined} tabIndex={current ? -1 : undefined}>
                {recorded.title}
                <span className="muted runbook-step-kind">{recorded.kind === 'auto' ? ' · checked by the app' : ' · by you'}</span>
              </h3>
              <StatusBadge kind="custom" look={outcomeLook(recorded.outcome)} className="badge-small" />
            </div>
            {current && step ? <p className="runbook-step-text">{step.text}</p> : null}
            <StepEvidence step={recorded} />
            {current && step ? <CurrentStep key={`${session.id}-${recorded.stepId}`} runbook={runbook} step={step} recorded={recorded} session={session} /> : null}
          </li>
        )
      })}
    </ol>
  )
}
