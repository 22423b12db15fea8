/**
 * Preparing with charging history (opt-in), over real HTTP to the simulator and real files: each
 * charger's detail then its history, every read within the client's pacing; the counts and the
 * time left cover the extra reads; cancel and a restart keep the choice and resume only what is
 * missing; a charger that cannot be fetched fails its history with the same reason.
 */
import { describe, expect, it } from 'vitest'
import { ok } from '@common/errors'
import { DEFAULT_HISTORY_RANGE_DAYS } from '@common/history/history-types'
import { buildTriageRow } from '@common/visits/triage'
import { VisitService } from '@main/visits/visit-service'
import { unwrap } from '../../support/common-fixtures'
import { gets, usePrepareRig, type Rig } from './prepare-rig'
import { asDeviceId } from '../../support/device-ids'

const recordReads = (r: Rig) => gets(r).filter((q) => q.path.includes('/charging-records'))
const detailReads = (r: Rig) => gets(r).filter((q) => q.path.includes('/operator/devices/'))

describe('PrepareScheduler with charging history', () => {
  const rig = usePrepareRig()

  it('fetches each charger then its history within the pacing; counts and time left cover the extra reads', async () => {
    const r = await rig(4, 3)
    const withoutHistory = unwrap(await r.scheduler.progress(r.visitId))
    expect(withoutHistory).toMatchObject({ withHistory: false, history: null })

    const started = unwrap(await r.scheduler.start(r.visitId, 'all', true))
    // 6 reads at 4 a minute: the 5th and 6th wait for the next window, and the estimate says so.
    expect(started).toMatchObject({ status: 'running', withHistory: true, waiting: 3, history: { done: 0, failed: 0, waiting: 3 }, readsLeft: 6 })
    expect(started.etaMs).toBeGreaterThanOrEqual(61_000)
    await r.scheduler.idle()

    expect(gets(r).map((q) => q.status).every((status) => status === 200)).toBe(true)
    const ids = r.test.sim.deviceIds.slice(0, 3)
    const records = recordReads(r)
    expect(records.length).toBeGreaterThanOrEqual(3)
    expect(ids.every((id) => records.some((q) => q.path.includes(`device_id=${id}`)))).toBe(true)
    // Never more than 4 reads in any minute.
    const times = gets(r).map((q) => q.at)
    times.forEach((at, i) => expect(times.filter((t) => t >= at && t < at + 60_000).length, `reads from #${i}`).toBeLessThanOrEqual(4))

    const steps = r.progress.filter((p) => p.status === 'running').map((p) => `${p.currentDeviceId}:${p.currentStep}`)
    expect(steps).toEqual(ids.flatMap((id) => [`${id}:detail`, `${id}:history`]))
    expect(r.progress.at(-1)).toMatchObject({ status: 'finished', done: 3, history: { done: 3, failed: 0, waiting: 0 }, readsLeft: 0, etaMs: null })

    const visit = unwrap(await r.visits.get(r.visitId))
    expect(visit.prepare).toMatchObject({ status: 'finished', withHistory: true })
    for (const device of visit.devices) {
      const kept = unwrap(await r.history.cachedHistory(device.deviceId))
      expect(kept?.range.days).toBe(DEFAULT_HISTORY_RANGE_DAYS)
      expect(device.history).toEqual({ fetchedAt: kept?.fetchedAt, records: kept?.records.length })
      expect(device.historyQueued).toBeUndefined()
      expect(buildTriageRow(device, null).history).toMatchObject({ state: 'kept', records: kept?.records.length })
    }
  })

  it('a charger that cannot be fetched fails its history with the same reason; the others keep theirs', async () => {
    const r = await rig(60, 2)
    unwrap(await r.service.addDevices(r.visitId, [asDeviceId('dvc_doesnotexist1')], 'work-order'))
    await r.scheduler.start(r.visitId, 'all', true)
    await r.scheduler.idle()
    const visit = unwrap(await r.visits.get(r.visitId))
    const missing = visit.devices.find((d) => d.deviceId === 'dvc_doesnotexist1')!
    expect(missing.historyFailure?.error).toMatchObject({ code: 3001 })
    expect(buildTriageRow(missing, null).history).toEqual({ state: 'failed', reason: missing.failure!.error.message })
    expect(recordReads(r).some((q) => q.path.includes('dvc_doesnotexist1'))).toBe(false)
    expect(r.progress.at(-1)).toMatchObject({ status: 'finished', done: 2, failed: 1, history: { done: 2, failed: 1, waiting: 0 } })
  })

  it('cancelled during a history read: that history stays queued; resuming keeps the choice and fetches only what is missing', async () => {
    const r = await rig(60, 4)
    let cancelling: Promise<unknown> | null = null
    const stopAtSecondHistory = setInterval(() => {
      if (!cancelling && r.progress.some((p) => p.currentStep === 'history' && p.history?.done === 1)) cancelling = r.scheduler.cancel(r.visitId)
    }, 1)
    await r.scheduler.start(r.visitId, 'all', true)
    await r.scheduler.idle()
    clearInterval(stopAtSecondHistory)
    await cancelling
    const cancelled = unwrap(await r.scheduler.progress(r.visitId))
    expect(cancelled).toMatchObject({ status: 'cancelled', withHistory: true })
    expect(cancelled.history!.waiting).toBeGreaterThan(0)
    const detailsBefore = detailReads(r).length

    // No choice passed: the visit's own (with history) is kept.
    const resumed = unwrap(await r.scheduler.start(r.visitId, 'remaining'))
    expect(resumed).toMatchObject({ withHistory: true, history: { waiting: cancelled.history!.waiting } })
    await r.scheduler.idle()
    expect(detailReads(r).length - detailsBefore).toBe(cancelled.waiting)
    expect(unwrap(await r.scheduler.progress(r.visitId))).toMatchObject({ status: 'finished', done: 4, history: { done: 4, failed: 0, waiting: 0 } })
  })

  it('after an app restart mid-run, resumes with history: the missing history and the queued charger only', async () => {
    const r = await rig(60, 4)
    await r.scheduler.start(r.visitId, 'all', true)
    await r.scheduler.idle()
    const [a, b, c, d] = r.test.sim.deviceIds
    // The app "crashed": c's detail kept but not its history yet, d not started, the run still "running".
    unwrap(
      await r.visits.update(r.visitId, (v) =>
        ok({
          ...v,
          prepare: { status: 'running', startedAt: v.prepare!.startedAt, withHistory: true },
          devices: v.devices.map((dev) =>
            dev.deviceId === c ? { ...dev, history: undefined, historyQueued: true } : dev.deviceId === d ? { deviceId: dev.deviceId, origin: dev.origin, queued: true, historyQueued: true } : dev,
          ),
        }),
      ),
    )
    r.test.sim.control.resetRequestLog()

    const restarted = await rig(60, 0, r.test)
    const list = unwrap(await new VisitService({ store: restarted.visits, scheduler: restarted.scheduler, latestSnapshot: (id) => restarted.snapshots.latest(id) }).list())
    expect(list.visits.find((v) => v.id === r.visitId)?.prepare).toMatchObject({ status: 'interrupted', withHistory: true })
    expect(unwrap(await restarted.scheduler.progress(r.visitId))).toMatchObject({ withHistory: true, waiting: 1, history: { waiting: 2 } })
    unwrap(await restarted.scheduler.start(r.visitId, 'remaining'))
    await restarted.scheduler.idle()
    expect(detailReads(restarted).map((q) => q.path.replace('/v1/operator/devices/', ''))).toEqual([d])
    const historyOf = new Set(recordReads(restarted).map((q) => /device_id=([^&]+)/.exec(q.path)?.[1]))
    expect(historyOf).toEqual(new Set([c, d]))
    expect([a, b].some((id) => historyOf.has(id))).toBe(false)
  })

  it('a run without history leaves the history alone and does not count it', async () => {
    const r = await rig(60, 2)
    await r.scheduler.start(r.visitId, 'all', false)
    await r.scheduler.idle()
    expect(recordReads(r)).toEqual([])
    expect(r.progress.at(-1)).toMatchObject({ status: 'finished', withHistory: false, history: null, done: 2 })
    const visit = unwrap(await r.visits.get(r.visitId))
    expect(visit.devices.every((d) => d.history === undefined && buildTriageRow(d, null).history === null)).toBe(true)
  })
})
