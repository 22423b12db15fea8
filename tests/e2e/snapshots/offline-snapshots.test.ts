/**
 * Offline snapshots in Chromium, end to end: a real profile on a simulator of our own, a charger
 * fetched twice six simulated minutes apart, the network gone (simulator stopped) and the offline
 * copy shown, browsing and filtering, opening a stored snapshot, comparing the two, exporting the
 * comparison as HTML and JSON (and opening the report), deleting one with confirmation, and a
 * restart on the same userData with no network: recent devices still open from their snapshots.
 */
import { access, readFile, rm } from 'node:fs/promises'
import { join } from 'node:path'
import { pathToFileURL } from 'node:url'
import { afterAll, beforeAll, describe, expect, it } from 'vitest'
import type { BrowserShell } from '../../../scripts/browser-shell/launch-browser-shell'
import { MemorySecretStore } from '@main/credentials/memory-secret-store'
import { startSimulator, type SimulatorHandle } from '@main/simulator/index'
import { screenshot, startShell, useTheme } from '../support/e2e-shell'
import { addProfileThroughUi, deviceTitle, lookUpDevice, openView } from '../profiles/profile-steps'
import { compareBoxes, createShiftedClock, externalReferences, offlineBanner, openButtons, snapshotRows } from './snapshot-steps'
import { asDeviceId } from '../../support/device-ids'
import { tempRoot } from '../../support/common-fixtures'

const DEVICE = 'dvc_a1b2c3d4e5f6'
const OTHER = 'dvc_2d7f0e9b4c61'
const PROFILE = { name: 'South depot', clientId: 'e2e_south_client', clientSecret: 'e2e-south-secret-93c1' }
const SIX_MINUTES = 6 * 60_000
/** A fetch with the network gone is retried with backoff (about 15–20 s) before the offline copy shows. */
const OFFLINE_WAIT = { timeout: 45_000 }

async function shootBothThemes(page: BrowserShell['page'], name: string): Promise<void> {
  await useTheme(page, 'sunlight')
  await screenshot(page, `${name}-sunlight`)
  await useTheme(page, 'dark')
  await screenshot(page, `${name}-dark`)
  await useTheme(page, 'sunlight')
}

describe('offline snapshots in Chromium', () => {
  const clock = createShiftedClock(-SIX_MINUTES)
  const keychain = new MemorySecretStore()
  const saved: string[] = []
  const pageErrors: string[] = []
  let exportDir: string
  let removeExportDir: (() => Promise<void>) | undefined
  let sim: SimulatorHandle
  let shell: BrowserShell
  let restarted: BrowserShell | undefined
  let firstShellClosed = false

  const storedOf = async (deviceId: string) => {
    const listed = await shell.services.snapshots.list({ deviceId: asDeviceId(deviceId) })
    if (!listed.ok) throw new Error(listed.error.message)
    return listed.value.items
  }

  beforeAll(async () => {
    ;({ root: exportDir, cleanup: removeExportDir } = await tempRoot('tellus-e2e-exports-'))
    sim = await startSimulator({ port: 0, now: clock.now })
    sim.control.addClient(PROFILE.clientId, PROFILE.clientSecret)
    shell = await startShell({
      secretStore: keychain,
      services: { now: clock.now },
      chooseSavePath: async (suggestedName) => {
        const path = join(exportDir, suggestedName)
        saved.push(path)
        return path
      },
    })
    shell.page.on('pageerror', (error) => pageErrors.push(error.message))
    await addProfileThroughUi(shell.page, { ...PROFILE, baseUrl: sim.baseUrl })
  })
  afterAll(async () => {
    await restarted?.close()
    if (!firstShellClosed) await shell?.close()
    await sim?.close()
    if (shell) await rm(shell.userDataDir, { recursive: true, force: true })
    await removeExportDir?.()
  })

  it('keeps every fetch as a snapshot: one charger twice, six simulated minutes apart, and another once', async () => {
    const { page } = shell
    await lookUpDevice(page, DEVICE)
    await deviceTitle(page, DEVICE).waitFor()
    await lookUpDevice(page, OTHER)
    await deviceTitle(page, OTHER).waitFor()
    clock.setOffset(0)
    await lookUpDevice(page, DEVICE)
    await deviceTitle(page, DEVICE).waitFor()
    await expect.poll(async () => (await storedOf(DEVICE)).length).toBe(2)
    const [newer, older] = await storedOf(DEVICE)
    expect(Date.parse(newer!.fetchedAt) - Date.parse(older!.fetchedAt)).toBeGreaterThan(SIX_MINUTES - 60_000)
    expect(newer!.profileName).toBe(PROFILE.name)
    expect(await storedOf(OTHER)).toHaveLength(1)
  })

  it('with the network gone, a lookup shows the newest copy under an unmistakable offline banner', async () => {
    const { page } = shell
    await sim.close()
    await lookUpDevice(page, DEVICE)
    const banner = offlineBanner(page)
    await banner.waitFor(OFFLINE_WAIT)
    const text = (await banner.textContent()) ?? ''
    expect(text).toMatch(/Offline copy from \d+ s ago/)
    expect(text).toContain('The live fetch failed')
    expect(text).toContain(`fetched from ${PROFILE.name}`)
    const [newest] = await storedOf(DEVICE)
    await expect(banner.locator('time').getAttribute('datetime')).resolves.toBe(newest!.fetchedAt)
    await expect(deviceTitle(page, DEVICE).isVisible()).resolves.toBe(true)
    await shootBothThemes(page, 'snapshot-offline-banner')
  })

  it('browses the snapshots and filters them by device id', async () => {
    const { page } = shell
    await openView(page, 'Snapshots')
    await expect.poll(() => snapshotRows(page).count()).toBe(3)
    await page.getByLabel('Device id').fill(DEVICE)
    await page.getByRole('search', { name: 'Filter snapshots' }).getByRole('button', { name: 'Filter' }).click()
    await page.getByRole('heading', { name: `Snapshots of ${DEVICE}` }).waitFor()
    await expect.poll(() => snapshotRows(page).count()).toBe(2)
    await expect(openButtons(page, OTHER).count()).resolves.toBe(0)
    const firstRow = (await snapshotRows(page).first().textContent()) ?? ''
    expect(firstRow).toContain(PROFILE.name)
    expect(firstRow).toContain('AC-7kW-V2')
    await shootBothThemes(page, 'snapshots-list')
  })

  it('opens a stored snapshot in the device view, marked as an offline copy', async () => {
    const { page } = shell
    const [, older] = await storedOf(DEVICE)
    await openButtons(page, DEVICE).nth(1).click()
    const banner = offlineBanner(page)
    await banner.waitFor()
    await expect(banner.textContent()).resolves.toContain('Opened from Snapshots')
    await expect(banner.textContent()).resolves.toMatch(/Offline copy from (6|7) min/)
    await expect(banner.locator('time').getAttribute('datetime')).resolves.toBe(older!.fetchedAt)
    await expect(deviceTitle(page, DEVICE).isVisible()).resolves.toBe(true)
    await screenshot(page, 'snapshot-opened-sunlight')
  })

  it('compares the two snapshots, the changes highlighted and named', async () => {
    const { page } = shell
    await openView(page, 'Snapshots')
    await expect.poll(() => snapshotRows(page).count()).toBe(2)
    await compareBoxes(page, DEVICE).nth(0).check()
    await compareBoxes(page, DEVICE).nth(1).check()
    await page.locator('.compare-bar').getByRole('button', { name: 'Compare', exact: true }).click()
    await page.getByRole('heading', { name: 'Compare snapshots' }).waitFor()
    const changed = page.locator('tr.compare-row-changed')
    await changed.first().waitFor()
    expect(await changed.count()).toBeGreaterThan(1)
    const labels = await changed.locator('th').allTextContents()
    expect(labels.every((label) => label.endsWith('(changed)'))).toBe(true)
    expect(labels.some((label) => /heartbeat/i.test(label))).toBe(true)
    await expect(page.locator('.compare-sides').textContent()).resolves.toMatch(/Between them\s*(5|6) min/)
    await shootBothThemes(page, 'snapshots-compare')
  })

  it('exports the comparison as a self-contained HTML report and as JSON', async () => {
    const { page } = shell
    const group = page.getByRole('group', { name: 'Export comparison' })
    await group.getByRole('button', { name: 'Export comparison as HTML report' }).click()
    await group.getByText('Saved to').waitFor()
    const htmlPath = saved.at(-1)!
    expect(htmlPath.endsWith('.html')).toBe(true)
    await expect(group.locator('.export-path').textContent()).resolves.toBe(htmlPath)
    await group.getByRole('button', { name: 'Export comparison as JSON' }).click()
    await expect.poll(() => saved.length).toBe(2)
    await group.getByText(saved[1]!).waitFor()
    const jsonPath = saved[1]!
    await access(htmlPath)
    await access(jsonPath)

    const report = await readFile(htmlPath, 'utf8')
    expect(report).toContain(DEVICE)
    expect(externalReferences(report)).toEqual([])
    expect(report).not.toContain(PROFILE.clientSecret)
    const exported = JSON.parse(await readFile(jsonPath, 'utf8')) as unknown
    const ids = (await storedOf(DEVICE)).map((m) => m.id)
    const text = JSON.stringify(exported)
    for (const id of ids) expect(text).toContain(id)
    expect(text).not.toContain(PROFILE.clientSecret)

    // The report opens in a browser on its own and asks for nothing but itself.
    const reportPage = await shell.context.newPage()
    const requested: string[] = []
    reportPage.on('request', (request) => requested.push(request.url()))
    await reportPage.goto(pathToFileURL(htmlPath).href)
    await expect(reportPage.locator('h1').textContent()).resolves.toContain(DEVICE)
    expect(requested).toEqual([pathToFileURL(htmlPath).href])
    await screenshot(reportPage, 'report-html')
    await reportPage.close()
  })

  it('deletes one snapshot only after confirming', async () => {
    const { page } = shell
    await openView(page, 'Snapshots')
    await expect.poll(() => snapshotRows(page).count()).toBe(2)
    const [newest, older] = await storedOf(DEVICE)
    await page.getByRole('button', { name: new RegExp(`^Delete snapshot of ${DEVICE} from `) }).nth(1).click()
    const confirm = page.getByRole('group').filter({ hasText: 'Delete this snapshot' })
    await confirm.waitFor()
    expect(await storedOf(DEVICE)).toHaveLength(2)
    await screenshot(page, 'snapshots-delete-confirm-sunlight')
    await confirm.getByRole('button', { name: 'Delete snapshot', exact: true }).click()
    await page.getByRole('status').filter({ hasText: 'Deleted 1 snapshot.' }).waitFor()
    await expect.poll(() => snapshotRows(page).count()).toBe(1)
    expect((await storedOf(DEVICE)).map((m) => m.id)).toEqual([newest!.id])
    expect(older!.id).not.toBe(newest!.id)
  })

  it('a restart with no network still opens recent devices from their snapshots', async () => {
    await shell.close()
    firstShellClosed = true
    restarted = await startShell({ userDataDir: shell.userDataDir, secretStore: keychain, services: { now: clock.now } })
    const { page } = restarted
    restarted.page.on('pageerror', (error) => pageErrors.push(error.message))
    const recent = page.getByRole('region', { name: 'Recent devices' })
    await recent.waitFor()
    await expect(recent.textContent()).resolves.toContain(DEVICE)
    await expect(recent.textContent()).resolves.toContain(OTHER)
    await screenshot(page, 'snapshots-restart-recent-sunlight')
    await recent.getByRole('button', { name: new RegExp(OTHER) }).click()
    const banner = offlineBanner(page)
    await banner.waitFor(OFFLINE_WAIT)
    await expect(banner.textContent()).resolves.toContain('The live fetch failed')
    await expect(deviceTitle(page, OTHER).isVisible()).resolves.toBe(true)
    await screenshot(page, 'snapshots-restart-offline-sunlight')
  })

  it('rendered without page errors', () => {
    expect(pageErrors).toEqual([])
  })
})
