import type { StateCreator } from 'zustand'
import type { AppError, Result } from '@common/errors'
import type { TellusApi } from '@common/ipc/contract'
import type { RunbookStartInput, RunbookStepInput } from '@common/runbooks/runbook-requests'
import type { RunbookSession } from '@common/runbooks/runbook-session'
import type { AppState } from './app-state'
import type { View } from './ui-slice'

/** What the runbook view is waiting for: opening the session, a re-check, saving a step, escalating. */
export type RunbookBusy = 'opening' | 'checking' | 'saving' | 'escalating' | null

/** The guided runbook on screen. */
export interface RunbooksSlice {
  /** What was asked to open (kept while it loads, and to retry after an error). */
  runbookRequest: RunbookStartInput | null
  runbookSession: RunbookSession | null
  runbookBusy: RunbookBusy
  /** The last failure (opening, checking, saving or escalating); the session on screen stays. */
  runbookError: AppError | null
  /** The view to go back to. */
  runbookReturnView: View
  /** Opens the runbook view and starts or resumes the session of this runbook on this charger. */
  openRunbook: (input: RunbookStartInput) => Promise<void>
  /** Runs the current automatic step's check again. */
  recheckRunbookStep: (stepId: string) => Promise<void>
  /** Completes the current step (tick, answer, own reading) and moves on. */
  completeRunbookStep: (input: Omit<RunbookStepInput, 'sessionId'>) => Promise<void>
  /** Escalates to L2 with the typed items and a note. */
  escalateRunbook: (typed: Record<string, string>, note: string | null) => Promise<void>
  /** Back to where the runbook was opened from. */
  closeRunbook: () => void
}

/** Creates the runbooks slice. An answer for a session that is no longer on screen is dropped. */
export const createRunbooksSlice =
  (api: TellusApi): StateCreator<AppState, [], [], RunbooksSlice> =>
  (set, get) => {
    let ticket = 0
    const apply = async (busy: Exclude<RunbookBusy, null>, call: () => Promise<Result<RunbookSession>>) => {
      const mine = ++ticket
      set({ runbookBusy: busy, runbookError: null })
      const result = await call()
      if (mine !== ticket) return
      set(result.ok ? { runbookSession: result.value, runbookBusy: null } : { runbookError: result.error, runbookBusy: null })
    }
    const sessionId = () => get().runbookSession?.id
    return {
      runbookRequest: null,
      runbookSession: null,
      runbookBusy: null,
      runbookError: null,
      runbookReturnView: 'device',
      openRunbook: async (input) => {
        const from = get().view
        set({ runbookRequest: input, runbookSession: null, runbookReturnView: from === 'runbook' ? get().runbookReturnView : from })
        get().setView('runbook')
        await apply('opening', () => api.startRunbook(input))
      },
      recheckRunbookStep: async (stepId) => {
        const id = sessionId()
        if (id) await apply('checking', () => api.recheckRunbookStep({ sessionId: id, stepId }))
      },
      completeRunbookStep: async (input) => {
        const id = sessionId()
        if (id) await apply('saving', () => api.completeRunbookStep({ ...input, sessionId: id }))
      },
      escalateRunbook: async (typed, note) => {
        const id = sessionId()
        if (id) await apply('escalating', () => api.escalateRunbook({ sessionId: id, typed, note }))
      },
      closeRunbook: () => {
        ticket++
        set({ runbookBusy: null, runbookError: null })
        get().setView(get().runbookReturnView)
      },
    }
  }
