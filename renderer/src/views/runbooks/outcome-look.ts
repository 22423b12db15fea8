import type { RunbookSessionStatus, RunbookStepOutcome } from '@common/runbooks/runbook-session'
import type { StatusLook } from '@renderer/components/status-look'

const OUTCOME_LOOKS: Record<RunbookStepOutcome, StatusLook> = {
  pass: { tone: 'ok', icon: 'ok', label: 'Pass', origin: 'documented' },
  fail: { tone: 'crit', icon: 'critical', label: 'Fail', origin: 'documented' },
  unknown: { tone: 'warn', icon: 'unknown', label: 'Unknown', origin: 'documented' },
  done: { tone: 'ok', icon: 'ok', label: 'Done', origin: 'documented' },
  skipped: { tone: 'neutral', icon: 'idle', label: 'Skipped', origin: 'documented' },
  pending: { tone: 'neutral', icon: 'idle', label: 'To do', origin: 'documented' },
}

const STATUS_LOOKS: Record<RunbookSessionStatus, StatusLook> = {
  'in-progress': { tone: 'active', icon: 'refresh', label: 'In progress', origin: 'documented' },
  resolved: { tone: 'ok', icon: 'ok', label: 'Resolved', origin: 'documented' },
  escalated: { tone: 'warn', icon: 'warning', label: 'Escalated to L2', origin: 'documented' },
}

/** How a step's outcome is shown: colour, icon and word. */
export function outcomeLook(outcome: RunbookStepOutcome): StatusLook {
  return OUTCOME_LOOKS[outcome]
}

/** How a session's status is shown. */
export function sessionStatusLook(status: RunbookSessionStatus): StatusLook {
  return STATUS_LOOKS[status]
}
