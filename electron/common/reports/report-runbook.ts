/** A saved runbook session as the work-order report lists it (steps in the runbook's order, escalation). */
import type { RunbookSession } from '../runbooks/runbook-session'
import type { ReportRunbook } from './report-types'

/** The report's view of one runbook session. */
export function reportRunbook(session: RunbookSession): ReportRunbook {
  return {
    sessionId: session.id,
    runbookId: session.runbookId,
    title: session.runbookTitle,
    status: session.status,
    startedAt: session.startedAt,
    updatedAt: session.updatedAt,
    steps: session.steps.map((step) => ({
      title: step.title,
      kind: step.kind,
      outcome: step.outcome,
      evidence: step.evidence,
      evidenceAt: step.evidenceAt,
      usedOfflineCopy: step.usedOfflineCopy,
      note: step.note,
      at: step.at,
    })),
    escalation: session.escalation ? { at: session.escalation.at, attachments: [...session.escalation.attachments], note: session.escalation.note } : null,
  }
}
