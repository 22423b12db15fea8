/**
 * The device view at scale, in the browser shell (real Chromium, real services): how long a
 * charger with 500 connectors takes to render, and what 200 live ages cost the idle renderer main
 * thread each second (issue 19: one shared clock instead of a timer per age).
 * The ages are those of an offline copy as a technician meets one: fetched on an earlier visit
 * (2 h ago), each connector's last telemetry in the 15 minutes before that fetch, so every age
 * shows minutes and changes once a minute. Beside it the worst case: a copy fetched a moment ago,
 * whose 200 ages all count seconds (as they do for the first minute after any fetch).
 * With the network down the live stream keeps retrying (backoff up to 30 s); its attempts fall into
 * the idle windows as they would on a technician's screen, and are most of what the idle figure is
 * once the ages change only once a minute (each attempt: two status changes, two frames).
 *
 * Both big chargers are stored as snapshots and reached the way a technician reaches them without
 * a network: a lookup whose live fetch fails (the demo simulator answers with a captive portal, a
 * failure that is not retried) opens the newest snapshot as an offline copy.
 * Main-thread time comes from Chromium's own counters (CDP Performance.getMetrics): "TaskDuration"
 * (wall time of the thread's tasks, which grows when other processes take the CPU) and
 * "ThreadTime" (the thread's CPU time, the figure to compare on a shared machine). Beside the idle
 * figure, the same counter for a plain page whose one text changes every second: the floor any
 * page pays for a visible age that counts seconds.
 * `BENCH_RENDERER_DIR=<dir>` measures another renderer build (e.g. an older commit's) the same way;
 * `BENCH_CONNECTORS=<n>` renders a charger with n connectors instead of 500 (the 5,000, say).
 * Measures and prints; never asserts.
 */
import type { Page } from 'playwright-core'
import { launchBrowserShell } from '../../scripts/browser-shell/launch-browser-shell'
import { median, type Benchmark } from './bench-types'
import { ensureRendererBuilt } from './renderer.bench'

const BIG = { id: 'dvc_b16b16b16500', connectors: Number(process.env.BENCH_CONNECTORS ?? 500) }
const AGES = { id: 'dvc_a9e5a9e5a200', connectors: 200 }
/** The same charger fetched a moment ago: every age counts seconds. */
const FRESH_AGES = { id: 'dvc_a9e5a9e5f200', connectors: 200 }
const MINUTE = 60_000
/** How old the offline copy with 200 ages is, and how far before its fetch its connectors' telemetry spreads. */
const COPY_AGE_MS = 120 * MINUTE
const TELEMETRY_SPREAD_MS = 15 * MINUTE
/** A charger the demo fleet does not have and no snapshot holds: its lookup fails, leaving no device on screen. */
const NO_COPY = 'dvc_000000000000'
const RENDER_RUNS = 5
const IDLE_WINDOWS = 3
const IDLE_WINDOW_MS = 5_000

/**
 * A charger response fetched at `fetchedAt` (epoch ms) with `count` connectors: most idle, some
 * charging, a few hot or faulted; their last telemetry spread evenly over `spreadMs` before the fetch.
 */
function bigCharger(id: string, count: number, fetchedAt: number, spreadMs = 0): Record<string, unknown> {
  const connectors = Array.from({ length: count }, (_, i) => {
    const n = i + 1
    const at = new Date(fetchedAt - Math.round((spreadMs * i) / count)).toISOString()
    if (n % 50 === 0) return { connector_id: n, status: 'fault', temperature: 31, last_telemetry_time: at }
    if (n % 3 === 0) return { connector_id: n, status: 'charging', power: 7.2, current: 31.3, voltage: 230, energy_delivered: 4.5, soc: 52, temperature: n % 40 === 0 ? 71 : 38, last_telemetry_time: at }
    return { connector_id: n, status: 'idle', power: 0, current: 0, voltage: 230, temperature: 24, last_telemetry_time: at }
  })
  return { device_id: id, sn: 'BENCH-0001', model: 'TP-AC22', manufacturer: 'Tellus Power', firmware_version: '1.4.2', status: 'online', site_id: 'site_001', last_heartbeat: new Date(fetchedAt).toISOString(), connectors }
}

/** The little of the page's globals the probe reads (this file is typed without the DOM library). */
interface PageGlobals {
  document: { getElementById(id: string): { textContent: string | null } | null }
}

type CdpSession = Awaited<ReturnType<ReturnType<Page['context']>['newCDPSession']>>

/** One of Chromium's main-thread counters so far (TaskDuration: busy wall time; ThreadTime: CPU time), in ms. */
async function mainThreadMs(cdp: CdpSession, counter: 'TaskDuration' | 'ThreadTime' = 'TaskDuration'): Promise<number> {
  const { metrics } = (await cdp.send('Performance.getMetrics')) as { metrics: { name: string; value: number }[] }
  return (metrics.find((m) => m.name === counter)?.value ?? 0) * 1000
}

/** Main-thread busy ms and CPU ms per second over `IDLE_WINDOWS` windows, each sorted. */
async function idleCost(page: Page, cdp: CdpSession): Promise<{ busy: number[]; cpu: number[] }> {
  const busy: number[] = []
  const cpu: number[] = []
  for (let i = 0; i < IDLE_WINDOWS; i++) {
    const before = { busy: await mainThreadMs(cdp), cpu: await mainThreadMs(cdp, 'ThreadTime') }
    await page.waitForTimeout(IDLE_WINDOW_MS)
    busy.push(((await mainThreadMs(cdp)) - before.busy) / (IDLE_WINDOW_MS / 1000))
    cpu.push(((await mainThreadMs(cdp, 'ThreadTime')) - before.cpu) / (IDLE_WINDOW_MS / 1000))
  }
  return { busy, cpu }
}

/** A page with a header and one age-like text that changes every second, nothing else. */
const FLOOR_PAGE = `<!doctype html><html lang="en"><head><meta charset="utf-8"><title>Floor</title></head><body>
<header><h1>Floor</h1></header><p>Fetched <time id="age">0 s ago</time></p>
<script>let n = 0; setInterval(() => { document.getElementById('age').textContent = ++n + ' s ago' }, 1000)</script></body></html>`

/** Idle cost of `FLOOR_PAGE` in the same browser (its own page, same viewport). */
async function floorCost(page: Page): Promise<{ busy: number[]; cpu: number[] }> {
  const floor = await page.context().newPage()
  try {
    await floor.setContent(FLOOR_PAGE)
    const cdp = await floor.context().newCDPSession(floor)
    await cdp.send('Performance.enable')
    await floor.waitForTimeout(2_000)
    return await idleCost(floor, cdp)
  } finally {
    await floor.close()
  }
}

const bench: Benchmark = async () => {
  const rendererDir = process.env.BENCH_RENDERER_DIR
  if (!rendererDir) await ensureRendererBuilt()
  const shell = await launchBrowserShell({ headless: true, ...(rendererDir ? { rendererDir } : {}), services: { simulator: { readsPerMinute: 10_000, controlEndpoint: true } } })
  try {
    const { page, services } = shell
    const now = Date.now()
    const stored = [
      { ...BIG, fetchedAt: now, spreadMs: 0 },
      { ...AGES, fetchedAt: now - COPY_AGE_MS, spreadMs: TELEMETRY_SPREAD_MS },
      { ...FRESH_AGES, fetchedAt: now, spreadMs: 0 },
    ]
    for (const { id, connectors, fetchedAt, spreadMs } of stored) {
      const data = bigCharger(id, connectors, fetchedAt, spreadMs)
      const saved = await services.snapshots.save({ deviceId: id, fetchedAt: new Date(fetchedAt).toISOString(), profileId: 'demo', profileName: 'Demo fleet', baseUrl: await services.demo.baseUrl(), data })
      if (!saved.ok) throw new Error(`could not store the bench charger: ${saved.error.message}`)
    }
    const control = new URL('/__sim/', await services.demo.baseUrl())
    await fetch(new URL('faults', control), { method: 'POST', body: JSON.stringify({ target: '*', fault: { kind: 'captive-portal' } }) })
    const cdp = await page.context().newCDPSession(page)
    await cdp.send('Performance.enable')
    const field = page.getByRole('textbox', { name: 'Device id' })
    await field.waitFor()

    /**
     * Looks `id` up with no device on screen (after a failed lookup of a charger with no snapshot,
     * which works the same in older builds); returns wall and main-thread ms from Enter to the painted detail.
     */
    const openFresh = async (id: string): Promise<{ wallMs: number; mainMs: number }> => {
      await field.fill(NO_COPY)
      await field.press('Enter')
      await page.locator('.device-error').first().waitFor({ timeout: 60_000 })
      await field.fill(id)
      const before = await mainThreadMs(cdp)
      const start = performance.now()
      await field.press('Enter')
      // A function for waitForFunction (the page's CSP forbids evaluating strings in it); this file is typed without the DOM.
      await page.waitForFunction(
        (expected) => (globalThis as unknown as PageGlobals).document.getElementById('device-title')?.textContent?.includes(expected) ?? false,
        id,
        { timeout: 60_000, polling: 'raf' },
      )
      // Two frames later the detail has been painted. A string: page.evaluate goes through DevTools, outside the CSP.
      await page.evaluate('new Promise((resolve) => requestAnimationFrame(() => requestAnimationFrame(resolve)))')
      const wallMs = performance.now() - start
      return { wallMs, mainMs: (await mainThreadMs(cdp)) - before }
    }

    const renders: { wallMs: number; mainMs: number }[] = []
    await openFresh(BIG.id) // warm-up
    for (let i = 0; i < RENDER_RUNS; i++) renders.push(await openFresh(BIG.id))

    await openFresh(AGES.id)
    const ageCount = await page.locator('time').count()
    const ageSample = await page.locator('.connector-card time').first().textContent()
    await page.waitForTimeout(2_000)
    const idle = await idleCost(page, cdp)
    await openFresh(FRESH_AGES.id)
    await page.waitForTimeout(2_000)
    const freshIdle = await idleCost(page, cdp)
    await fetch(new URL('clear', control), { method: 'POST' })
    const floor = await floorCost(page)

    const build = rendererDir ? `renderer ${rendererDir}` : 'out/renderer'
    return [
      {
        name: `${BIG.connectors} connectors: Enter -> detail painted, main-thread time, median`,
        value: median(renders.map((r) => r.mainMs)),
        unit: 'ms',
        note: `target < 1000 ms; ${RENDER_RUNS} runs, nothing on screen before, offline copy; ${build}`,
      },
      { name: `${BIG.connectors} connectors: Enter -> detail painted, wall, median`, value: median(renders.map((r) => r.wallMs)), unit: 'ms', note: 'includes the failed live fetch (not retried)' },
      {
        name: `idle renderer main thread with ${AGES.connectors} connector ages on screen, median`,
        value: median(idle.busy),
        unit: 'ms/s',
        note: `target < 2 ms/s; ${ageCount} <time> ages in the page, offline copy ${COPY_AGE_MS / MINUTE} min old (first connector: "${ageSample}"); ${IDLE_WINDOWS} windows of ${IDLE_WINDOW_MS / 1000} s (TaskDuration)`,
      },
      { name: 'the same, main-thread CPU time, median', value: median(idle.cpu), unit: 'ms/s', note: 'ThreadTime: what to compare on a shared machine' },
      {
        name: `worst case: ${FRESH_AGES.connectors} ages counting seconds (a copy fetched a moment ago), CPU, median`,
        value: median(freshIdle.cpu),
        unit: 'ms/s',
        note: `busy ${median(freshIdle.busy).toFixed(1)} ms/s; for the first minute after a fetch`,
      },
      {
        name: 'floor: a page whose one text changes every second, CPU, median',
        value: median(floor.cpu),
        unit: 'ms/s',
        note: `busy ${median(floor.busy).toFixed(1)} ms/s; what any visible age counting seconds costs`,
      },
    ]
  } finally {
    await shell.close()
  }
}

export default bench
