import type { PrepareProgress, VisitSummary } from '@common/visits/visit-types'

/** "8 of 10 ready offline · 2 failed", or how the last preparation ended. */
export function prepareSummary(visit: VisitSummary): string {
  if (visit.deviceCount === 0) return 'work list empty'
  if (!visit.prepare) return 'not prepared yet'
  const failed = visit.failedCount > 0 ? ` · ${visit.failedCount} failed` : ''
  const state = visit.prepare.status === 'running' ? ' · preparing now' : visit.prepare.status === 'finished' ? '' : ` · ${visit.prepare.status}`
  return `${visit.preparedCount} of ${visit.deviceCount} ready offline${failed}${state}`
}

const chargers = (n: number) => `${n} charger${n === 1 ? '' : 's'}`

/** The history counts of a run: "History: 5 kept, 1 failed, 2 waiting". */
export function historyCountWords(history: NonNullable<PrepareProgress['history']>): string {
  return `History: ${history.done} kept, ${history.failed} failed, ${history.waiting} waiting`
}

/** The progress bar's text: the chargers' counts, and the histories' when the run fetches them. */
export function progressWords(progress: PrepareProgress): string {
  const { total, done, failed, waiting, history } = progress
  const words = `${done} done, ${failed} failed, ${waiting} waiting of ${total}`
  return history ? `${words}; history ${history.done} kept, ${history.failed} failed, ${history.waiting} waiting` : words
}

const histories = (n: number) => `${n} charging histor${n === 1 ? 'y' : 'ies'}`

/** "3 chargers and 4 charging histories still to fetch." (histories only when some are). */
function stillToFetch(progress: PrepareProgress): string {
  const left = progress.history?.waiting ?? 0
  return `${chargers(progress.waiting)}${left > 0 ? ` and ${histories(left)}` : ''} still to fetch.`
}

/** The words of a run's state. */
export function statusLine(progress: PrepareProgress): string {
  const { history } = progress
  switch (progress.status) {
    case 'running':
      if (!progress.currentDeviceId) return 'Starting…'
      return progress.currentStep === 'history' ? `Fetching the charging history of ${progress.currentDeviceId}` : `Fetching ${progress.currentDeviceId}`
    case 'finished': {
      const chargersLine = progress.failed > 0 ? `Prepared: ${chargers(progress.failed)} could not be fetched (see the board).` : 'Prepared: every charger is ready offline.'
      if (!history) return chargersLine
      return history.failed > 0 ? `${chargersLine} ${histories(history.failed)} could not be kept (see the board).` : `${chargersLine} Every charging history is kept offline.`
    }
    case 'cancelled':
      return `Cancelled: ${stillToFetch(progress)}`
    case 'interrupted':
      return `Stopped: ${stillToFetch(progress)}`
  }
}
