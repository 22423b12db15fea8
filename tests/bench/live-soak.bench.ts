/**
 * Live telemetry soak: the demo simulator streams a charging DC charger at an accelerated 20
 * frames/s (50 ms cadence) into the real services and the built renderer in Chromium, with a
 * recording running, for LIVE_SOAK_MINUTES (default 3, so `npm run bench` stays under 15 min;
 * 3 min at 20 frames/s is 3,600 frames, as many as 5 h at the real 5 s cadence).
 * Prints the growth of main's RSS and JS heap and of the renderer's JS heap (each after a GC,
 * from after a 30 s warm-up to the end), and the median and p95 time from a frame arriving in
 * main to the next paint after the renderer applied it. Measures and prints; never asserts.
 */
import { setFlagsFromString } from 'node:v8'
import { runInNewContext } from 'node:vm'
import { launchBrowserShell } from '../../scripts/browser-shell/launch-browser-shell'
import { median, percentile, type Benchmark } from './bench-types'
import { ensureRendererBuilt } from './renderer.bench'

const DEVICE = 'dvc_3f9a1c7e5b20' // TP-DC180, connector 1 charging
const CADENCE_MS = 50
const WARMUP_MS = 30_000
const MINUTES = Number(process.env.LIVE_SOAK_MINUTES ?? 3)
const MB = 1024 * 1024

/** What the bench reads and sets in the page (the node typings have no DOM). */
interface PageGlobals {
  __frameToPaint: number[]
  tellus: { on(event: 'live:frame', listener: (frame: { receivedAt: number }) => void): () => void }
  requestAnimationFrame(callback: () => void): number
}

setFlagsFromString('--expose-gc')
const gc = runInNewContext('gc') as () => void

function mainMemory(): { rss: number; heap: number } {
  gc()
  const { rss, heapUsed } = process.memoryUsage()
  return { rss, heap: heapUsed }
}

const bench: Benchmark = async () => {
  await ensureRendererBuilt()
  const shell = await launchBrowserShell({ headless: true, services: { simulator: { streamIntervalMs: CADENCE_MS } } })
  try {
    const { page } = shell
    const cdp = await page.context().newCDPSession(page)
    const rendererHeap = async () => {
      await cdp.send('HeapProfiler.collectGarbage')
      return (await cdp.send('Runtime.getHeapUsage')).usedSize
    }
    const field = page.getByRole('textbox', { name: 'Device id' })
    await field.fill(DEVICE)
    await field.press('Enter')
    await page.locator('.stream-status[data-state="live"]').waitFor({ timeout: 30_000 })
    // Frame-to-paint: this listener runs after the store's (registered first), so the next
    // animation frame comes after React has committed the frame's values.
    await page.evaluate(() => {
      const page = globalThis as unknown as PageGlobals
      const samples: number[] = []
      page.__frameToPaint = samples
      page.tellus.on('live:frame', ({ receivedAt }: { receivedAt: number }) => page.requestAnimationFrame(() => samples.push(Date.now() - receivedAt)))
    })
    await page.getByRole('button', { name: 'Record test charge' }).click()
    await page.waitForTimeout(WARMUP_MS)
    const mainBefore = mainMemory()
    const rendererBefore = await rendererHeap()
    await page.evaluate(() => (globalThis as unknown as PageGlobals).__frameToPaint.splice(0))
    const framesBefore = shell.services.live.status().frames
    await page.waitForTimeout(MINUTES * 60_000)
    const frames = shell.services.live.status().frames - framesBefore
    const samples = await page.evaluate(() => (globalThis as unknown as PageGlobals).__frameToPaint.slice())
    const mainAfter = mainMemory()
    const rendererAfter = await rendererHeap()
    await page.getByRole('button', { name: 'Stop recording' }).click()
    const note = `${frames} frames received in main in ${MINUTES} min (nominal 20 frames/s), recording on`
    return [
      { name: 'live soak: main RSS growth', value: (mainAfter.rss - mainBefore.rss) / MB, unit: 'MB', note: `${(mainBefore.rss / MB).toFixed(0)} → ${(mainAfter.rss / MB).toFixed(0)} MB; ${note}` },
      { name: 'live soak: main JS heap growth', value: (mainAfter.heap - mainBefore.heap) / MB, unit: 'MB', note: 'after GC' },
      { name: 'live soak: renderer JS heap growth', value: (rendererAfter - rendererBefore) / MB, unit: 'MB', note: `after GC; ${(rendererBefore / MB).toFixed(1)} → ${(rendererAfter / MB).toFixed(1)} MB` },
      { name: 'live soak: frame-to-paint, median', value: median(samples), unit: 'ms', note: `${samples.length} frames painted` },
      { name: 'live soak: frame-to-paint, p95', value: percentile(samples, 95), unit: 'ms' },
    ]
  } finally {
    await shell.close()
  }
}

export default bench
