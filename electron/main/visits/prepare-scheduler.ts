/**
 * Prepares a visit for offline use: fetches every queued charger of its work list one at a time,
 * through the API client (whose pacer keeps us under 60 reads a minute), and records on the visit,
 * after each charger, the snapshot saved or the reason it could not be. One run at a time for the
 * whole app (the rate limit is shared). Cancel stops at once; a lost network, a rejected sign-in
 * or a crash leaves the rest queued, so the next run resumes where this one stopped.
 */
import type { DeviceId } from '@common/devices/device-id'
import { appError, fail, ok, type AppError, type Result } from '@common/errors'
import type { PrepareProgress, PrepareRunStatus, PrepareScope, Visit } from '@common/visits/visit-types'
import type { VisitStore } from './visit-store'

/** What a preparation run fetches with: bound to one profile's client for the whole run. */
export interface PrepareSource {
  /** Fetches one charger live and keeps it as a snapshot. */
  prepareDevice(deviceId: DeviceId, signal: AbortSignal): Promise<Result<{ snapshotId: string; fetchedAt: string }>>
  /** When (ms from now) the client's pacer would let the next `count` reads go, earliest first. */
  readSlots(count: number): number[]
}

/** Failures that stop the run (they would fail every other charger too); the rest fail one charger. */
export function stopsTheRun(error: AppError): boolean {
  return ['network', 'timeout', 'auth', 'rate-limited', 'cancelled', 'keychain', 'storage'].includes(error.kind) || (error.kind === 'api' && error.code === 9001)
}

/** Time left: each remaining read starts at its pacing slot or when the previous one is done, whichever is later. */
export function estimateTimeLeft(slots: readonly number[], msPerFetch: number): number {
  let finish = 0
  for (const slot of slots) finish = Math.max(finish, slot) + msPerFetch
  return Math.round(finish)
}

interface ActiveRun {
  visitId: string
  controller: AbortController
  currentDeviceId: string | null
  done: Promise<void>
}

const nowIso = (now: () => number) => new Date(now()).toISOString()

/** Counts of a visit's work list for a progress report. */
function counts(visit: Visit): Pick<PrepareProgress, 'total' | 'done' | 'failed' | 'waiting'> {
  const total = visit.devices.length
  const waiting = visit.devices.filter((d) => d.queued).length
  const failed = visit.devices.filter((d) => !d.queued && d.failure).length
  return { total, waiting, failed, done: total - waiting - failed }
}

/** Runs preparations; see the file comment. */
export class PrepareScheduler {
  private active: ActiveRun | null = null
  private readonly fetchTimes: number[] = []

  constructor(
    private readonly deps: {
      visits: VisitStore
      /** The source for a run (the active profile's client), or why there is none. */
      source: () => Promise<Result<PrepareSource>>
      emit: (progress: PrepareProgress) => void
      now: () => number
    },
  ) {}

  /** Starts preparing a visit; resolves once the run has started (progress follows as events). */
  async start(visitId: string, scope: PrepareScope): Promise<Result<PrepareProgress>> {
    if (this.active) {
      const busy = this.active.visitId === visitId ? 'This visit is already being prepared.' : 'Another visit is being prepared.'
      return fail(appError('invalid-input', busy, { action: 'Wait for it to finish, or cancel it first.' }))
    }
    const source = await this.deps.source()
    const queued = await this.deps.visits.update(visitId, (visit) => {
      const devices = visit.devices.map((device) => {
        const include = scope === 'all' || device.queued || !device.prepared || device.failure !== undefined
        return include ? { ...device, queued: true, failure: undefined } : device
      })
      return ok({ ...visit, devices, prepare: { status: 'running' as const, startedAt: nowIso(this.deps.now) } })
    })
    if (!queued.ok) return queued
    if (!source.ok) return this.finish(visitId, 'interrupted', `Not started: ${source.error.message}`)
    const controller = new AbortController()
    const run: ActiveRun = { visitId, controller, currentDeviceId: null, done: Promise.resolve() }
    this.active = run
    run.done = this.loop(run, source.value).catch(async (error: unknown) => {
      await this.finish(visitId, 'interrupted', `Stopped by an unexpected error: ${error instanceof Error ? error.message : String(error)}`)
    }).finally(() => {
      if (this.active === run) this.active = null
    })
    return ok(this.progressOf(queued.value, run, source.value))
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
    return ok(this.progressOf(visit.value, null, null))
  }

  /** The progress of a visit now (running or not). */
  async progress(visitId: string): Promise<Result<PrepareProgress>> {
    const visit = await this.deps.visits.get(visitId)
    if (!visit.ok) return visit
    return ok(this.progressOf(visit.value, this.active?.visitId === visitId ? this.active : null, null))
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

  private async loop(run: ActiveRun, source: PrepareSource): Promise<void> {
    const { signal } = run.controller
    for (;;) {
      const visit = await this.deps.visits.get(run.visitId)
      if (!visit.ok) return void (await this.finish(run.visitId, 'interrupted', visit.error.message))
      const next = visit.value.devices.find((d) => d.queued)
      if (!next) return void (await this.finish(run.visitId, 'finished'))
      if (signal.aborted) return void (await this.finish(run.visitId, 'cancelled', 'Cancelled by the technician.'))
      run.currentDeviceId = next.deviceId
      this.deps.emit(this.progressOf(visit.value, run, source))
      const started = this.deps.now()
      const fetched = await source.prepareDevice(next.deviceId, signal)
      if (signal.aborted) return void (await this.finish(run.visitId, 'cancelled', 'Cancelled by the technician.'))
      this.remember(this.deps.now() - started)
      if (!fetched.ok && stopsTheRun(fetched.error)) {
        return void (await this.finish(run.visitId, 'interrupted', `Stopped at ${next.deviceId}: ${fetched.error.message}`))
      }
      const saved = await this.deps.visits.update(run.visitId, (current) =>
        ok({
          ...current,
          devices: current.devices.map((d) =>
            d.deviceId !== next.deviceId
              ? d
              : fetched.ok
                ? { deviceId: d.deviceId, origin: d.origin, prepared: fetched.value }
                : { ...d, queued: undefined, failure: { error: fetched.error, at: nowIso(this.deps.now) } },
          ),
        }),
      )
      if (!saved.ok) return void (await this.finish(run.visitId, 'interrupted', saved.error.message))
    }
  }

  private async finish(visitId: string, status: PrepareRunStatus, reason?: string): Promise<Result<PrepareProgress>> {
    const ended = await this.deps.visits.update(visitId, (visit) =>
      ok({ ...visit, prepare: { status, startedAt: visit.prepare?.startedAt ?? nowIso(this.deps.now), endedAt: nowIso(this.deps.now), ...(reason ? { reason } : {}) } }),
    )
    if (!ended.ok) return ended
    const progress = this.progressOf(ended.value, null, null)
    this.deps.emit(progress)
    return ok(progress)
  }

  private remember(ms: number): void {
    this.fetchTimes.push(ms)
    if (this.fetchTimes.length > 20) this.fetchTimes.shift()
  }

  private progressOf(visit: Visit, run: ActiveRun | null, source: PrepareSource | null): PrepareProgress {
    const tally = counts(visit)
    const status: PrepareRunStatus = run ? 'running' : visit.prepare?.status === 'running' ? 'interrupted' : (visit.prepare?.status ?? 'finished')
    const msPerFetch = this.fetchTimes.length ? this.fetchTimes.reduce((a, b) => a + b, 0) / this.fetchTimes.length : 0
    const etaMs = run && source ? estimateTimeLeft(source.readSlots(tally.waiting), msPerFetch) : null
    return {
      visitId: visit.id,
      status,
      ...tally,
      currentDeviceId: run?.currentDeviceId ?? null,
      etaMs,
      ...(visit.prepare?.reason && !run ? { reason: visit.prepare.reason } : {}),
    }
  }
}
