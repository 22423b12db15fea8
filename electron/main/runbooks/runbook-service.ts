/**
 * Guided runbook sessions: start (or resume) a runbook on a charger, standalone or in a visit;
 * run the current step's automatic check from the latest data (a live fetch through the device
 * lookup, which falls back to the newest snapshot offline and says so), record ticks, answers and
 * notes, follow the branches, and escalate to L2 with what the runbook says to attach. Every
 * change is saved at once, so a session resumes after a restart.
 */
import type { DeviceId } from '@common/devices/device-id'
import type { AppError, Result } from '@common/errors'
import { appError, fail, ok } from '@common/errors'
import { findRunbook } from '@common/diagnostics/runbooks'
import type { DeviceFetch } from '@common/ipc/contract'
import type { Runbook, RunbookChoice, RunbookStep } from '@common/runbooks/runbook-definition'
import { runRunbookCheck } from '@common/runbooks/runbook-checks'
import { collectAttachments, type EscalationData } from '@common/runbooks/runbook-escalation'
import { advance, escalate, previousStepTime, recordOutcome, startSession, type StepOutcomeInput } from '@common/runbooks/runbook-flow'
import type { RunbookEscalationInput, RunbookSessionList, RunbookStartInput, RunbookStepInput } from '@common/runbooks/runbook-requests'
import type { RunbookSession, RunbookSessionFilter, RunbookStepOutcome } from '@common/runbooks/runbook-session'
import { readDevice } from '@common/snapshots/compare-snapshots'
import type { RunbookStore } from './runbook-store'

/**
 * What completing a step records: an answer, a tick, the technician's own reading of an auto
 * step, or (auto step, no reading) the check's outcome kept with the note added; null when there
 * is nothing to record.
 */
function stepOutcome(step: RunbookStep, recorded: RunbookStepOutcome, input: RunbookStepInput, choice: RunbookChoice | undefined): StepOutcomeInput | null {
  const note = input.note ?? null
  // The technician's answers and readings are no fetched data: no data time (the step's `at` says when).
  if (choice) return { outcome: choice.outcome, evidence: `Answer: ${choice.label}`, evidenceAt: null, usedOfflineCopy: false, note }
  if (step.kind === 'manual') return { outcome: 'done', note }
  if (input.outcome) return { outcome: input.outcome, evidence: `Checked on site by the technician: ${input.outcome}.`, evidenceAt: null, usedOfflineCopy: false, note }
  if (input.note === undefined || recorded === 'pending' || recorded === 'skipped') return null
  return { outcome: recorded, note }
}

/** The charger's newest data for the checks, or why there is none. */
type CheckData = EscalationData & { problem: AppError | null }

/** See the file comment. */
export class RunbookService {
  constructor(
    private readonly deps: {
      store: RunbookStore
      /** The device lookup (live, else the newest snapshot for network-like failures). */
      fetchDevice: (deviceId: DeviceId) => Promise<Result<DeviceFetch>>
      now: () => number
    },
  ) {}

  /** Saved sessions, most recently updated first, optionally of one visit and/or charger, with files moved aside. */
  async list(filter: RunbookSessionFilter = {}): Promise<Result<RunbookSessionList>> {
    const sessions = await this.deps.store.list(filter)
    if (!sessions.ok) return sessions
    return ok({ sessions: sessions.value, quarantined: await this.deps.store.takeQuarantined() })
  }

  /** One session. */
  get(id: string): Promise<Result<RunbookSession>> {
    return this.deps.store.get(id)
  }

  /**
   * Resumes the session in progress of this runbook on this charger (in the same visit, or
   * standalone), or starts a new one; an automatic current step is checked at once.
   */
  async start(input: RunbookStartInput & { deviceId: DeviceId }): Promise<Result<RunbookSession>> {
    const runbook = this.runbook(input.runbookId)
    if (!runbook.ok) return runbook
    const existing = await this.deps.store.list({ deviceId: input.deviceId })
    if (!existing.ok) return existing
    const open = existing.value.find((s) => s.runbookId === input.runbookId && s.visitId === input.visitId && s.status === 'in-progress')
    const session = open ? ok(open) : await this.deps.store.create(startSession(runbook.value, input.deviceId, input.visitId))
    if (!session.ok) return session
    return this.checkIfAuto(session.value, runbook.value)
  }

  /** Runs the current automatic step's check again from freshly fetched data. */
  async recheck(sessionId: string, stepId: string): Promise<Result<RunbookSession>> {
    const loaded = await this.load(sessionId)
    if (!loaded.ok) return loaded
    const { session, runbook } = loaded.value
    const step = runbook.steps.find((s) => s.id === stepId)
    if (!step?.check || session.currentStepId !== stepId) return fail(appError('invalid-input', 'Only the current automatic step can be checked again.'))
    return this.runCheck(session, runbook, stepId)
  }

  /**
   * Completes the current step and moves on: a manual step is done (or answered with a choice);
   * an auto step keeps its check's outcome or takes the technician's own reading. Then the next
   * step, if automatic, is checked at once.
   */
  async complete(input: RunbookStepInput): Promise<Result<RunbookSession>> {
    const sessionId = input.sessionId
    const loaded = await this.load(sessionId)
    if (!loaded.ok) return loaded
    const { runbook } = loaded.value
    const step = runbook.steps.find((s) => s.id === input.stepId)
    if (!step) return fail(appError('invalid-input', `The runbook "${runbook.title}" has no step "${input.stepId}".`))
    const choice = step.choices?.find((c) => c.id === input.choiceId)
    if (step.choices && !choice) return fail(appError('invalid-input', `Pick one of the answers of "${step.title}".`))
    const at = new Date(this.deps.now()).toISOString()
    const current = loaded.value.session.steps.find((st) => st.stepId === step.id)
    const outcome = stepOutcome(step, current?.outcome ?? 'pending', input, choice)
    const saved = await this.deps.store.update(sessionId, (session) => {
      const recorded = outcome ? recordOutcome(session, runbook, step.id, outcome, at) : ok(session)
      return recorded.ok ? advance(recorded.value, runbook, step.id, choice?.id) : recorded
    })
    if (!saved.ok) return saved
    return this.checkIfAuto(saved.value, runbook)
  }

  /** Escalates the session to L2 with the runbook's attachments, filled from the newest data. */
  async escalate(input: RunbookEscalationInput): Promise<Result<RunbookSession>> {
    const loaded = await this.load(input.sessionId)
    if (!loaded.ok) return loaded
    const { session, runbook } = loaded.value
    const data = await this.data(session.deviceId)
    const attachments = collectAttachments(runbook, session, data, input.typed)
    const at = new Date(this.deps.now()).toISOString()
    return this.deps.store.update(input.sessionId, (current) => escalate(current, runbook, attachments, input.note, at))
  }

  private runbook(id: string): Result<Runbook> {
    const runbook = findRunbook(id)
    return runbook ? ok(runbook) : fail(appError('invalid-input', `There is no runbook "${id.slice(0, 60)}".`))
  }

  private async load(sessionId: string): Promise<Result<{ session: RunbookSession; runbook: Runbook }>> {
    const session = await this.deps.store.get(sessionId)
    if (!session.ok) return session
    const runbook = this.runbook(session.value.runbookId)
    return runbook.ok ? ok({ session: session.value, runbook: runbook.value }) : runbook
  }

  private checkIfAuto(session: RunbookSession, runbook: Runbook): Promise<Result<RunbookSession>> {
    const step = runbook.steps.find((s) => s.id === session.currentStepId)
    const pending = session.steps.find((s) => s.stepId === session.currentStepId)?.outcome === 'pending'
    return step?.check && pending ? this.runCheck(session, runbook, step.id) : Promise.resolve(ok(session))
  }

  private async runCheck(session: RunbookSession, runbook: Runbook, stepId: string): Promise<Result<RunbookSession>> {
    const step = runbook.steps.find((s) => s.id === stepId)!
    const data = await this.data(session.deviceId)
    const result = runRunbookCheck(step.check!.id, step.check!.params, { ...data, rebootAt: previousStepTime(session, stepId) })
    const evidence = data.problem && !data.device ? `${result.evidence} (${data.problem.message})` : result.evidence
    const at = new Date(this.deps.now()).toISOString()
    const input: StepOutcomeInput = { outcome: result.outcome, evidence, evidenceAt: data.fetchedAt, usedOfflineCopy: data.usedOfflineCopy }
    return this.deps.store.update(session.id, (current) => recordOutcome(current, runbook, stepId, input, at))
  }

  private async data(deviceId: DeviceId): Promise<CheckData> {
    const fetched = await this.deps.fetchDevice(deviceId)
    if (!fetched.ok) return { device: null, fetchedAt: null, usedOfflineCopy: false, problem: fetched.error }
    // A live fetch comes parsed; an offline copy is read from its stored payload.
    const read = fetched.value.source === 'live' ? { ok: true as const, device: fetched.value.device } : readDevice(fetched.value.snapshot.data)
    const unreadable = read.ok ? null : appError('invalid-response', read.problem)
    return {
      device: read.ok ? read.device : null,
      fetchedAt: fetched.value.snapshot.fetchedAt,
      usedOfflineCopy: fetched.value.source === 'offline',
      problem: fetched.value.source === 'offline' ? fetched.value.error : unreadable,
    }
  }
}
