/**
 * Snapshot store at a technician's real scale: 100,000 snapshots over 2,000 devices (50 each, the
 * default retention) on the real disk. "Cold" figures come from a NEW process each run
 * (support/cold-start-child.ts), so nothing is cached. Targets (issue 19, 2-core machine): first
 * list in a new process under 100 ms, app start within 1.2x of an empty store, RSS growth under
 * 30 MB, list after a save under 1 ms. The start screen's list comes from the first page; the
 * filtered first list shows what the full load (which follows it in the background) costs.
 * Measures and prints; never asserts.
 */
import { execFile } from 'node:child_process'
import { mkdir, mkdtemp, rm } from 'node:fs/promises'
import { tmpdir } from 'node:os'
import { join, resolve } from 'node:path'
import { promisify } from 'node:util'
import { SnapshotStore } from '@main/snapshots/snapshot-store'
import { median, percentile, timeRuns, type Benchmark, type BenchFigure } from './bench-types'
import { benchDeviceId, benchInput, seedSnapshots } from './support/seed-snapshots'
import { asDeviceId } from '../support/device-ids'

const DEVICES = 2_000
const PER_DEVICE = 50
const COLD_RUNS = 7
const ROOT = resolve(import.meta.dirname, '../..')
const CHILD = join(import.meta.dirname, 'support/cold-start-child.ts')

interface ChildFigures {
  ms: number
  /** The child's CPU time over the same span (a busy shared machine inflates it less than wall time). */
  cpuMs: number
  rssBeforeMb: number
  rssAfterMb: number
  items: number
}

/** Runs one measurement in a new Node process. */
async function inNewProcess(mode: 'list' | 'list-site' | 'list-all' | 'start', folder: string): Promise<ChildFigures> {
  const { stdout } = await promisify(execFile)(process.execPath, ['--import', 'tsx', CHILD, mode, folder], { cwd: ROOT, maxBuffer: 1 << 20 })
  return JSON.parse(stdout.trim().split('\n').at(-1)!) as ChildFigures
}

/** `runs` new-process measurements of each mode, interleaved so drift hits both alike. */
async function interleaved(runs: number, modes: Array<[string, 'list' | 'list-site' | 'list-all' | 'start', string]>): Promise<Map<string, ChildFigures[]>> {
  const out = new Map<string, ChildFigures[]>(modes.map(([key]) => [key, []]))
  for (let run = 0; run < runs; run++) {
    for (const [key, mode, folder] of modes) out.get(key)!.push(await inNewProcess(mode, folder))
  }
  return out
}

async function must<T>(result: Promise<{ ok: true; value: T } | { ok: false; error: { message: string } }>): Promise<T> {
  const settled = await result
  if (!settled.ok) throw new Error(settled.error.message)
  return settled.value
}

const ms = (values: number[]) => median(values)
const seedNote = `${DEVICES * PER_DEVICE} snapshots / ${DEVICES} devices`

const bench: Benchmark = async () => {
  const userData = await mkdtemp(join(tmpdir(), 'tellus-bench-snapshots-'))
  const emptyUserData = await mkdtemp(join(tmpdir(), 'tellus-bench-empty-'))
  const root = join(userData, 'snapshots')
  try {
    process.stderr.write(`bench: snapshots: seeding ${seedNote} …\n`)
    await seedSnapshots(root, DEVICES, PER_DEVICE)
    await mkdir(join(emptyUserData, 'snapshots'), { recursive: true })
    // The catalog records folder times only when they are older than 2 s (see snapshot-catalog.ts).
    await new Promise((wait) => setTimeout(wait, 2_100))
    const upgrade = await inNewProcess('list', root) // no catalog yet: reads every index, writes the catalog

    const cold = await interleaved(COLD_RUNS, [
      ['list', 'list', root],
      ['list-site', 'list-site', root],
      ['list-all', 'list-all', root],
      ['empty-list', 'list', join(emptyUserData, 'snapshots')],
      ['start', 'start', userData],
      ['start-empty', 'start', emptyUserData],
    ])
    const figure = (key: string) => cold.get(key)!
    const rssGrowth = (key: string) => figure(key).map((f) => f.rssAfterMb - f.rssBeforeMb)
    const startRatio = ms(figure('start').map((f) => f.ms)) / ms(figure('start-empty').map((f) => f.ms))
    const cpu = (key: string) => ms(figure(key).map((f) => f.cpuMs))

    const store = new SnapshotStore({ root })
    const ids = (await must(store.list())).items.map((meta) => meta.id)
    const warm = await timeRuns(() => must(store.list()), 30)
    const warmLimited = await timeRuns(() => must(store.list({ limit: 200 })), 50)
    const oneDevice = await timeRuns(() => must(store.list({ deviceId: asDeviceId(benchDeviceId(7)) })), 50)
    let next = 0
    const open = await timeRuns(() => must(store.get(ids[(next += 37) % ids.length]!)), 200)
    let round = PER_DEVICE
    const save = await timeRuns(() => must(store.save(benchInput(round % DEVICES, round++))), 100, 5)
    const listAfterSave: number[] = []
    for (let i = 0; i < 20; i++) {
      await must(store.save(benchInput(round % DEVICES, round++)))
      const start = performance.now()
      await must(store.list({ limit: 200 }))
      listAfterSave.push(performance.now() - start)
    }
    const flushStart = performance.now()
    await store.flush()
    const flush = performance.now() - flushStart

    await rm(join(root, 'catalog.txt'))
    await rm(join(root, 'first-page.txt')) // else the first list is answered from it
    const rebuild = await inNewProcess('list', root)

    const runs = `median of ${COLD_RUNS} new processes`
    const figures: BenchFigure[] = [
      { name: 'first list (limit 200) in a new process', value: ms(figure('list').map((f) => f.ms)), unit: 'ms', note: `${runs}; ${seedNote}; from the first page; target < 100 ms; before 980 ms` },
      { name: 'first list (limit 200) in a new process, CPU time', value: cpu('list'), unit: 'ms', note: `${runs}; the process's CPU over the same span` },
      { name: 'first list by site (limit 200) in a new process', value: ms(figure('list-site').map((f) => f.ms)), unit: 'ms', note: `${runs}; waits for the full load (catalog + folder check), as the background load after the first page costs; CPU ${cpu('list-site').toFixed(1)} ms` },
      { name: 'first list of all in a new process', value: ms(figure('list-all').map((f) => f.ms)), unit: 'ms', note: `${runs}; ${seedNote}; no screen asks for every entry at once (every list asks with a limit): the < 100 ms target is the start screen's line above` },
      { name: 'first list in a new process, empty store', value: ms(figure('empty-list').map((f) => f.ms)), unit: 'ms', note: runs },
      { name: 'RSS growth over the first list, 100k', value: ms(rssGrowth('list')), unit: 'MB', note: `${runs}; empty store ${ms(rssGrowth('empty-list')).toFixed(1)} MB; target < 30 MB` },
      { name: 'app start calls, 100k snapshots', value: ms(figure('start').map((f) => f.ms)), unit: 'ms', note: `${runs}; services + start screen calls; empty store ${ms(figure('start-empty').map((f) => f.ms)).toFixed(1)} ms` },
      { name: 'app start, 100k / empty store', value: startRatio, unit: 'x', note: 'target <= 1.2x; before 6.8-8.5x' },
      { name: 'app start, 100k / empty store, CPU time', value: cpu('start') / cpu('start-empty'), unit: 'x', note: `${cpu('start').toFixed(1)} / ${cpu('start-empty').toFixed(1)} ms CPU` },
      { name: 'RSS growth over app start, 100k', value: ms(rssGrowth('start')), unit: 'MB', note: `empty store ${ms(rssGrowth('start-empty')).toFixed(1)} MB` },
      { name: 'first open after an upgrade (no catalog yet)', value: upgrade.ms, unit: 'ms', note: 'one new process; reads 2,000 index files, writes the catalog' },
      { name: 'first list with the catalog deleted (rebuild)', value: rebuild.ms, unit: 'ms', note: 'one new process; same path as an upgrade' },
      { name: 'list all, warm', value: ms(warm), unit: 'ms', note: `median of ${warm.length}; copies ${ids.length} entries` },
      { name: 'list limit 200, warm', value: ms(warmLimited), unit: 'ms', note: `median of ${warmLimited.length}` },
      { name: 'list limit 200 right after a save', value: ms(listAfterSave), unit: 'ms', note: `median of ${listAfterSave.length}, max ${Math.max(...listAfterSave).toFixed(2)} ms; target < 1 ms (no re-sort)` },
      { name: 'list one device, warm', value: ms(oneDevice), unit: 'ms', note: `median of ${oneDevice.length}` },
      { name: 'open one snapshot', value: ms(open), unit: 'ms', note: `median of ${open.length}, p95 ${percentile(open, 95).toFixed(2)} ms; target < 10 ms` },
      { name: 'save one snapshot (fsync, + index + retention)', value: ms(save), unit: 'ms', note: `median of ${save.length}, p95 ${percentile(save, 95).toFixed(2)} ms; target < 15 ms` },
      { name: 'write the catalog (flush at quit)', value: flush, unit: 'ms', note: `one run; ${ids.length} entries` },
    ]
    return figures
  } finally {
    await rm(userData, { recursive: true, force: true })
    await rm(emptyUserData, { recursive: true, force: true })
  }
}

export default bench
