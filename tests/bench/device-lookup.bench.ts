/**
 * Device lookup as a technician feels it: from pressing Enter on a device id to the charger's
 * detail in the DOM, in the browser shell against the demo fleet (the simulator on loopback, real
 * IPC handlers, API client and snapshot store with fsync). Alternates two ids so every run renders
 * a new detail. Measures and prints; never asserts.
 *
 * Pacing: the client keeps to 60 reads a minute. The whole bench makes fewer reads than that
 * (warm-up + runs + one sites listing), so the pacer should never hold a request; every pacing
 * event is counted and reported so a figure that includes a wait is visible as such.
 */
import { launchBrowserShell } from '../../scripts/browser-shell/launch-browser-shell'
import { median, percentile, type Benchmark } from './bench-types'
import { ensureRendererBuilt } from './renderer.bench'

const IDS = ['dvc_2d7f0e9b4c61', 'dvc_8b2e4d6f1a93'] as const
const WARMUP = 2
const RUNS = 30

/**
 * Installed in the page (through DevTools, so the CSP does not apply): notes when Enter goes down
 * and when the detail of the expected device enters the DOM, both on the page's clock.
 */
const PROBE = `(() => {
  window.__tfLookup = { expect: null, enterAt: null, renderedAt: null };
  document.addEventListener('keydown', (event) => {
    if (event.key === 'Enter') window.__tfLookup.enterAt = performance.now();
  }, true);
  new MutationObserver(() => {
    const probe = window.__tfLookup;
    if (probe.expect === null || probe.renderedAt !== null) return;
    const title = document.getElementById('device-title');
    if (title && title.textContent.includes(probe.expect)) probe.renderedAt = performance.now();
  }).observe(document.body, { childList: true, subtree: true, characterData: true });
})()`

interface Probe {
  enterAt: number | null
  renderedAt: number | null
}

const bench: Benchmark = async () => {
  await ensureRendererBuilt()
  let pacingHolds = 0
  let pacingWaitMs = 0
  const shell = await launchBrowserShell({
    headless: true,
    services: {
      // Headroom on the simulator side; the client's own pacer (60 reads/min) is left as shipped.
      simulator: { readsPerMinute: 10_000 },
      emit: (event, payload) => {
        if (event === 'client:pacing' && 'waitMs' in payload && payload.waitMs > 0) {
          pacingHolds += 1
          pacingWaitMs += payload.waitMs
        }
      },
    },
  })
  try {
    const { page } = shell
    const field = page.getByRole('textbox', { name: 'Device id' })
    await field.waitFor()
    await page.evaluate(PROBE)

    const lookUp = async (deviceId: string): Promise<number> => {
      await page.evaluate(`window.__tfLookup = { expect: ${JSON.stringify(deviceId)}, enterAt: null, renderedAt: null }`)
      await field.fill(deviceId)
      await field.press('Enter')
      // A function, not a string: the page's CSP forbids evaluating strings inside it.
      await page.waitForFunction(() => (globalThis as unknown as { __tfLookup: Probe }).__tfLookup.renderedAt !== null, undefined, { timeout: 30_000 })
      const probe = (await page.evaluate('window.__tfLookup')) as Probe
      if (probe.enterAt === null || probe.renderedAt === null) throw new Error('the probe missed the key press or the render')
      return probe.renderedAt - probe.enterAt
    }

    for (let i = 0; i < WARMUP; i++) await lookUp(IDS[i % 2]!)
    const holdsBefore = pacingHolds
    const durations: number[] = []
    for (let i = 0; i < RUNS; i++) durations.push(await lookUp(IDS[i % 2]!))
    const held = pacingHolds - holdsBefore

    const pacing = held === 0 ? 'pacer held no request' : `pacer held ${held} request(s), ${Math.round(pacingWaitMs)} ms in all`
    return [
      {
        name: 'Enter on a device id -> detail rendered, median',
        value: median(durations),
        unit: 'ms',
        note: `${RUNS} runs alternating ${IDS.join(' / ')}, demo simulator on loopback; ${pacing}`,
      },
      { name: 'Enter on a device id -> detail rendered, p95', value: percentile(durations, 95), unit: 'ms', note: `${RUNS} runs` },
      { name: 'Enter on a device id -> detail rendered, min', value: Math.min(...durations), unit: 'ms', note: `${RUNS} runs` },
    ]
  } finally {
    await shell.close()
  }
}

export default bench
