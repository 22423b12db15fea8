/**
 * Preparing a 200-charger visit against the simulator at its real limit of 60 reads a minute, with
 * the client's shipped pacing: elapsed time, requests, 429s, and the ratio to the 200 s the limit
 * allows for 200 reads (the physical floor is about 183 s: 60 at once, then 60 every 61 s). Also how
 * close the first "time left" estimate (the pacer's own schedule) came to the real duration.
 *
 * The simulator serves 13 chargers; the other 187 ids of the visit are well-formed but unknown, so
 * they are real reads answered "not found" (3001): the same request and pacing cost, no snapshot.
 *
 * Then, on the same client (its pacing carries on), the 13 chargers the simulator knows prepared
 * with their charging history (opt-in): every detail and every page of every 30-day history, the
 * 429s, and the time-left estimates (at the start, before any history's pages are measured, and
 * after the first history) against the real duration.
 * Takes over 4 minutes, so it runs only when named: `npm run bench -- visit-prepare`.
 */
import { mkdtemp, rm } from 'node:fs/promises'
import { tmpdir } from 'node:os'
import { join } from 'node:path'
import { ok } from '@common/errors'
import type { PrepareProgress } from '@common/visits/visit-types'
import { HistoryCache } from '@main/history/history-cache'
import { HistoryService } from '@main/history/history-service'
import { startSimulator, type SimulatorHandle } from '@main/simulator/index'
import { SnapshotStore } from '@main/snapshots/snapshot-store'
import { PacerRegistry } from '@main/tellus/pacer'
import { TellusClient } from '@main/tellus/tellus-client'
import { createPrepareSource } from '@main/visits/prepare-source'
import { PrepareScheduler } from '@main/visits/prepare-scheduler'
import { VisitService } from '@main/visits/visit-service'
import { VisitStore } from '@main/visits/visit-store'
import type { BenchFigure } from './bench-types'
import { asDeviceId } from '../support/device-ids'

const DEVICES = 200
const LIMIT_SECONDS = 200

export default async function visitPrepareBench(): Promise<BenchFigure[]> {
  const root = await mkdtemp(join(tmpdir(), 'tellus-bench-visit-'))
  const sim = await startSimulator({ readsPerMinute: 60 })
  try {
    const client = new TellusClient({ baseUrl: sim.baseUrl, ...sim.credentials, pacer: { registry: new PacerRegistry() } })
    const snapshots = new SnapshotStore({ root: join(root, 'snapshots') })
    const visits = new VisitStore(join(root, 'visits'))
    const progress: PrepareProgress[] = []
    const profile = { id: 'bench', name: 'Bench', baseUrl: sim.baseUrl }
    const history = new HistoryService({ clients: { active: async () => ok({ profile, client }) }, cache: new HistoryCache(root) })
    const scheduler = new PrepareScheduler({
      visits,
      source: async () => ok(createPrepareSource({ profile, client, snapshots, history, readSlots: (n) => client.readSlots(n) })),
      emit: (p) => progress.push(p),
      now: Date.now,
    })
    const service = new VisitService({ store: visits, scheduler, latestSnapshot: (id) => snapshots.latest(id) })
    const visit = await visits.create({ name: 'Bench visit', site: '', notes: '' })
    if (!visit.ok) throw new Error(visit.error.message)
    const synthetic = Array.from({ length: DEVICES - sim.deviceIds.length }, (_, i) => asDeviceId(`dvc_${(0xb0000000000 + i).toString(16).padStart(12, '0')}`))
    const added = await service.addDevices(visit.value.id, [...sim.deviceIds, ...synthetic], 'work-order')
    if (!added.ok) throw new Error(added.error.message)

    const started = Date.now()
    const first = await scheduler.start(visit.value.id, 'all')
    if (!first.ok) throw new Error(first.error.message)
    await scheduler.idle()
    const elapsedS = (Date.now() - started) / 1000

    const reads = sim.control.requests().filter((r) => r.method === 'GET')
    const limited = reads.filter((r) => r.status === 429).length
    const last = progress.at(-1)
    const firstEstimateS = (progress.find((p) => p.status === 'running' && p.etaMs !== null)?.etaMs ?? NaN) / 1000
    const withHistory = await prepareWithHistory(sim, visits, service, scheduler, progress)
    return [
      ...withHistory,
      { name: 'prepare 200 chargers, elapsed', value: elapsedS, unit: 's', note: `${(elapsedS / LIMIT_SECONDS).toFixed(3)} × the 200 s the 60 reads/min limit allows` },
      { name: 'prepare 200 chargers, device reads', value: reads.length, unit: 'requests', note: `${sim.control.tokenRequestCount()} token request(s)` },
      { name: 'prepare 200 chargers, 429 responses', value: limited, unit: 'responses' },
      { name: 'prepare 200 chargers, outcome', value: last?.done ?? 0, unit: 'prepared', note: `${last?.failed ?? 0} failed (unknown ids: not found), status ${last?.status ?? '?'}` },
      { name: 'prepare 200 chargers, first time-left estimate', value: firstEstimateS, unit: 's', note: `actual ${elapsedS.toFixed(1)} s` },
    ]
  } finally {
    await sim.close()
    await rm(root, { recursive: true, force: true })
  }
}

/** The 13 known chargers prepared with their charging history, right after the 200-charger run. */
async function prepareWithHistory(sim: SimulatorHandle, visits: VisitStore, service: VisitService, scheduler: PrepareScheduler, progress: PrepareProgress[]): Promise<BenchFigure[]> {
  const visit = await visits.create({ name: 'Bench visit with history', site: '', notes: '' })
  if (!visit.ok) throw new Error(visit.error.message)
  const added = await service.addDevices(visit.value.id, sim.deviceIds, 'work-order')
  if (!added.ok) throw new Error(added.error.message)
  sim.control.resetRequestLog()
  const from = progress.length
  const started = Date.now()
  const first = await scheduler.start(visit.value.id, 'all', true)
  if (!first.ok) throw new Error(first.error.message)
  await scheduler.idle()
  const elapsedS = (Date.now() - started) / 1000
  const reads = sim.control.requests().filter((r) => r.method === 'GET')
  const records = reads.filter((r) => r.path.includes('/charging-records')).length
  const limited = reads.filter((r) => r.status === 429).length
  const run = progress.slice(from)
  const last = run.at(-1)
  const afterFirstHistory = run.find((p) => p.status === 'running' && (p.history?.done ?? 0) >= 1)
  const estimate = (p: PrepareProgress | undefined) => `${((p?.etaMs ?? NaN) / 1000).toFixed(1)} s for ${p?.readsLeft ?? '?'} reads`
  const n = sim.deviceIds.length
  return [
    { name: `prepare ${n} chargers with history, elapsed`, value: elapsedS, unit: 's', note: `after the 200-charger run on the same client; ${(elapsedS / reads.length).toFixed(2)} s per read` },
    { name: `prepare ${n} chargers with history, reads`, value: reads.length, unit: 'requests', note: `${reads.length - records} details + ${records} history pages` },
    { name: `prepare ${n} chargers with history, 429 responses`, value: limited, unit: 'responses' },
    { name: `prepare ${n} chargers with history, outcome`, value: last?.history?.done ?? 0, unit: 'histories kept', note: `${last?.done ?? 0} details, ${last?.history?.failed ?? 0} histories failed, status ${last?.status ?? '?'}` },
    { name: `prepare ${n} chargers with history, first time-left estimate`, value: first.value.etaMs === null ? NaN : first.value.etaMs / 1000, unit: 's', note: `${estimate(first.value)} (1 page per history assumed); after the first history ${estimate(afterFirstHistory)}; actual ${elapsedS.toFixed(1)} s` },
  ]
}
