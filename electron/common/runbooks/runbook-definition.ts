/**
 * The shape of runbook content (resources/data/runbooks.json): each runbook is a list of steps;
 * a step is checked automatically (an `auto` check from runbook-checks.ts with its parameters) or
 * ticked by the technician (`manual`, optionally choosing between `choices`); `next` says which
 * step an outcome leads to (by default the following step), "resolved" ends the session, and the
 * step with `escalation` hands it to L2 with what the runbook says to attach. Support revises the
 * file without code changes; `parseRunbooksFile` rejects a bad file with the entry named.
 */
import { z } from 'zod'
import { appError, fail, ok, type Result } from '../errors'
import { RUNBOOK_CHECK_IDS, runbookCheckParamsError } from './runbook-checks'

const Id = z.string().regex(/^[a-z0-9-]+$/, 'use lowercase letters, digits and "-"')

/** Where an outcome leads: another step of the same runbook, or "resolved" (the session ends fixed). */
const TargetSchema = Id

/** The items an escalation collects: from the charger's data, the session, or typed by the technician. */
export const ATTACHMENT_SOURCES = ['firmware', 'fault-connectors', 'temperatures', 'step-evidence', 'technician'] as const
export type AttachmentSource = (typeof ATTACHMENT_SOURCES)[number]

const AttachmentSchema = z.strictObject({
  label: z.string().min(1),
  source: z.enum(ATTACHMENT_SOURCES),
})

const ChoiceSchema = z.strictObject({
  id: Id,
  label: z.string().min(1),
  outcome: z.enum(['pass', 'fail', 'done']),
  next: TargetSchema,
})

const StepSchema = z.strictObject({
  id: Id,
  title: z.string().min(1),
  text: z.string().min(1),
  kind: z.enum(['auto', 'manual']),
  /** Auto steps: which check runs and with which parameters. */
  check: z.strictObject({ id: z.enum(RUNBOOK_CHECK_IDS), params: z.record(z.string(), z.unknown()).default({}) }).optional(),
  /** Where each outcome leads; an outcome not listed goes to the following step. */
  next: z.partialRecord(z.enum(['pass', 'fail', 'unknown', 'done']), TargetSchema).optional(),
  /** Manual steps with a question: the technician picks one answer. */
  choices: z.array(ChoiceSchema).min(2).optional(),
  /** The escalation step: what to collect for L2. */
  escalation: z.strictObject({ attach: z.array(AttachmentSchema).min(1) }).optional(),
  /** Another runbook this step hands over to (offered as a link). */
  seeRunbook: Id.optional(),
})

const RunbookSchema = z.strictObject({
  id: Id,
  title: z.string().min(1),
  models: z.array(z.string().min(1)).min(1),
  summary: z.string().min(1),
  steps: z.array(StepSchema).min(1),
})

const RunbooksFileShape = z.strictObject({
  source: z.url(),
  note: z.string(),
  runbooks: z.array(RunbookSchema).min(1),
})

/** One step of a runbook. */
export type RunbookStep = z.infer<typeof StepSchema>
/** One runbook. */
export type Runbook = z.infer<typeof RunbookSchema>
/** The runbooks file. */
export type RunbooksFile = z.infer<typeof RunbooksFileShape>
/** An answer of a manual step with choices. */
export type RunbookChoice = z.infer<typeof ChoiceSchema>

/** The target that ends a session as resolved. */
export const RESOLVED = 'resolved'

/** What is wrong with one step beyond its shape (links, kinds, check parameters), or undefined. */
function stepProblem(step: RunbookStep, stepIds: Set<string>, runbookIds: Set<string>): string | undefined {
  if (step.kind === 'auto' && !step.check) return 'an auto step needs a "check"'
  if (step.kind === 'manual' && step.check) return 'a manual step has no "check"'
  if (step.check) {
    const params = runbookCheckParamsError(step.check.id, step.check.params)
    if (params) return `check "${step.check.id}": ${params}`
  }
  if (step.choices && step.next) return 'a step has either "choices" or "next", not both'
  if (step.escalation && (step.choices || step.next || step.kind !== 'manual')) return 'the escalation step is manual and leads nowhere'
  const targets = [...Object.values(step.next ?? {}), ...(step.choices ?? []).map((c) => c.next)]
  const bad = targets.find((t) => t !== RESOLVED && !stepIds.has(t))
  if (bad) return `it leads to "${bad}", which is not a step of this runbook (or "${RESOLVED}")`
  if (step.seeRunbook && !runbookIds.has(step.seeRunbook)) return `it links runbook "${step.seeRunbook}", which does not exist`
  return undefined
}

/** The first problem of the whole file with the entry named, or undefined. */
function fileProblem(file: RunbooksFile): string | undefined {
  const runbookIds = new Set(file.runbooks.map((r) => r.id))
  if (runbookIds.size !== file.runbooks.length) return 'runbook ids must be unique'
  for (const runbook of file.runbooks) {
    const stepIds = new Set(runbook.steps.map((s) => s.id))
    if (stepIds.size !== runbook.steps.length) return `runbook "${runbook.id}": step ids must be unique`
    if (!runbook.steps.some((s) => s.escalation)) return `runbook "${runbook.id}": it needs one escalation step`
    for (const step of runbook.steps) {
      const problem = stepProblem(step, stepIds, runbookIds)
      if (problem) return `runbook "${runbook.id}", step "${step.id}": ${problem}`
    }
  }
  return undefined
}

/** The entry a zod issue points at, named by ids where the path crosses a runbook or a step. */
function issuePlace(json: unknown, path: readonly PropertyKey[]): string {
  const books = (json as { runbooks?: { id?: unknown; steps?: { id?: unknown }[] }[] } | null)?.runbooks
  if (path[0] !== 'runbooks' || typeof path[1] !== 'number') return path.join('.') || 'file'
  const book = books?.[path[1]]
  const bookName = `runbook ${typeof book?.id === 'string' ? `"${book.id}"` : `#${path[1] + 1}`}`
  if (path[2] !== 'steps' || typeof path[3] !== 'number') return [bookName, ...path.slice(2)].join(', ')
  const step = book?.steps?.[path[3]]
  const stepName = `step ${typeof step?.id === 'string' ? `"${step.id}"` : `#${path[3] + 1}`}`
  return [bookName, stepName, ...path.slice(4)].join(', ')
}

/** Checks a runbooks file; the error names the bad entry ('runbook "x", step "y": …'). */
export function parseRunbooksFile(json: unknown): Result<RunbooksFile> {
  const parsed = RunbooksFileShape.safeParse(json)
  if (!parsed.success) {
    const issue = parsed.error.issues[0]
    return fail(appError('invalid-input', `The runbooks file is not valid: ${issuePlace(json, issue?.path ?? [])}: ${issue?.message ?? 'invalid'}.`))
  }
  const problem = fileProblem(parsed.data)
  return problem ? fail(appError('invalid-input', `The runbooks file is not valid: ${problem}.`)) : ok(parsed.data)
}

/** The step an outcome of `step` leads to: its `next` entry, else the following step, else resolved. */
export function nextTarget(runbook: Runbook, step: RunbookStep, outcome: 'pass' | 'fail' | 'unknown' | 'done'): string {
  const listed = step.next?.[outcome]
  if (listed) return listed
  const index = runbook.steps.findIndex((s) => s.id === step.id)
  return runbook.steps[index + 1]?.id ?? RESOLVED
}
