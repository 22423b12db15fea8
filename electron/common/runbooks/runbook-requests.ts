/** What the renderer asks of the runbook sessions over IPC (validated in contract-schemas.ts). */
import type { QuarantinedFile } from '../quarantined-file'
import type { RunbookSession } from './runbook-session'

/** Start (or resume) a runbook on a charger, in a visit or standalone. */
export interface RunbookStartInput {
  runbookId: string
  deviceId: string
  visitId: string | null
}

/** Complete the current step: a tick, an answer, or the technician's own reading of an auto step. */
export interface RunbookStepInput {
  sessionId: string
  stepId: string
  /** Auto steps: the technician's own reading; without it the check's outcome is kept. */
  outcome?: 'pass' | 'fail'
  /** Steps with answers: the chosen answer's id. */
  choiceId?: string
  note?: string | null
}

/** Escalate to L2: the items the technician typed (by label) and a note for L2. */
export interface RunbookEscalationInput {
  sessionId: string
  typed: Record<string, string>
  note: string | null
}

/** Saved sessions and the files moved aside since the last listing. */
export interface RunbookSessionList {
  sessions: RunbookSession[]
  quarantined: QuarantinedFile[]
}
