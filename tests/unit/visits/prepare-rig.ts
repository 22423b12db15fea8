/**
 * The prepare scheduler's test rig: a visit of simulator chargers on real visit, snapshot and
 * history folders, a client paced at a given rate over the simulator's virtual timeline, and the
 * scheduler with every progress report it emitted.
 */
import { afterEach, beforeEach } from 'vitest'
import { ok } from '@common/errors'
import type { PrepareProgress } from '@common/visits/visit-types'
import { HistoryCache } from '@main/history/history-cache'
import { HistoryService } from '@main/history/history-service'
import { SnapshotStore } from '@main/snapshots/snapshot-store'
import { PacerRegistry } from '@main/tellus/pacer'
import { TellusClient } from '@main/tellus/tellus-client'
import { createPrepareSource } from '@main/visits/prepare-source'
import { PrepareScheduler } from '@main/visits/prepare-scheduler'
import { VisitService } from '@main/visits/visit-service'
import { VisitStore } from '@main/visits/visit-store'
import { tempRoot, unwrap } from '../../support/common-fixtures'
import { useSimulators, type TestSimulator } from '../tellus/support'

const PROFILE = { id: 'prof_demo', name: 'Demo fleet', baseUrl: 'http://127.0.0.1/v1' }

export interface Rig {
  test: TestSimulator
  visits: VisitStore
  snapshots: SnapshotStore
  history: HistoryService
  scheduler: PrepareScheduler
  service: VisitService
  progress: PrepareProgress[]
  /** The virtual time each progress report was emitted at. */
  progressAt: number[]
  visitId: string
}

/**
 * Registers a temp folder per test and returns `rig(readsPerMinute, count, existing?)`: a visit of
 * the first `count` simulator chargers; with `existing`, a new app (scheduler, stores) over the same
 * simulator and folders, as after a restart.
 */
export function usePrepareRig(): (readsPerMinute: number, count: number, existing?: TestSimulator) => Promise<Rig> {
  const startSimulator = useSimulators()
  let root = ''
  let cleanup: () => Promise<void> = async () => undefined
  beforeEach(async () => ({ root, cleanup } = await tempRoot()))
  afterEach(() => cleanup())

  return async (readsPerMinute, count, existing) => {
    const test = existing ?? (await startSimulator({ readsPerMinute }, { timeline: true }))
    const client = new TellusClient(test.clientOptions({ pacer: { readsPerMinute, registry: new PacerRegistry() } }))
    const visits = new VisitStore(`${root}/visits`, test.time.now)
    const snapshots = new SnapshotStore({ root: `${root}/snapshots`, now: test.time.now })
    const profile = { ...PROFILE, baseUrl: test.sim.baseUrl }
    const history = new HistoryService({ clients: { active: async () => ok({ profile, client }) }, cache: new HistoryCache(root, test.time.now), now: test.time.now })
    const progress: PrepareProgress[] = []
    const progressAt: number[] = []
    const scheduler = new PrepareScheduler({
      visits,
      source: async () => ok(createPrepareSource({ profile, client, snapshots, history, readSlots: (n) => client.readSlots(n) })),
      emit: (p) => {
        progress.push(p)
        progressAt.push(test.time.now())
      },
      now: test.time.now,
    })
    const service = new VisitService({ store: visits, scheduler, latestSnapshot: (id) => snapshots.latest(id) })
    const visit = unwrap(await visits.create({ name: 'Depot run', site: '', notes: '' }))
    unwrap(await service.addDevices(visit.id, test.sim.deviceIds.slice(0, count), 'work-order'))
    return { test, visits, snapshots, history, scheduler, service, progress, progressAt, visitId: visit.id }
  }
}

/** The GET requests the simulator saw. */
export const gets = (r: Rig) => r.test.sim.control.requests().filter((q) => q.method === 'GET')
