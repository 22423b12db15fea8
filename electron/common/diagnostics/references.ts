/** Builds the `reference` of a finding from the fault dictionary or the runbooks. */
import type { FindingReference } from './finding'
import { findFault } from './fault-dictionary'
import { findRunbook, type RunbookId } from './runbooks'

/** A reference to a fault dictionary entry, titled from the dictionary. */
export function faultReference(code: string): FindingReference {
  const fault = findFault(code)
  return { kind: 'fault', id: fault?.code ?? code, title: fault?.title ?? code }
}

/** A reference to a runbook, titled from the runbooks file. */
export function runbookReference(id: RunbookId): FindingReference {
  return { kind: 'runbook', id, title: findRunbook(id)?.title ?? id }
}
