/**
 * Prepares a visit for offline use: fetches every queued charger of its work list one at a time
 * (its detail, then, when the technician asked for it, its charging history), through the API
 * client (whose pacer keeps us under 60 reads a minute), and records on the visit, after each
 * read, the result saved or the reason it could not be. One run at a time for the whole app (the
 * rate limit is shared). Cancel stops at once; a lost network, a rejected sign-in or a crash
 * leaves the rest queued (with the history choice), so the next run resumes where this one stopped.
 */
import type { DeviceId } from '@common/devices/device-id'
import { appError, fail, ok, type AppError, type Result } from '@common/errors'
import type { PrepareProgress, PrepareRunStatus, PrepareScope, PrepareStep, Visit, VisitDevice } from '@common/visits/visit-types'
import { msPerReadOf, progressOf, type RunState } from './prepare-progress'
import type { VisitStore } from './visit-store'

export { estimateTimeLeft } from './prepare-progress'

/** What a preparation run fetches with: bound to one profile's client for the whole run. */
export interface PrepareSource {
  /** Fetches one charger live and keeps it as a snapshot. */
  prepareDevice(deviceId: DeviceId, signal: AbortSignal): Promise<Result<{ snapshotId: string; fetchedAt: string }>>
  /** Fetches one charger's charging history (every page) and keeps it on disk. */
  prepareHistory(deviceId: DeviceId, signal: AbortSignal): Promise<Result<{ fetchedAt: string; records: number; pages: number }>>
  /** When (ms from now) the client's pacer would let the next `count` reads go, earliest first. */
  readSlots(count: number): number[]
}

/** Failures that stop the run (they would fail every other charger too); the rest fail one charger. */
export function stopsTheRun(error: AppError): boolean {
  return ['network', 'timeout', 'auth', 'rate-limited', 'cancelled', 'keychain', 'storage'].includes(error.kind) || (error.kind === 'api' && error.code === 9001)
}

/** Which chargers a run fetches, and whether their history too. */
function queueFor(visit: Visit, scope: PrepareScope, withHistory: boolean): VisitDevice[] {
  return visit.devices.map((device) => {
    const detail = scope === 'all' || device.queued === true || !device.prepared || device.failure !== undefined
    const history = withHistory && (detail || device.historyQueued === true || !device.history || device.historyFailure !== undefined)
    const queued = detail ? { ...device, queued: true, failure: undefined } : device
    return history ? { ...queued, historyQueued: true, historyFailure: undefined } : { ...queued, historyQueued: undefined }
  })
}

/** One read of a run and its result. */
type Read =
  | { step: 'detail'; result: Result<{ snapshotId: string; fetchedAt: string }> }
  | { step: 'history'; result: Result<{ fetchedAt: string; records: number; pages: number }> }

/** A charger after one read: its detail or its history kept, or the reason it was not. */
function afterRead(device: VisitDevice, read: Read, at: string): VisitDevice {
  if (read.step === 'history') {
    const { result } = read
    return result.ok
      ? { ...device, historyQueued: undefined, historyFailure: undefined, history: { fetchedAt: result.value.fetchedAt, records: result.value.records } }
      : { ...device, historyQueued: undefined, historyFailure: { error: result.error, at } }
  }
  const { result } = read
  if (result.ok) return { ...device, queued: undefined, failure: undefined, prepared: result.value }
  // A charger that cannot be fetched has no history worth asking for: it fails with the same reason.
  const history = device.historyQueued ? { historyQueued: undefined, historyFailure: { error: result.error, at } } : {}
  return { ...device, queued: undefined, failure: { error: result.error, at }, ...history }
}

interface ActiveRun extends RunState {
  visitId: string
  controller: AbortController
  done: Promise<void>
}

const nowIso = (now: () => number) => new Date(now()).toISOString()
/** Pacing slots looked at before a history read (its pages are not known until it is done). */
const MAX_SLOTS_PER_HISTORY = 100
const average = (values: readonly number[], fallback: number) => (values.length ? values.reduce((a, b) => a + b, 0) / values.length : fallback)

/** Runs preparations; see the file comment. */
export class PrepareScheduler {
  private active: ActiveRun | null = null
  /** Measured ms per read and pages per history, of the latest reads (any run). */
  private readonly readTimes: number[] = []
  private readonly historyPages: number[] = []

  constructor(
    private readonly deps: {
      visits: VisitStore
      /** The source for a run (the active profile's client), or why there is none. */
      source: () => Promise<Result<PrepareSource>>
      emit: (progress: PrepareProgress) => void
      now: () => number
    },
  ) {}

  /**
   * Starts preparing a visit, with each charger's charging history when `withHistory` (left out: the
   * visit's last choice); resolves once the run has started (progress follows as events).
   */
  async start(visitId: string, scope: PrepareScope, withHistory?: boolean): Promise<Result<PrepareProgress>> {
    if (this.active) {
      const busy = this.active.visitId === visitId ? 'This visit is already being prepared.' : 'Another visit is being prepared.'
      return fail(appError('invalid-input', busy, { action: 'Wait for it to finish, or cancel it first.' }))
    }
    const source = await this.deps.source()
    const queued = await this.deps.visits.update(visitId, (visit) => {
      const history = withHistory ?? visit.prepare?.withHistory ?? false
      return ok({ ...visit, devices: queueFor(visit, scope, history), prepare: { status: 'running' as const, startedAt: nowIso(this.deps.now), withHistory: history } })
    })
    if (!queued.ok) return queued
    if (!source.ok) return this.finish(visitId, 'interrupted', `Not started: ${source.error.message}`)
    const run: ActiveRun = {
      visitId,
      controller: new AbortController(),
      currentDeviceId: null,
      currentStep: null,
      readSlots: (count) => source.value.readSlots(count),
      msPerRead: average(this.readTimes, 0),
      pagesPerHistory: average(this.historyPages, 1),
      done: Promise.resolve(),
    }
    this.active = run
    run.done = this.loop(run, source.value).catch(async (error: unknown) => {
      await this.finish(visitId, 'interrupted', `Stopped by an unexpected error: ${error instanceof Error ? error.message : String(error)}`)
    }).finally(() => {
      if (this.active === run) this.active = null
    })
    return ok(progressOf(queued.value, run))
  }

  /** Cancels the run of a visit; what was not fetched stays queued for a later resume. */
  async cancel(visitId: string): Promise<Result<PrepareProgress>> {
    const run = this.active
    if (run && run.visitId === visitId) {
      run.controller.abort()
      await run.done
    }
    const visit = await this.deps.visits.get(visitId)
    if (!visit.ok) return visit
    return ok(progressOf(visit.value, null))
  }

  /** The progress of a visit now (running or not). */
  async progress(visitId: string): Promise<Result<PrepareProgress>> {
    const visit = await this.deps.visits.get(visitId)
    if (!visit.ok) return visit
    return ok(progressOf(visit.value, this.active?.visitId === visitId ? this.active : null))
  }

  /** True while a run is going (any visit). */
  get running(): boolean {
    return this.active !== null
  }

  /** Resolves when no run is going (tests and shutdown). */
  async idle(): Promise<void> {
    await this.active?.done
  }

  /** Cancels any run (app shutdown); its chargers stay queued. */
  async dispose(): Promise<void> {
    this.active?.controller.abort()
    await this.idle()
  }

  /**
   * A run the app did not finish (it closed or crashed meanwhile) is marked interrupted, so it is
   * offered for resuming and not shown as still running.
   */
  async recoverAbandoned(): Promise<void> {
    const list = await this.deps.visits.list()
    if (!list.ok) return
    for (const summary of list.value.visits) {
      if (summary.prepare?.status !== 'running' || this.active?.visitId === summary.id) continue
      await this.finish(summary.id, 'interrupted', 'The app closed during the preparation.')
    }
  }

  /** One read per turn: the next queued charger's detail, else the next queued history. */
  private async loop(run: ActiveRun, source: PrepareSource): Promise<void> {
    const { signal } = run.controller
    const cancelled = () => this.finish(run.visitId, 'cancelled', 'Cancelled by the technician.')
    for (;;) {
      const visit = await this.deps.visits.get(run.visitId)
      if (!visit.ok) return void (await this.finish(run.visitId, 'interrupted', visit.error.message))
      const next = visit.value.devices.find((d) => d.queued || d.historyQueued)
      if (!next) return void (await this.finish(run.visitId, 'finished'))
      if (signal.aborted) return void (await cancelled())
      const step: PrepareStep = next.queued ? 'detail' : 'history'
      Object.assign(run, { currentDeviceId: next.deviceId, currentStep: step })
      this.deps.emit(progressOf(visit.value, run))
      // The pacer's schedule for this read's pages, to take its waits out of the measured time.
      const slots = source.readSlots(step === 'detail' ? 1 : MAX_SLOTS_PER_HISTORY)
      const started = this.deps.now()
      const read: Read =
        step === 'detail' ? { step, result: await source.prepareDevice(next.deviceId, signal) } : { step, result: await source.prepareHistory(next.deviceId, signal) }
      if (signal.aborted) return void (await cancelled())
      this.remember(run, slots, this.deps.now() - started, read.step === 'history' && read.result.ok ? read.result.value.pages : null)
      if (!read.result.ok && stopsTheRun(read.result.error)) {
        const what = step === 'history' ? `the charging history of ${next.deviceId}` : next.deviceId
        return void (await this.finish(run.visitId, 'interrupted', `Stopped at ${what}: ${read.result.error.message}`))
      }
      const at = nowIso(this.deps.now)
      const saved = await this.deps.visits.update(run.visitId, (current) =>
        ok({ ...current, devices: current.devices.map((d) => (d.deviceId === next.deviceId ? afterRead(d, read, at) : d)) }),
      )
      if (!saved.ok) return void (await this.finish(run.visitId, 'interrupted', saved.error.message))
    }
  }

  private async finish(visitId: string, status: PrepareRunStatus, reason?: string): Promise<Result<PrepareProgress>> {
    const ended = await this.deps.visits.update(visitId, (visit) => {
      const startedAt = visit.prepare?.startedAt ?? nowIso(this.deps.now)
      const history = visit.prepare?.withHistory ? { withHistory: true } : {}
      return ok({ ...visit, prepare: { status, startedAt, endedAt: nowIso(this.deps.now), ...history, ...(reason ? { reason } : {}) } })
    })
    if (!ended.ok) return ended
    const progress = progressOf(ended.value, null)
    this.deps.emit(progress)
    return ok(progress)
  }

  /** Keeps the time per read, net of pacing waits (a history of several pages counts each page), and the pages per history. */
  private remember(run: ActiveRun, slots: readonly number[], ms: number, pages: number | null): void {
    const reads = Math.min(slots.length, Math.max(1, pages ?? 1))
    this.readTimes.push(msPerReadOf(slots.slice(0, reads), ms))
    if (this.readTimes.length > 20) this.readTimes.shift()
    if (pages !== null) {
      this.historyPages.push(Math.max(1, pages))
      if (this.historyPages.length > 20) this.historyPages.shift()
    }
    run.msPerRead = average(this.readTimes, 0)
    run.pagesPerHistory = average(this.historyPages, 1)
  }
}
