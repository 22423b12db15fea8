import type { VisitSummary } from '@common/visits/visit-types'

/** "8 of 10 ready offline · 2 failed", or how the last preparation ended. */
export function prepareSummary(visit: VisitSummary): string {
  if (visit.deviceCount === 0) return 'work list empty'
  if (!visit.prepare) return 'not prepared yet'
  const failed = visit.failedCount > 0 ? ` · ${visit.failedCount} failed` : ''
  const state = visit.prepare.status === 'running' ? ' · preparing now' : visit.prepare.status === 'finished' ? '' : ` · ${visit.prepare.status}`
  return `${visit.preparedCount} of ${visit.deviceCount} ready offline${failed}${state}`
}

