/**
 * Charging history: fetch 30 days of one busy DC charger's records (every page, through the real
 * client and its pacer, against the simulator at the API's real 60 reads/min), against a raw
 * `fetch` + `JSON.parse` of the same pages in the same process (interleaved, medians); then, in the
 * browser shell, click "History" → the sessions table in the DOM (fetch + render). Never asserts.
 */
import { mkdtemp, rm } from 'node:fs/promises'
import { tmpdir } from 'node:os'
import { join } from 'node:path'
import { ok } from '@common/errors'
import { HistoryCache } from '@main/history/history-cache'
import { HistoryService } from '@main/history/history-service'
import { startSimulator } from '@main/simulator/index'
import { TellusClient } from '@main/tellus/tellus-client'
import { launchBrowserShell } from '../../scripts/browser-shell/launch-browser-shell'
import { median, type Benchmark } from './bench-types'
import { ensureRendererBuilt } from './renderer.bench'
import { asDeviceId } from '../support/device-ids'

const DEVICE = asDeviceId('dvc_3f9a1c7e5b20')
const RUNS = 6
const DAY = 86_400_000

async function fetchAndRender(): Promise<number[]> {
  await ensureRendererBuilt()
  const shell = await launchBrowserShell({ headless: true })
  try {
    const { page } = shell
    const durations: number[] = []
    for (let i = 0; i < RUNS; i++) {
      const field = page.getByRole('textbox', { name: 'Device id' })
      await page.getByRole('navigation', { name: 'Main' }).getByRole('button', { name: 'Device', exact: true }).click()
      await field.fill(DEVICE)
      await field.press('Enter')
      await page.getByRole('heading', { name: `Charger ${DEVICE}` }).waitFor()
      const start = await page.evaluate(() => performance.now())
      await page.getByRole('button', { name: 'History', exact: true }).last().click()
      await page.locator('.sessions-table tbody tr.session-row').first().waitFor({ timeout: 60_000 })
      durations.push((await page.evaluate(() => performance.now())) - start)
    }
    return durations
  } finally {
    await shell.close()
    await rm(shell.userDataDir, { recursive: true, force: true })
  }
}

const bench: Benchmark = async () => {
  const sim = await startSimulator({ port: 0 })
  const dir = await mkdtemp(join(tmpdir(), 'tellus-bench-history-'))
  try {
    const client = new TellusClient({ baseUrl: sim.baseUrl, ...sim.credentials })
    const service = new HistoryService({
      clients: { active: async () => ok({ profile: { id: 'bench', name: 'Bench', baseUrl: sim.baseUrl }, client: client }) },
      cache: new HistoryCache(dir),
    })
    const token = await (await fetch(`${sim.baseUrl}/operator/oauth/token`, {
      method: 'POST',
      headers: { 'content-type': 'application/json' },
      body: JSON.stringify({ client_id: sim.credentials.clientId, client_secret: sim.credentials.clientSecret, grant_type: 'client_credentials' }),
    }).then((r) => r.json())) as { access_token: string }
    const raw = async (pages: number) => {
      const end = new Date().toISOString()
      const start = new Date(Date.now() - 30 * DAY).toISOString()
      for (let page = 1; page <= pages; page++) {
        const url = `${sim.baseUrl}/operator/charging-records?device_id=${DEVICE}&page=${page}&size=100&start_time=${start}&end_time=${end}`
        JSON.parse(await (await fetch(url, { headers: { authorization: `Bearer ${token.access_token}` } })).text())
      }
    }
    const first = await service.fetchHistory(DEVICE, 30)
    if (!first.ok || first.value.source !== 'live') throw new Error('history fetch failed')
    const { pages } = first.value
    const records = first.value.history.records.length
    const service30: number[] = []
    const rawRuns: number[] = []
    for (let i = 0; i < RUNS; i++) {
      let t = performance.now()
      await service.fetchHistory(DEVICE, 30)
      service30.push(performance.now() - t)
      t = performance.now()
      await raw(pages)
      rawRuns.push(performance.now() - t)
    }
    await sim.close()
    const rendered = await fetchAndRender()
    const ratio = median(service30) / median(rawRuns)
    return [
      { name: '30 days of one DC charger: pages / records', value: pages, unit: 'pages', note: `${records} records, 100 a page` },
      { name: '30-day history fetch (client + paging + parse + save), median', value: median(service30), unit: 'ms', note: `${RUNS} runs, pacer at 60 reads/min held nothing` },
      { name: 'raw fetch + JSON.parse of the same pages, median', value: median(rawRuns), unit: 'ms', note: `baseline, interleaved; ratio ${ratio.toFixed(2)}x` },
      { name: 'click History -> sessions table in the DOM, median', value: median(rendered), unit: 'ms', note: `${RUNS} runs in the browser shell, demo fleet (fetch + render)` },
    ]
  } finally {
    await sim.close().catch(() => undefined)
    await rm(dir, { recursive: true, force: true })
  }
}

export default bench
