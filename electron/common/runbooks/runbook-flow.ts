/**
 * How a runbook session moves (pure): a new session lists every step as pending and starts at the
 * first; the current step gets an outcome (a check's result, a tick, a chosen answer or the
 * technician's own reading of an auto step); `advance` follows the runbook's branch for that
 * outcome to the next step, "resolved" ends the session, and escalating hands it to L2. When a
 * session ends, the steps its path never reached are marked skipped.
 */
import type { DeviceId } from '../devices/device-id'
import { appError, fail, ok, type Result } from '../errors'
import { nextTarget, RESOLVED, type Runbook, type RunbookStep } from './runbook-definition'
import type { RunbookSession, RunbookSessionStep, RunbookStepOutcome } from './runbook-session'

/** A new session's content (the store adds id and times). */
export type RunbookSessionStart = Omit<RunbookSession, 'id' | 'startedAt' | 'updatedAt'>

/** What the technician or a check says about the current step. */
export interface StepOutcomeInput {
  outcome: Exclude<RunbookStepOutcome, 'pending' | 'skipped'>
  evidence?: string | null
  evidenceAt?: string | null
  usedOfflineCopy?: boolean
  note?: string | null
}

/** A fresh session for `runbook` on a charger: every step pending, the first one current. */
export function startSession(runbook: Runbook, deviceId: DeviceId, visitId: string | null): RunbookSessionStart {
  return {
    runbookId: runbook.id,
    runbookTitle: runbook.title,
    deviceId,
    visitId,
    status: 'in-progress',
    currentStepId: runbook.steps[0]!.id,
    steps: runbook.steps.map(
      (step): RunbookSessionStep => ({ stepId: step.id, title: step.title, kind: step.kind, outcome: 'pending', evidence: null, evidenceAt: null, usedOfflineCopy: false, note: null, at: null }),
    ),
    escalation: null,
  }
}

const refuse = (message: string): Result<never> => fail(appError('invalid-input', message, { action: 'Reopen the runbook: it shows where the session stands.' }))

/** The definition of the session's current step, or the reason it cannot take an outcome. */
function currentStep(session: RunbookSession, runbook: Runbook, stepId: string): Result<RunbookStep> {
  if (session.status !== 'in-progress') return refuse(`This runbook session is already ${session.status}.`)
  if (session.currentStepId !== stepId) return refuse(`Step "${stepId}" is not the current step of this runbook session.`)
  const step = runbook.steps.find((s) => s.id === stepId)
  return step ? ok(step) : refuse(`The runbook "${runbook.title}" has no step "${stepId}" any more.`)
}

const withStep = (session: RunbookSession, stepId: string, change: Partial<RunbookSessionStep>): RunbookSession => ({
  ...session,
  steps: session.steps.map((s) => (s.stepId === stepId ? { ...s, ...change } : s)),
})

/** Records an outcome on the current step (it stays current until `advance`). */
export function recordOutcome(session: RunbookSession, runbook: Runbook, stepId: string, input: StepOutcomeInput, at: string): Result<RunbookSession> {
  const step = currentStep(session, runbook, stepId)
  if (!step.ok) return step
  const existing = session.steps.find((s) => s.stepId === stepId)
  return ok(
    withStep(session, stepId, {
      outcome: input.outcome,
      evidence: input.evidence !== undefined ? input.evidence : (existing?.evidence ?? null),
      evidenceAt: input.evidenceAt !== undefined ? input.evidenceAt : (existing?.evidenceAt ?? null),
      usedOfflineCopy: input.usedOfflineCopy ?? existing?.usedOfflineCopy ?? false,
      note: input.note !== undefined ? input.note : (existing?.note ?? null),
      at,
    }),
  )
}

/** Marks every still-pending step skipped (the path of the session never reached them). */
function skipPending(session: RunbookSession): RunbookSession {
  return { ...session, steps: session.steps.map((s) => (s.outcome === 'pending' ? { ...s, outcome: 'skipped' as const } : s)) }
}

/**
 * Moves on from the current step along the runbook's branch for its outcome (for a choice, the
 * choice's own target). A step still pending cannot be left; "resolved" ends the session.
 */
export function advance(session: RunbookSession, runbook: Runbook, stepId: string, choiceId?: string): Result<RunbookSession> {
  const step = currentStep(session, runbook, stepId)
  if (!step.ok) return step
  const outcome = session.steps.find((s) => s.stepId === stepId)?.outcome ?? 'pending'
  if (outcome === 'pending' || outcome === 'skipped') return refuse(`Step "${step.value.title}" has no outcome yet.`)
  let target: string
  if (step.value.choices) {
    const choice = step.value.choices.find((c) => c.id === choiceId)
    if (!choice) return refuse(`Step "${step.value.title}" needs one of its answers.`)
    target = choice.next
  } else {
    target = nextTarget(runbook, step.value, outcome === 'done' ? 'done' : outcome)
  }
  if (target === RESOLVED) return ok(skipPending({ ...session, status: 'resolved', currentStepId: null }))
  return ok({ ...session, currentStepId: target })
}

/** The step of the runbook that escalates to L2. */
export function escalationStep(runbook: Runbook): RunbookStep {
  return runbook.steps.find((s) => s.escalation)!
}

/** Hands the session to L2 with the collected attachments; allowed from any step of a session in progress. */
export function escalate(session: RunbookSession, runbook: Runbook, attachments: string[], note: string | null, at: string): Result<RunbookSession> {
  if (session.status !== 'in-progress') return refuse(`This runbook session is already ${session.status}.`)
  const step = escalationStep(runbook)
  const done = withStep(session, step.id, { outcome: 'done', note, at })
  return ok(skipPending({ ...done, status: 'escalated', currentStepId: null, escalation: { attachments, at, note } }))
}

/**
 * When the step before `stepId` on the session's path was completed (ms): for the after-reboot
 * check, the moment the technician ticked the reboot. Null when no earlier step has a time.
 */
export function previousStepTime(session: RunbookSession, stepId: string): number | null {
  const times = session.steps.filter((s) => s.stepId !== stepId && s.at !== null && s.outcome !== 'skipped').map((s) => Date.parse(s.at!))
  return times.length ? Math.max(...times) : null
}
