import type { MainServices } from '@main/services/create-main-services'
import type { HandlerMap } from '../ipc-dispatcher'

type RunbookMethods = 'listRunbookSessions' | 'startRunbook' | 'recheckRunbookStep' | 'completeRunbookStep' | 'escalateRunbook'

/** Guided runbooks: sessions listed, started or resumed, steps checked and completed, escalation. */
export function runbookHandlers({ runbooks }: MainServices): Pick<HandlerMap, RunbookMethods> {
  return {
    listRunbookSessions: (filter) => runbooks.list(filter),
    startRunbook: (input) => runbooks.start(input),
    recheckRunbookStep: ({ sessionId, stepId }) => runbooks.recheck(sessionId, stepId),
    completeRunbookStep: (input) => runbooks.complete(input),
    escalateRunbook: (input) => runbooks.escalate(input),
  }
}
