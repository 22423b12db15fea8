/**
 * A saved runbook session: one technician walking one runbook on one charger, inside a site
 * visit or standalone. Each step keeps its outcome, the evidence an automatic check produced (with
 * the time of the data it used and whether that data was an offline copy), and the technician's
 * note. The session file on disk, the IPC results and the work-order report all use this shape;
 * it is checked with `RunbookSessionFileSchema` whenever a file is read.
 */
import { z } from 'zod'
import { DeviceIdSchema } from '../devices/device-id'
import { VisitIdSchema } from '../visits/visit-schemas'

/** Format version of a session file; bumped only with a migration. */
export const RUNBOOK_SESSION_FORMAT = 1

/** Longest note a technician can write on a step or an escalation (characters). */
export const RUNBOOK_NOTE_LIMIT = 2000

/** Where a session stands: still being worked, fixed, or handed to L2. */
export const RUNBOOK_SESSION_STATUSES = ['in-progress', 'resolved', 'escalated'] as const
export type RunbookSessionStatus = (typeof RUNBOOK_SESSION_STATUSES)[number]

/** How a step is done: checked by the app from the charger's data, or ticked by the technician. */
export const RUNBOOK_STEP_KINDS = ['auto', 'manual'] as const
export type RunbookStepKind = (typeof RUNBOOK_STEP_KINDS)[number]

/**
 * A step's outcome. Automatic checks give pass / fail / unknown (data missing); manual steps are
 * done; a step a branch jumped over is skipped; a step not reached yet is pending.
 */
export const RUNBOOK_STEP_OUTCOMES = ['pass', 'fail', 'unknown', 'done', 'skipped', 'pending'] as const
export type RunbookStepOutcome = (typeof RUNBOOK_STEP_OUTCOMES)[number]

/** A session id as the store makes it: "rs-", a UTC stamp and a random suffix. */
export const RunbookSessionIdSchema = z.string().regex(/^rs-[a-z0-9-]{8,40}$/, 'Not a runbook session id.')

const IsoTimeSchema = z.string().min(1)

/** One step of a session, in the runbook's order (every step is listed, pending ones too). */
export const RunbookSessionStepSchema = z.object({
  stepId: z.string().min(1),
  title: z.string().min(1),
  kind: z.enum(RUNBOOK_STEP_KINDS),
  outcome: z.enum(RUNBOOK_STEP_OUTCOMES),
  /** What an automatic check saw, with the value and its time ("heartbeat 12 s old at 14:02:10"). */
  evidence: z.string().nullable(),
  /** When the data behind the evidence was fetched (ISO 8601 UTC). */
  evidenceAt: IsoTimeSchema.nullable(),
  /** True when the check had to use the newest snapshot on disk because the live fetch failed. */
  usedOfflineCopy: z.boolean(),
  /** The technician's note on this step. */
  note: z.string().max(RUNBOOK_NOTE_LIMIT).nullable(),
  /** When the outcome was last set (ISO 8601 UTC). */
  at: IsoTimeSchema.nullable(),
})

/** What an escalation to L2 collected: one "label: value" line per item the runbook asks for. */
export const RunbookEscalationSchema = z.object({
  attachments: z.array(z.string()),
  /** When the session was escalated (ISO 8601 UTC). */
  at: IsoTimeSchema,
  /** The technician's words for L2. */
  note: z.string().max(RUNBOOK_NOTE_LIMIT).nullable(),
})

/** A runbook session. */
export const RunbookSessionSchema = z.object({
  id: RunbookSessionIdSchema,
  runbookId: z.string().min(1),
  runbookTitle: z.string().min(1),
  deviceId: DeviceIdSchema,
  /** The site visit this session belongs to, or null for a standalone session. */
  visitId: VisitIdSchema.nullable(),
  startedAt: IsoTimeSchema,
  updatedAt: IsoTimeSchema,
  status: z.enum(RUNBOOK_SESSION_STATUSES),
  /** The step the technician is on; null once the session is resolved or escalated. */
  currentStepId: z.string().min(1).nullable(),
  steps: z.array(RunbookSessionStepSchema).min(1),
  escalation: RunbookEscalationSchema.nullable(),
})

/** A session file on disk. */
export const RunbookSessionFileSchema = z.object({
  formatVersion: z.literal(RUNBOOK_SESSION_FORMAT),
  session: RunbookSessionSchema,
})

export type RunbookSessionStep = z.infer<typeof RunbookSessionStepSchema>
export type RunbookEscalation = z.infer<typeof RunbookEscalationSchema>
export type RunbookSession = z.infer<typeof RunbookSessionSchema>

/** Which sessions to list: those of a visit, of a charger, or both (no filter: all). */
export interface RunbookSessionFilter {
  visitId?: string
  deviceId?: string
}
