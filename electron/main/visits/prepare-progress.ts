/**
 * What a preparation run reports: the counts of a visit's work list (details, and charging
 * histories when the run fetches them), the reads still to go, and the time left by the client's
 * own pacing schedule for those reads.
 */
import type { PrepareProgress, PrepareRunStatus, PrepareStep, Visit, VisitDevice } from '@common/visits/visit-types'

/** Done / failed / waiting of one kind of read over the work list. */
function tally(devices: readonly VisitDevice[], waiting: (d: VisitDevice) => boolean, failed: (d: VisitDevice) => boolean, done: (d: VisitDevice) => boolean) {
  return {
    waiting: devices.filter(waiting).length,
    failed: devices.filter((d) => !waiting(d) && failed(d)).length,
    done: devices.filter((d) => !waiting(d) && !failed(d) && done(d)).length,
  }
}

/** Time left: each remaining read starts at its pacing slot or when the previous one is done, whichever is later. */
export function estimateTimeLeft(slots: readonly number[], msPerRead: number): number {
  let finish = 0
  for (const slot of slots) finish = Math.max(finish, slot) + msPerRead
  return Math.round(finish)
}

/**
 * The time one read took net of the pacer's waits: the per-read time that makes the schedule
 * `slots` (one slot per page the read needed, taken just before it) end after `elapsedMs`. Timing
 * a read with its waits in would count those waits twice in the next estimate.
 */
export function msPerReadOf(slots: readonly number[], elapsedMs: number): number {
  if (slots.length === 0 || estimateTimeLeft(slots, 0) >= elapsedMs) return 0
  let low = 0
  let high = elapsedMs
  for (let i = 0; i < 40; i++) {
    const mid = (low + high) / 2
    if (estimateTimeLeft(slots, mid) < elapsedMs) low = mid
    else high = mid
  }
  return high
}

/** A running run as the progress needs it: what it fetches now, its pacing slots and its measured pace. */
export interface RunState {
  currentDeviceId: string | null
  currentStep: PrepareStep | null
  readSlots: (count: number) => number[]
  /** Measured ms per read (0 before the first). */
  msPerRead: number
  /** Measured pages per charging history (1 before the first). */
  pagesPerHistory: number
}

/** The progress of a visit's preparation; `run` is null when none is going for it. */
export function progressOf(visit: Visit, run: RunState | null): PrepareProgress {
  const { devices } = visit
  const detail = tally(devices, (d) => d.queued === true, (d) => d.failure !== undefined, () => true)
  const withHistory = visit.prepare?.withHistory === true
  const history = withHistory ? tally(devices, (d) => d.historyQueued === true, (d) => d.historyFailure !== undefined, (d) => d.history !== undefined) : null
  const status: PrepareRunStatus = run ? 'running' : visit.prepare?.status === 'running' ? 'interrupted' : (visit.prepare?.status ?? 'finished')
  const readsLeft = detail.waiting + (history ? Math.ceil(history.waiting * (run?.pagesPerHistory ?? 1)) : 0)
  return {
    visitId: visit.id,
    status,
    total: devices.length,
    done: detail.done,
    failed: detail.failed,
    waiting: detail.waiting,
    currentDeviceId: run?.currentDeviceId ?? null,
    currentStep: run?.currentStep ?? null,
    withHistory,
    history,
    readsLeft,
    etaMs: run ? estimateTimeLeft(run.readSlots(readsLeft), run.msPerRead) : null,
    ...(visit.prepare?.reason && !run ? { reason: visit.prepare.reason } : {}),
  }
}
