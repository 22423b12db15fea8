import { useEffect, useRef } from 'react'
import { findRunbook } from '@common/diagnostics/runbooks'
import { formatTimestamp } from '@common/format/timestamp'
import { Banner } from '@renderer/components/banner'
import { Button } from '@renderer/components/button'
import { EmptyState } from '@renderer/components/empty-state'
import { ErrorPanel } from '@renderer/components/error-panel'
import { StatusBadge } from '@renderer/components/status-badge'
import { useAppStore } from '@renderer/store/store-context'
import { EscalationForm } from './escalation-form'
import { sessionStatusLook } from './outcome-look'
import { RunbookSteps } from './runbook-steps'
import './runbooks.css'

/**
 * A guided runbook on one charger: where it stands (in progress, resolved, escalated), its steps
 * with outcomes and evidence, the current step's controls, and the outcome of a finished session.
 */
export function RunbookView() {
  const session = useAppStore((s) => s.runbookSession)
  const request = useAppStore((s) => s.runbookRequest)
  const busy = useAppStore((s) => s.runbookBusy)
  const error = useAppStore((s) => s.runbookError)
  const close = useAppStore((s) => s.closeRunbook)
  const openRunbook = useAppStore((s) => s.openRunbook)
  const returnView = useAppStore((s) => s.runbookReturnView)
  const visitName = useAppStore((s) => (s.board && session && s.board.visit.id === session.visitId ? s.board.visit.name : null))
  const headingRef = useRef<HTMLHeadingElement>(null)
  const runbookId = session?.runbookId ?? request?.runbookId
  const runbook = runbookId ? findRunbook(runbookId) : undefined
  useEffect(() => {
    headingRef.current?.focus()
  }, [runbookId])

  const back = (
    <Button variant="ghost" onClick={close}>
      ← Back to {returnView === 'visits' ? 'the visit' : 'the charger'}
    </Button>
  )
  if (!request && !session) {
    return (
      <div className="runbook-view">
        {back}
        <EmptyState title="No runbook open">Open a runbook from a finding in the device view, or from a charger on a visit's triage board.</EmptyState>
      </div>
    )
  }
  const offline = session?.steps.some((s) => s.stepId === session.currentStepId && s.usedOfflineCopy)
  return (
    <div className="runbook-view">
      {back}
      <header className="runbook-head">
        <h1 ref={headingRef} tabIndex={-1}>
          Runbook: {runbook?.title ?? runbookId}
        </h1>
        <p className="runbook-meta">
          <span className="mono">{session?.deviceId ?? request?.deviceId}</span>
          <span className="muted"> · {session?.visitId || request?.visitId ? `Visit ${visitName ?? session?.visitId ?? request?.visitId}` : 'Standalone session'}</span>
          {session ? <span className="muted"> · started {formatTimestamp(session.startedAt, { offset: true })}</span> : null}
          {session ? <StatusBadge kind="custom" look={sessionStatusLook(session.status)} /> : null}
        </p>
        {runbook ? <p className="muted">{runbook.summary}</p> : null}
      </header>
      {error ? <ErrorPanel error={error} headingLevel={2} onRetry={!session && request ? () => void openRunbook(request) : undefined} /> : null}
      {busy === 'opening' ? (
        <p className="runbook-loading" role="status">
          <span className="spinner spinner-inline" aria-hidden="true" /> Opening the runbook and checking the charger…
        </p>
      ) : null}
      {offline ? (
        <Banner variant="offline" title="Offline: checks use the newest snapshot on this laptop">
          The live fetch failed, so the evidence below says when its data was fetched. Check again once the signal is back.
        </Banner>
      ) : null}
      {session?.status === 'resolved' ? (
        <Banner variant="info" title={`Resolved at ${formatTimestamp(session.updatedAt, { offset: true })}`} role="status">
          Every step and its evidence is kept with this charger{session.visitId ? ' and the visit' : ''} for the work-order report.
        </Banner>
      ) : null}
      {session?.status === 'escalated' && session.escalation ? (
        <Banner variant="warning" title={`Escalated to L2 at ${formatTimestamp(session.escalation.at, { offset: true })}`} role="status">
          <p>Attached for L2:</p>
          <ul className="runbook-attachments">
            {session.escalation.attachments.map((line, index) => (
              <li key={index}>{line}</li>
            ))}
          </ul>
          {session.escalation.note ? <p>Note: {session.escalation.note}</p> : null}
        </Banner>
      ) : null}
      {session && runbook ? <RunbookSteps runbook={runbook} session={session} /> : null}
      {session?.status === 'in-progress' && runbook && !runbook.steps.find((s) => s.id === session.currentStepId)?.escalation ? (
        <details className="runbook-escalate-now">
          <summary>Escalate to L2 now, without the remaining steps</summary>
          <EscalationForm runbook={runbook} />
        </details>
      ) : null}
      {session && !runbook ? <ErrorPanel error={{ kind: 'internal', message: `The runbook "${session.runbookId}" is no longer in the runbooks file.` }} /> : null}
    </div>
  )
}
