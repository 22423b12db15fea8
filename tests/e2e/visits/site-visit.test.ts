/**
 * A site visit in Chromium, end to end: a work order with 8 demo chargers and 2 bad ids pasted,
 * the visit prepared with charging history against a simulator of our own (progress, time left), the simulator stopped,
 * the triage board opened offline (worst first, keyboard), the worst charger opened, fetched again
 * after the "repair" (network back, time moved on) and the before/after compared in one click.
 */
import { rm } from 'node:fs/promises'
import { afterAll, beforeAll, describe, expect, it } from 'vitest'
import type { Page } from 'playwright-core'
import type { BrowserShell } from '../../../scripts/browser-shell/launch-browser-shell'
import { MemorySecretStore } from '@main/credentials/memory-secret-store'
import { startSimulator, type SimulatorHandle } from '@main/simulator/index'
import { blockingViolations, formatViolations, runAxe } from '../support/axe'
import { SCREEN_SIZES, screenshot, screenshotEverySize, startShell } from '../support/e2e-shell'
import { addProfileThroughUi, deviceTitle } from '../profiles/profile-steps'
import { createShiftedClock } from '../snapshots/snapshot-steps'

const PROFILE = { name: 'North depot', clientId: 'e2e_visit_client', clientSecret: 'e2e-visit-secret-5b7e' }
/** The two critical chargers of the eight: a connector in fault (listed first), and the offline one. */
const WORST = 'dvc_8b2e4d6f1a93'
const OFFLINE = 'dvc_4c6e8a0b2d19'
/** Eight chargers of the demo fleet in the shapes work orders use, and two entries that are not ids. */
const WORK_ORDER = [
  'WO-48213  North depot, level -2 car park  (technician: R. Okafor)',
  'bay,device,reported',
  '1,DVC_A1B2C3D4E5F6,connector hot',
  '2,dvc-3f9a1c7e5b20,slow charging',
  '3,8b2e4d6f1a93,',
  '4,dvc_c47d19e2a6f8,screen dark',
  `5,${OFFLINE},offline since Monday`,
  '6,dvc_9e1d,illegible on the sticker',
  '7,dvc_2d7f0e9b4c61,',
  '8,dvc_6a4c2f8e0d37,cable worn',
  '9,dvc_e5a7c9b1d3f4,',
  '10,dvc_a1b2c3d4e5fO,typed from a photo',
].join('\n')
const EIGHT = ['dvc_a1b2c3d4e5f6', 'dvc_3f9a1c7e5b20', WORST, 'dvc_c47d19e2a6f8', OFFLINE, 'dvc_2d7f0e9b4c61', 'dvc_6a4c2f8e0d37', 'dvc_e5a7c9b1d3f4']

async function openVisits(page: Page): Promise<void> {
  await page.getByRole('navigation', { name: 'Main' }).getByRole('button', { name: 'Visits', exact: true }).click()
}

const boardRows = (page: Page) => page.getByRole('list', { name: 'Triage board' }).getByRole('listitem')

describe('a site visit in Chromium', () => {
  const clock = createShiftedClock(-30 * 60_000)
  const keychain = new MemorySecretStore()
  const pageErrors: string[] = []
  let sim: SimulatorHandle
  let port: number
  let shell: BrowserShell

  beforeAll(async () => {
    sim = await startSimulator({ port: 0, now: clock.now })
    port = sim.port
    sim.control.addClient(PROFILE.clientId, PROFILE.clientSecret)
    shell = await startShell({ secretStore: keychain, services: { now: clock.now }, viewport: SCREEN_SIZES[0] })
    shell.page.on('pageerror', (error) => pageErrors.push(error.message))
    await addProfileThroughUi(shell.page, { ...PROFILE, baseUrl: sim.baseUrl })
  })
  afterAll(async () => {
    await shell?.close()
    await sim?.close()
    if (shell) await rm(shell.userDataDir, { recursive: true, force: true })
  })

  it('creates a visit and fills its work list from a pasted work order: 8 chargers, 2 bad ids listed with the reason', async () => {
    const { page } = shell
    await openVisits(page)
    await page.getByRole('heading', { name: 'No visits yet' }).waitFor()
    await screenshot(page, 'visits-empty-sunlight')
    const form = page.getByRole('form', { name: 'New visit' })
    await form.getByLabel('Name').fill('WO-48213 level -2 car park')
    await form.getByLabel('Site').fill('North depot')
    await form.getByLabel('Notes').fill('Gate code 4411. Bay 5 reported offline since Monday.')
    await form.getByRole('button', { name: 'Create visit' }).click()
    await page.getByRole('heading', { name: 'WO-48213 level -2 car park', level: 1 }).waitFor()

    await page.getByLabel('Paste the work order').fill(WORK_ORDER)
    await expect(page.locator('#work-order-found').textContent()).resolves.toBe('8 device ids found.')
    const rejected = page.getByRole('group', { name: 'Not device ids' })
    await expect(rejected.textContent()).resolves.toContain('2 entries are not device ids')
    await expect(rejected.textContent()).resolves.toMatch(/dvc_9e1d: 4 characters after dvc_/)
    await expect(rejected.textContent()).resolves.toMatch(/dvc_a1b2c3d4e5fO: "o" is a letter.*did you mean dvc_a1b2c3d4e5f0/)
    await screenshot(page, 'visits-work-order-pasted-sunlight')
    await page.getByRole('button', { name: 'Add 8 chargers' }).click()
    await page.getByRole('status').filter({ hasText: 'Added 8 chargers.' }).waitFor()
    await expect.poll(() => boardRows(page).count()).toBe(8)
    await expect(page.locator('.board-count').textContent()).resolves.toContain('8 chargers · 8 need attention')
  })

  it('prepares the visit with charging history within the pacing: progress with time left, then every charger and history ready offline', async () => {
    const { page } = shell
    // Slow answers, so the run can be seen while it goes.
    sim.control.setFault('*', { kind: 'latency', ms: 600 })
    await page.getByRole('checkbox', { name: /^Also fetch charging history \(8 more reads at least/ }).check()
    await page.getByRole('button', { name: 'Prepare for offline' }).click()
    const status = page.locator('.prepare-status')
    await status.filter({ hasText: /Fetching the charging history of dvc_/ }).waitFor()
    await expect(page.getByRole('button', { name: 'Cancel' }).isVisible()).resolves.toBe(true)
    await page.locator('.prepare-eta').filter({ hasText: /reads, histories included/ }).waitFor()
    await screenshotEverySize(page, 'visits-preparing-with-history', { arrange: () => page.locator('.prepare-panel').scrollIntoViewIfNeeded() })
    await status.filter({ hasText: 'Prepared: every charger is ready offline. Every charging history is kept offline.' }).waitFor({ timeout: 90_000 })
    sim.control.clearFaults()
    const bar = page.getByRole('progressbar', { name: 'Preparation' })
    await expect(bar.getAttribute('aria-valuetext')).resolves.toBe('8 done, 0 failed, 0 waiting of 8; history 8 kept, 0 failed, 0 waiting')
    const reads = sim.control.requests().filter((r) => r.method === 'GET' && r.path.includes('/operator/devices/'))
    expect(reads.map((r) => r.status)).toEqual(Array(8).fill(200))
    const histories = sim.control.requests().filter((r) => r.method === 'GET' && r.path.includes('/operator/charging-records'))
    expect(histories.every((r) => r.status === 200)).toBe(true)
    expect(new Set(histories.map((r) => /device_id=([^&]+)/.exec(r.path)?.[1]))).toEqual(new Set(EIGHT))
    const stored = await shell.services.snapshots.list({})
    expect(stored.ok && new Set(stored.value.items.map((m) => m.deviceId))).toEqual(new Set(EIGHT))
  })

  it('with the simulator stopped, the board opens from snapshots: worst first, ready offline, filters', async () => {
    const { page } = shell
    await sim.close()
    await page.getByRole('button', { name: '← All visits' }).click()
    await page.getByRole('button', { name: 'Open visit WO-48213 level -2 car park' }).click()
    await expect.poll(() => boardRows(page).count()).toBe(8)
    const [first, second] = await boardRows(page).allTextContents()
    expect(first).toContain(WORST)
    expect(first).toMatch(/^Critical/)
    expect(first).toContain('Ready offline')
    expect(second).toContain(OFFLINE)
    expect(second).toMatch(/^Critical.*offline/i)
    expect(await page.locator('.triage-ready-yes').count()).toBe(8)
    expect(await page.locator('.triage-history-kept').count()).toBe(8)
    await screenshotEverySize(page, 'visits-board-offline')

    await page.getByLabel('Severity').selectOption('critical')
    await expect.poll(() => boardRows(page).count()).toBe(2)
    await page.getByLabel('Severity').selectOption('')
    await page.getByLabel('Site').selectOption('site_003')
    const site3 = await boardRows(page).allTextContents()
    expect(site3.length).toBeGreaterThan(0)
    expect(site3.every((text) => text.includes('site_003'))).toBe(true)
    await page.getByLabel('Site').selectOption('')

    const axe = blockingViolations(await runAxe(page))
    expect(axe, formatViolations('visit board', axe)).toEqual([])
  })

  it('is driven by keyboard: arrows move, N jumps to the next charger needing attention, Enter opens the worst', async () => {
    const { page } = shell
    const focused = () => page.evaluate(() => document.activeElement?.getAttribute('data-device'))
    await page.locator(`.triage-open[data-device="${WORST}"]`).focus()
    await page.keyboard.press('ArrowDown')
    await expect(focused()).resolves.toBe(OFFLINE)
    await page.keyboard.press('Home')
    await expect(focused()).resolves.toBe(WORST)
    await page.keyboard.press('n')
    await expect(focused()).resolves.toBe(OFFLINE)
    await page.keyboard.press('End')
    const last = await focused()
    expect(EIGHT).toContain(last)
    expect([WORST, OFFLINE]).not.toContain(last)
    await page.keyboard.press('n')
    await expect(focused()).resolves.not.toBe(last)
    await page.keyboard.press('Home')
    await page.keyboard.press('Enter')
    await deviceTitle(page, WORST).waitFor()
    await screenshot(page, 'visits-worst-opened-sunlight')
  })

  it('opens the worst charger\'s charging history offline: the preparation kept it', { timeout: 75_000 }, async () => {
    const { page } = shell
    await page.getByRole('button', { name: 'History', exact: true }).last().click()
    await page.getByRole('heading', { level: 1, name: `History of ${WORST}` }).waitFor()
    // The API is gone: the client gives up after its retries, and the history kept by the preparation opens.
    await page.getByText(/Offline copy of the history from/).waitFor({ timeout: 45_000 })
    expect(await page.locator('.sessions-table tbody tr.session-row').count()).toBeGreaterThan(10)
    await page.getByRole('navigation', { name: 'Main' }).getByRole('button', { name: 'Device', exact: true }).click()
    await deviceTitle(page, WORST).waitFor()
  })

  it('fetches the charger again after the repair and compares before and after in one click', async () => {
    const { page } = shell
    sim = await startSimulator({ port, now: clock.now })
    sim.control.addClient(PROFILE.clientId, PROFILE.clientSecret)
    clock.setOffset(0)
    await page.getByRole('button', { name: 'Refresh' }).click()
    await page.locator('.banner-offline').waitFor({ state: 'detached', timeout: 30_000 })
    await openVisits(page)
    const compare = page.getByRole('button', { name: `Before / after: compare ${WORST}` })
    await compare.waitFor()
    await compare.click()
    await page.getByRole('heading', { name: 'Compare snapshots' }).waitFor()
    await expect(page.locator('.compare-device').textContent()).resolves.toContain(WORST)
    await expect(page.locator('.compare-sides').textContent()).resolves.toMatch(/Between them\s*(29|30) min/)
    await screenshotEverySize(page, 'visits-before-after')
    await page.getByRole('button', { name: '← Back to visit WO-48213 level -2 car park' }).click()
    await page.getByRole('heading', { name: 'WO-48213 level -2 car park', level: 1 }).waitFor()
  })

  it('rendered without page errors', () => {
    expect(pageErrors).toEqual([])
  })
})
