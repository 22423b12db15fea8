/**
 * Short runbook hints (resources/data/runbooks.json), validated when this module loads.
 * Findings reference them by id.
 */
import { z } from 'zod'
import runbooksJson from '../../../resources/data/runbooks.json'

const RunbookSchema = z.strictObject({
  id: z.string().regex(/^[a-z0-9-]+$/),
  title: z.string().min(1),
  models: z.array(z.string().min(1)).min(1),
  summary: z.string().min(1),
  steps: z.array(z.string().min(1)).min(1),
})

/** Schema of the runbooks file; ids must be unique. */
export const RunbooksFileSchema = z.strictObject({
  source: z.url(),
  note: z.string(),
  runbooks: z
    .array(RunbookSchema)
    .refine((books) => new Set(books.map((b) => b.id)).size === books.length, 'runbook ids must be unique'),
})

/** One runbook: a titled list of steps. */
export type Runbook = z.infer<typeof RunbookSchema>

/** Ids of the runbooks the rules refer to. */
export type RunbookId = 'charger-faulting-on-power-up' | 'connector-stuck-preparing' | 'v2g-discharge-no-power-flow'

const file = RunbooksFileSchema.parse(runbooksJson)

/** Where the runbooks' facts come from. */
export const RUNBOOKS_SOURCE: string = file.source

/** Every runbook in the data file. */
export const RUNBOOKS: readonly Runbook[] = file.runbooks

/** The runbook with this id, or undefined. */
export function findRunbook(id: string): Runbook | undefined {
  return RUNBOOKS.find((book) => book.id === id)
}
