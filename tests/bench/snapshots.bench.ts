/**
 * Snapshot store speed with a realistic fleet: 10,000 snapshots over 200 devices (50 each, the
 * default retention) on the real disk. Targets (2-core machine): list all under 100 ms, open one
 * under 10 ms, save (with fsync) under 15 ms. Measures and prints; never asserts.
 */
import { mkdtemp, rm, writeFile } from 'node:fs/promises'
import { tmpdir } from 'node:os'
import { join } from 'node:path'
import { nodeSnapshotFs, type SnapshotFs } from '@main/snapshots/snapshot-fs'
import { SnapshotStore } from '@main/snapshots/snapshot-store'
import { median, percentile, timeRuns, type Benchmark, type BenchFigure } from './bench-types'

const DEVICES = 200
const PER_DEVICE = 50
const START = Date.parse('2025-01-01T00:00:00Z')

/** Seeding only: the same store code, without fsync, so 10,000 saves take seconds, not minutes. */
const seedFs: SnapshotFs = { ...nodeSnapshotFs, writeFileAtomic: (path, contents) => writeFile(path, contents), fsyncDir: async () => undefined }

function device(index: number, round: number): unknown {
  return {
    device_id: deviceId(index),
    sn: `SN${String(index).padStart(10, '0')}`,
    model: index % 2 ? 'AC-22kW-V3' : 'TP-DC180',
    manufacturer: 'ChargeTech',
    firmware_version: `2.${round % 4}.0`,
    status: round % 7 ? 'online' : 'offline',
    last_heartbeat: new Date(START + round * 60_000).toISOString(),
    site_id: `site_${String(index % 20).padStart(3, '0')}`,
    connectors: [1, 2, 3, 4].map((connector_id) => ({
      connector_id,
      status: (round + connector_id) % 3 ? 'idle' : 'charging',
      power: 7.2 * connector_id,
      voltage: 229.5,
      current: 31.4,
      energy_delivered: round * 0.5,
      soc: (round * 3) % 100,
      temperature: 30 + connector_id,
      last_telemetry_time: new Date(START + round * 60_000).toISOString(),
    })),
  }
}

const deviceId = (index: number) => `dvc_${index.toString(16).padStart(12, '0')}`
const input = (index: number, round: number) => ({
  deviceId: deviceId(index),
  fetchedAt: new Date(START + round * 60_000 + index).toISOString(),
  profileId: 'prof_1',
  profileName: 'Bench operator',
  baseUrl: 'https://api.example.com/v1',
  data: device(index, round),
})

async function must<T>(result: Promise<{ ok: true; value: T } | { ok: false; error: { message: string } }>): Promise<T> {
  const settled = await result
  if (!settled.ok) throw new Error(settled.error.message)
  return settled.value
}

const bench: Benchmark = async () => {
  const root = await mkdtemp(join(tmpdir(), 'tellus-bench-snapshots-'))
  try {
    const seeding = new SnapshotStore({ root, fs: seedFs })
    for (let round = 0; round < PER_DEVICE; round++) {
      for (let index = 0; index < DEVICES; index++) await must(seeding.save(input(index, round)))
    }

    const cold = await timeRuns(async () => {
      const list = await must(new SnapshotStore({ root }).list())
      if (list.items.length !== DEVICES * PER_DEVICE) throw new Error(`listed ${list.items.length}`)
    }, 15, 1)
    const store = new SnapshotStore({ root })
    const ids = (await must(store.list())).items.map((meta) => meta.id)
    const warm = await timeRuns(() => must(store.list()), 50)
    const oneDevice = await timeRuns(() => must(store.list({ deviceId: deviceId(7) })), 50)
    let next = 0
    const open = await timeRuns(() => must(store.get(ids[(next += 37) % ids.length]!)), 200)

    let round = PER_DEVICE
    const save = await timeRuns(() => must(store.save(input(round % DEVICES, round++))), 200, 5)
    const listAfterSave: number[] = []
    for (let i = 0; i < 20; i++) {
      await must(store.save(input(round % DEVICES, round++)))
      const start = performance.now()
      await must(store.list())
      listAfterSave.push(performance.now() - start)
    }

    for (let index = 0; index < DEVICES; index++) await rm(join(root, 'devices', deviceId(index), 'index.json'))
    const rebuildStart = performance.now()
    await must(new SnapshotStore({ root }).list())
    const rebuild = performance.now() - rebuildStart

    const n = `${DEVICES * PER_DEVICE} snapshots / ${DEVICES} devices`
    const figures: BenchFigure[] = [
      { name: 'list all, cold (new store: reads 200 index files)', value: median(cold), unit: 'ms', note: `median of ${cold.length}; ${n}; target < 100 ms` },
      { name: 'list all, warm (in-memory index)', value: median(warm), unit: 'ms', note: `median of ${warm.length}; target < 100 ms` },
      { name: 'list all, right after a save (re-sort)', value: median(listAfterSave), unit: 'ms', note: `median of ${listAfterSave.length}` },
      { name: 'list one device, warm', value: median(oneDevice), unit: 'ms', note: `median of ${oneDevice.length}` },
      { name: 'open one snapshot', value: median(open), unit: 'ms', note: `median of ${open.length}, p95 ${percentile(open, 95).toFixed(2)} ms; target < 10 ms` },
      { name: 'save one snapshot (fsync, + index + retention)', value: median(save), unit: 'ms', note: `median of ${save.length}, p95 ${percentile(save, 95).toFixed(2)} ms; target < 15 ms` },
      { name: 'first list after all index files deleted (rebuild)', value: rebuild, unit: 'ms', note: 'one run; parses every snapshot file' },
    ]
    return figures
  } finally {
    await rm(root, { recursive: true, force: true })
  }
}

export default bench
