/**
 * The renderer's weight and start-up: bundle size (raw and gzip, JS and CSS) of the built
 * renderer, and the time from navigation start to the first render in the browser shell (the app
 * header in the DOM, and Chromium's first contentful paint), median of repeated reloads.
 * Beside each, the same figure for a minimal React 19 + zustand app built with the same Vite in the
 * same run (support/minimal-app.ts), and the ratio (issue 19 targets: JS gzip and first paint at
 * most 1.3x the minimal app). The minimal app's first paint is taken twice: in the same browser
 * shell as the app (like with like: the shell's page bindings and init script alone cost it about
 * a fifth) and as a plain page (the comparison of earlier rounds). Measures and prints; never asserts.
 */
import { execFile } from 'node:child_process'
import { access, readdir, readFile } from 'node:fs/promises'
import { join, resolve } from 'node:path'
import { promisify } from 'node:util'
import { gzipSync } from 'node:zlib'
import { chromium } from 'playwright-core'
import { CHROMIUM_ARGS, chromiumExecutable } from '../../scripts/browser-shell/chromium'
import { launchBrowserShell } from '../../scripts/browser-shell/launch-browser-shell'
import { startStaticServer } from '../../scripts/browser-shell/static-server'
import { buildMinimalApp } from './support/minimal-app'
import { median, type Benchmark, type BenchFigure } from './bench-types'

const ROOT = resolve(import.meta.dirname, '../..')
export const RENDERER_DIR = join(ROOT, 'out/renderer')
/** Reloads per page per round, and rounds (alternating the pages compared). */
const RELOADS = 10
const ROUNDS = 3

/** Builds out/ with electron-vite unless the renderer is built already. */
export async function ensureRendererBuilt(): Promise<void> {
  try {
    await access(join(RENDERER_DIR, 'index.html'))
  } catch {
    process.stderr.write('bench: out/renderer is missing, building it with electron-vite …\n')
    await promisify(execFile)(join(ROOT, 'node_modules/.bin/electron-vite'), ['build'], { cwd: ROOT })
  }
}

/** Raw and gzip bytes of the files at `paths`. */
async function bytesOf(paths: string[]): Promise<{ files: number; raw: number; gzip: number }> {
  let raw = 0
  let gzip = 0
  for (const path of paths) {
    const bytes = await readFile(path)
    raw += bytes.length
    gzip += gzipSync(bytes, { level: 9 }).length
  }
  return { files: paths.length, raw, gzip }
}

/** Raw and gzip bytes of the built assets with one extension. */
async function assetBytes(extension: '.js' | '.css', root = RENDERER_DIR): Promise<{ files: number; raw: number; gzip: number }> {
  const dir = join(root, 'assets')
  return bytesOf((await readdir(dir)).filter((name) => name.endsWith(extension)).map((name) => join(dir, name)))
}

/** Raw and gzip bytes of the JS the first screen loads: index.html's module script and its modulepreloads. */
async function firstScreenJs(root = RENDERER_DIR): Promise<{ files: number; raw: number; gzip: number }> {
  const html = await readFile(join(root, 'index.html'), 'utf8')
  return bytesOf([...html.matchAll(/(?:src|href)="\.\/(assets\/[^"]+\.js)"/g)].map((match) => join(root, match[1]!)))
}

/**
 * Runs in the page before any script (a DevTools init script, so the CSP does not apply): records
 * when the app header first enters the DOM from the app's first render (not index.html's starting
 * frame, .app-starting), as ms since navigation start.
 */
const MARK_HEADER = `(() => {
  const found = () => {
    if (!document.querySelector('.app-header:not(.app-starting .app-header)')) return false;
    window.__tfHeaderAt = performance.now();
    return true;
  };
  new MutationObserver((_, observer) => { if (found()) observer.disconnect(); }).observe(document, { childList: true, subtree: true });
})()`

interface LoadTiming {
  headerAt: number
  fcp: number | null
  domContentLoaded: number
}

const READ_TIMING = `(() => {
  const nav = performance.getEntriesByType('navigation')[0];
  const fcp = performance.getEntriesByName('first-contentful-paint')[0];
  return { headerAt: window.__tfHeaderAt, fcp: fcp ? fcp.startTime : null, domContentLoaded: nav ? nav.domContentLoadedEventEnd : 0 };
})()`

/**
 * Reloads the page of a browser shell serving `rendererDir` `reloads` times (after one warm-up)
 * and reads each load's timings. The shell is the harness every renderer figure is taken in: the
 * page bindings and init script that give it `window.tellus`, the CSP static server, the services
 * in this process.
 */
async function measureShellLoads(rendererDir: string, reloads: number): Promise<LoadTiming[]> {
  const shell = await launchBrowserShell({ headless: true, rendererDir })
  try {
    await shell.context.addInitScript({ content: MARK_HEADER })
    const timings: LoadTiming[] = []
    for (let i = 0; i <= reloads; i++) {
      await shell.page.reload()
      // Functions, not strings: the page's CSP forbids evaluating strings inside it.
      await shell.page.waitForFunction(() => typeof (globalThis as unknown as { __tfHeaderAt?: number }).__tfHeaderAt === 'number')
      // First contentful paint is reported once the frame is painted.
      await shell.page
        .waitForFunction(() => performance.getEntriesByName('first-contentful-paint').length > 0, undefined, { timeout: 5000 })
        .catch(() => undefined)
      const timing = (await shell.page.evaluate(READ_TIMING)) as LoadTiming
      if (i > 0) timings.push(timing)
    }
    return timings
  } finally {
    await shell.close()
  }
}

/** First contentful paint of a plain page load of the minimal app (no shell, no bindings), `reloads` times. */
async function measurePlainPaint(dir: string, reloads: number): Promise<number[]> {
  const server = await startStaticServer(dir)
  const browser = await chromium.launch({ executablePath: chromiumExecutable(), headless: true, args: CHROMIUM_ARGS })
  try {
    const page = await browser.newPage()
    await page.goto(server.url)
    const fcps: number[] = []
    for (let i = 0; i <= reloads; i++) {
      await page.reload()
      await page.waitForFunction(() => performance.getEntriesByName('first-contentful-paint').length > 0, undefined, { timeout: 5000 }).catch(() => undefined)
      const fcp = (await page.evaluate(() => performance.getEntriesByName('first-contentful-paint')[0]?.startTime ?? null)) as number | null
      if (i > 0 && fcp !== null) fcps.push(fcp)
    }
    return fcps
  } finally {
    await browser.close()
    await server.close()
  }
}

/** The first paints of the three pages compared, taken in alternating rounds so a busy spell on a shared machine falls on all three. */
async function measureFirstPaints(minimalDir: string): Promise<{ app: LoadTiming[]; minimalInShell: number[]; minimalPlain: number[] }> {
  const app: LoadTiming[] = []
  const minimalInShell: number[] = []
  const minimalPlain: number[] = []
  const fcpsOf = (timings: LoadTiming[]) => timings.map((t) => t.fcp).filter((v): v is number => v !== null)
  for (let round = 0; round < ROUNDS; round++) {
    app.push(...(await measureShellLoads(RENDERER_DIR, RELOADS)))
    minimalInShell.push(...fcpsOf(await measureShellLoads(minimalDir, RELOADS)))
    minimalPlain.push(...(await measurePlainPaint(minimalDir, RELOADS)))
  }
  return { app, minimalInShell, minimalPlain }
}

const kB = (bytes: number) => Math.round(bytes / 100) / 10
const ratio = (value: number, base: number) => Math.round((value / base) * 100) / 100

const bench: Benchmark = async () => {
  await ensureRendererBuilt()
  const js = await assetBytes('.js')
  const css = await assetBytes('.css')
  const firstJs = await firstScreenJs()
  const minimalDir = await buildMinimalApp()
  const minimalJs = await assetBytes('.js', minimalDir)
  const paints = await measureFirstPaints(minimalDir)
  const timings = paints.app
  const fcps = timings.map((t) => t.fcp).filter((v): v is number => v !== null)
  const figures: BenchFigure[] = [
    { name: 'renderer JS, raw', value: kB(js.raw), unit: 'kB', note: `${js.files} file(s) in out/renderer/assets` },
    { name: 'renderer JS, gzip -9', value: kB(js.gzip), unit: 'kB', note: `minimal React 19 + zustand app ${kB(minimalJs.gzip)} kB (same Vite, same run)` },
    {
      name: 'renderer JS gzip / minimal app',
      value: ratio(js.gzip, minimalJs.gzip),
      unit: 'x',
      note: 'every chunk a full session may load; before 1.83x (124.9 / 68.4 kB), 3.09x (211.1 / 68.2 kB) before the first-screen split',
    },
    { name: 'first screen JS, gzip -9', value: kB(firstJs.gzip), unit: 'kB', note: `${firstJs.files} file(s) index.html loads at once (other views and the device detail load lazily)` },
    { name: 'first screen JS gzip / minimal app', value: ratio(firstJs.gzip, minimalJs.gzip), unit: 'x', note: 'target <= 1.3x; before 2.15x (146.5 / 68.2 kB)' },
    { name: 'renderer CSS, raw', value: kB(css.raw), unit: 'kB', note: `${css.files} file(s)` },
    { name: 'renderer CSS, gzip -9', value: kB(css.gzip), unit: 'kB' },
    {
      name: 'navigation start -> app header in the DOM, median',
      value: median(timings.map((t) => t.headerAt)),
      unit: 'ms',
      note: `${timings.length} reloads in ${ROUNDS} rounds, browser shell (Chromium, http on loopback)`,
    },
    {
      name: 'navigation start -> DOMContentLoaded, median',
      value: median(timings.map((t) => t.domContentLoaded)),
      unit: 'ms',
      note: `${timings.length} reloads`,
    },
  ]
  if (fcps.length > 0) {
    figures.push({ name: 'navigation start -> first contentful paint, median', value: median(fcps), unit: 'ms', note: `${fcps.length} reloads` })
  }
  if (fcps.length > 0 && paints.minimalInShell.length > 0) {
    const minimal = median(paints.minimalInShell)
    figures.push({ name: 'first contentful paint, minimal app in the same shell, median', value: minimal, unit: 'ms', note: `${paints.minimalInShell.length} reloads: the same bindings, init scripts and server as the app` })
    figures.push({ name: 'first paint / minimal app (same shell)', value: ratio(median(fcps), minimal), unit: 'x', note: 'target <= 1.3x; like with like' })
  }
  if (fcps.length > 0 && paints.minimalPlain.length > 0) {
    const plain = median(paints.minimalPlain)
    figures.push({ name: 'first contentful paint, minimal app as a plain page, median', value: plain, unit: 'ms', note: `${paints.minimalPlain.length} reloads, same Chromium and server, no shell` })
    figures.push({ name: 'first paint / minimal plain page', value: ratio(median(fcps), plain), unit: 'x', note: 'the round-4 comparison (1.5-1.7x then): includes the shell harness cost' })
  }
  return figures
}

export default bench
