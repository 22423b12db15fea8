/**
 * The prepare scheduler over real HTTP to the simulator, with real snapshot and visit files: it
 * stays within the client's pacing (no 429 at a low limit), cancels at once, and resumes after a
 * lost network or an app restart without fetching a charger twice.
 */
import { describe, expect, it } from 'vitest'
import { ok } from '@common/errors'
import { msPerReadOf } from '@main/visits/prepare-progress'
import { estimateTimeLeft, stopsTheRun } from '@main/visits/prepare-scheduler'
import { VisitService } from '@main/visits/visit-service'
import { unwrap } from '../../support/common-fixtures'
import { gets, usePrepareRig } from './prepare-rig'
import { asDeviceId } from '../../support/device-ids'

describe('PrepareScheduler', () => {
  const rig = usePrepareRig()

  it('fetches every charger within the pacing: all saved, zero 429s, progress down to zero waiting', async () => {
    const r = await rig(4, 10)
    const started = unwrap(await r.scheduler.start(r.visitId, 'all'))
    expect(started).toMatchObject({ status: 'running', total: 10, waiting: 10, done: 0 })
    expect(started.etaMs).toBeGreaterThanOrEqual(2 * 61_000)
    await r.scheduler.idle()
    expect(gets(r).map((q) => q.status)).toEqual(Array(10).fill(200))
    const first = gets(r)[0]!.at
    // 4 a minute: the 5th read waits for the next window, the 9th for the one after.
    expect(gets(r)[4]!.at - first).toBeGreaterThanOrEqual(60_000)
    expect(gets(r)[8]!.at - first).toBeGreaterThanOrEqual(120_000)
    const visit = unwrap(await r.visits.get(r.visitId))
    expect(visit.prepare?.status).toBe('finished')
    expect(visit.devices.every((d) => d.prepared && !d.queued && !d.failure)).toBe(true)
    for (const device of visit.devices) expect(unwrap(await r.snapshots.latest(device.deviceId))?.id).toBe(device.prepared!.snapshotId)
    expect(r.progress.at(-1)).toMatchObject({ status: 'finished', done: 10, failed: 0, waiting: 0, etaMs: null })
    const waiting = r.progress.filter((p) => p.status === 'running').map((p) => p.waiting)
    expect(waiting).toEqual([10, 9, 8, 7, 6, 5, 4, 3, 2, 1])
  })

  it('the time left stays the pacer\'s schedule all through the run: waits already sat out do not inflate it', async () => {
    const r = await rig(4, 10)
    await r.scheduler.start(r.visitId, 'all')
    await r.scheduler.idle()
    const end = r.progressAt.at(-1)!
    const running = r.progress.map((p, i) => ({ p, at: r.progressAt[i]! })).filter(({ p }) => p.status === 'running' && p.etaMs !== null)
    expect(running.length).toBeGreaterThan(5)
    // Requests take no virtual time here: what is left is only pacing, which the estimate must match
    // (within a second) at every report, also after reads that waited a whole window.
    for (const { p, at } of running) expect(Math.abs(p.etaMs! - (end - at)), `${p.currentDeviceId}, ${p.readsLeft} reads left`).toBeLessThanOrEqual(1_000)
  })

  it('gives a charger that cannot be fetched a clear reason and goes on with the rest', async () => {
    const r = await rig(60, 3)
    unwrap(await r.service.addDevices(r.visitId, [asDeviceId('dvc_doesnotexist1')], 'work-order'))
    await r.scheduler.start(r.visitId, 'all')
    await r.scheduler.idle()
    const visit = unwrap(await r.visits.get(r.visitId))
    const missing = visit.devices.find((d) => d.deviceId === 'dvc_doesnotexist1')!
    expect(missing.prepared).toBeUndefined()
    expect(missing.failure?.error).toMatchObject({ code: 3001 })
    expect(r.progress.at(-1)).toMatchObject({ status: 'finished', done: 3, failed: 1, waiting: 0 })
  })

  it('cancels at once; what was not fetched stays queued, and resuming fetches only that', async () => {
    const r = await rig(60, 8)
    let cancelling: Promise<unknown> | null = null
    const stopAfterThree = setInterval(() => {
      if (!cancelling && r.progress.some((p) => p.done === 3)) cancelling = r.scheduler.cancel(r.visitId)
    }, 1)
    await r.scheduler.start(r.visitId, 'all')
    await r.scheduler.idle()
    clearInterval(stopAfterThree)
    await cancelling
    const cancelled = unwrap(await r.scheduler.progress(r.visitId))
    expect(cancelled.status).toBe('cancelled')
    expect(cancelled.waiting).toBeGreaterThan(0)
    expect(cancelled.done + cancelled.waiting).toBe(8)
    const fetchedBefore = gets(r).filter((q) => q.status === 200).map((q) => q.path)

    unwrap(await r.scheduler.start(r.visitId, 'remaining'))
    await r.scheduler.idle()
    const paths = gets(r).filter((q) => q.status === 200).map((q) => q.path)
    const resumed = paths.slice(fetchedBefore.length)
    expect(resumed).toHaveLength(cancelled.waiting)
    expect(new Set(paths.map((p) => p.split('?')[0])).size).toBeGreaterThanOrEqual(8)
    expect(unwrap(await r.scheduler.progress(r.visitId))).toMatchObject({ status: 'finished', done: 8, waiting: 0 })
  })

  it('stops when the network is lost, keeps the rest queued with the reason, and resumes when it is back', async () => {
    const r = await rig(60, 6)
    let cut = false
    const cutAfterTwo = setInterval(() => {
      if (!cut && r.progress.some((p) => p.done === 2)) {
        cut = true
        r.test.sim.control.setFault('*', { kind: 'connection-reset' })
      }
    }, 1)
    await r.scheduler.start(r.visitId, 'all')
    await r.scheduler.idle()
    clearInterval(cutAfterTwo)
    const stopped = unwrap(await r.scheduler.progress(r.visitId))
    expect(stopped).toMatchObject({ status: 'interrupted', failed: 0 })
    expect(stopped.reason).toMatch(/^Stopped at dvc_/)
    expect(stopped.waiting).toBeGreaterThan(0)

    r.test.sim.control.clearFaults()
    await r.scheduler.start(r.visitId, 'remaining')
    await r.scheduler.idle()
    expect(unwrap(await r.scheduler.progress(r.visitId))).toMatchObject({ status: 'finished', done: 6, waiting: 0, failed: 0 })
  })

  it('after an app restart mid-run, shows the run as interrupted and resumes the queued chargers only', async () => {
    const r = await rig(60, 5)
    // The app "crashed" with a run going: two chargers prepared, three still queued, status running.
    await r.scheduler.start(r.visitId, 'all')
    await r.scheduler.idle()
    unwrap(await r.visits.update(r.visitId, (v) => ok({ ...v, prepare: { status: 'running', startedAt: v.prepare!.startedAt }, devices: v.devices.map((d, i) => (i < 2 ? d : { deviceId: d.deviceId, origin: d.origin, queued: true })) })))
    r.test.sim.control.resetRequestLog()

    const restarted = await rig(60, 0, r.test)
    const list = unwrap(await new VisitService({ store: restarted.visits, scheduler: restarted.scheduler, latestSnapshot: (id) => restarted.snapshots.latest(id) }).list())
    const summary = list.visits.find((v) => v.id === r.visitId)!
    expect(summary.prepare).toMatchObject({ status: 'interrupted', reason: 'The app closed during the preparation.' })
    unwrap(await restarted.scheduler.start(r.visitId, 'remaining'))
    await restarted.scheduler.idle()
    const refetched = gets(restarted).map((q) => q.path.replace('/v1/operator/devices/', ''))
    expect(refetched).toEqual(r.test.sim.deviceIds.slice(2, 5))
  })

  it('runs one preparation at a time', async () => {
    const r = await rig(60, 3)
    unwrap(await r.scheduler.start(r.visitId, 'all'))
    expect(await r.scheduler.start(r.visitId, 'all')).toMatchObject({ ok: false, error: { message: 'This visit is already being prepared.' } })
    await r.scheduler.idle()
  })
})

describe('prepare rules', () => {
  it('time left follows the pacing slots, or the fetch time when that is the slower', () => {
    expect(estimateTimeLeft([], 200)).toBe(0)
    expect(estimateTimeLeft([0, 0, 0], 200)).toBe(600)
    expect(estimateTimeLeft([0, 61_000, 122_000], 200)).toBe(122_200)
  })

  it('times a read net of the pacing waits it sat out', () => {
    expect(msPerReadOf([0], 300)).toBeCloseTo(300, 0)
    expect(msPerReadOf([61_000], 61_200)).toBeCloseTo(200, 0)
    expect(msPerReadOf([0, 0, 0], 600)).toBeCloseTo(200, 0)
    expect(msPerReadOf([0, 61_000], 61_400)).toBeCloseTo(400, 0)
    expect(msPerReadOf([61_000], 100)).toBe(0)
  })

  it('stops the run on failures every other charger would share, not on one missing charger', () => {
    expect(stopsTheRun({ kind: 'network', message: 'x' })).toBe(true)
    expect(stopsTheRun({ kind: 'auth', code: 2001, message: 'x' })).toBe(true)
    expect(stopsTheRun({ kind: 'api', code: 3001, message: 'x' })).toBe(false)
    expect(stopsTheRun({ kind: 'invalid-response', message: 'x' })).toBe(false)
  })
})
