/**
 * The guided runbooks (resources/data/runbooks.json), validated when this module loads: a bad
 * file stops the app with a message naming the bad entry. Findings reference runbooks by id.
 * The shape and its checks live in `@common/runbooks/runbook-definition`.
 */
import runbooksJson from '../../../resources/data/runbooks.json'
import { parseRunbooksFile, type Runbook } from '../runbooks/runbook-definition'

export type { Runbook, RunbookStep } from '../runbooks/runbook-definition'

/** Ids of the runbooks the rules refer to. */
export type RunbookId = 'charger-faulting-on-power-up' | 'connector-stuck-preparing' | 'v2g-discharge-no-power-flow'

const parsed = parseRunbooksFile(runbooksJson)
if (!parsed.ok) throw new Error(`resources/data/runbooks.json: ${parsed.error.message}`)

/** Where the runbooks' facts come from. */
export const RUNBOOKS_SOURCE: string = parsed.value.source

/** Every runbook in the data file. */
export const RUNBOOKS: readonly Runbook[] = parsed.value.runbooks

/** The runbook with this id, or undefined. */
export function findRunbook(id: string): Runbook | undefined {
  return RUNBOOKS.find((book) => book.id === id)
}
