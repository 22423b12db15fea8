/**
 * No network, end to end: an operator profile added through the Profiles screen, pointing at a
 * simulator this test starts and then stops. A device never fetched shows the network-down state;
 * one fetched before opens as an offline copy. Switching profiles keeps the device on screen,
 * labelled with the profile it came from.
 */
import { afterAll, beforeAll, describe, expect, it } from 'vitest'
import { startSimulator, type SimulatorHandle } from '@main/simulator/index'
import type { BrowserShell } from '../../../scripts/browser-shell/launch-browser-shell'
import { startShell } from '../support/e2e-shell'
import { deviceDetails, deviceHeader, lookUp, screenshotBothThemes, typeAndEnter } from './device-page'

const FETCHED_BEFORE = 'dvc_2d7f0e9b4c61'
const NEVER_FETCHED = 'dvc_8b2e4d6f1a93'
const PROFILE = 'Riverside operator'
/** The client retries a refused connection with backoff (about 15–20 s in all) before giving up. */
const NETWORK_DOWN_TIMEOUT = 45_000

describe('device lookup with the network down', () => {
  let shell: BrowserShell
  let sim: SimulatorHandle
  let simClosed = false

  beforeAll(async () => {
    sim = await startSimulator({ port: 0 })
    shell = await startShell()
  })
  afterAll(async () => {
    await shell?.close()
    if (sim && !simClosed) await sim.close()
  })

  it('adds an operator profile through the Profiles screen and reloads the sites for it', async () => {
    const { page } = shell
    const nav = page.getByRole('navigation', { name: 'Main' })
    await page.getByRole('region', { name: 'Sites' }).getByText('Harbour Point Fleet Depot').waitFor()
    await nav.getByRole('button', { name: 'Profiles' }).click()
    await page.getByRole('button', { name: 'Add operator profile' }).click()
    await page.getByLabel('Name').fill(PROFILE)
    await page.getByLabel('API base URL').fill(sim.baseUrl)
    await page.getByLabel('Client ID').fill(sim.credentials.clientId)
    await page.getByLabel('Client secret').fill(sim.credentials.clientSecret)
    sim.control.resetRequestLog()
    await page.getByRole('button', { name: 'Add profile' }).click()
    await page.getByRole('article', { name: PROFILE }).getByText('Active').waitFor()
    await expect(page.getByRole('banner').textContent()).resolves.toContain(`Profile: ${PROFILE}`)
    // No sites panel is on screen here: the store itself asks the new profile for its sites.
    await expect.poll(() => sim.control.requests().some((request) => request.path.includes('/sites'))).toBe(true)

    await nav.getByRole('button', { name: 'Device' }).click()
    await page.getByRole('heading', { name: 'Look up a charger' }).waitFor()
    expect(await page.getByRole('region', { name: 'Demo fleet chargers' }).count()).toBe(0)
  })

  it('fetches a device with that profile and says where it came from', async () => {
    await lookUp(shell.page, FETCHED_BEFORE)
    await expect(deviceDetails(shell.page).textContent()).resolves.toContain(`From profile${PROFILE} ${sim.baseUrl}`)
  })

  it('shows the network-down state for a device never fetched', { timeout: NETWORK_DOWN_TIMEOUT + 15_000 }, async () => {
    const { page } = shell
    await sim.close()
    simClosed = true
    await typeAndEnter(page, NEVER_FETCHED)
    const heading = page.getByRole('heading', { name: `Could not reach Tellus, and there is no offline copy of ${NEVER_FETCHED}` })
    await heading.waitFor({ timeout: NETWORK_DOWN_TIMEOUT })
    const alert = page.getByRole('alert')
    await expect(alert.textContent()).resolves.not.toContain('kind:')
    await alert.getByRole('button', { name: 'Try again' }).waitFor()
    await expect(page.locator('.device-error').textContent()).resolves.toContain('Devices you have looked up before open without a network')
    await screenshotBothThemes(page, 'device-network-down')
  })

  it('opens the last snapshot of a device fetched before, as an offline copy', { timeout: NETWORK_DOWN_TIMEOUT + 15_000 }, async () => {
    const { page } = shell
    await typeAndEnter(page, FETCHED_BEFORE)
    const banner = page.locator('.banner-offline')
    await banner.waitFor({ timeout: NETWORK_DOWN_TIMEOUT })
    await expect(banner.locator('.banner-title').textContent()).resolves.toMatch(new RegExp(`^Offline copy from (just now|\\d+ s ago) \\(\\d{4}-\\d\\d-\\d\\d \\d\\d:\\d\\d:\\d\\d UTC([+-]\\d\\d:\\d\\d)?\\), fetched from ${PROFILE}: not live$`))
    await expect(banner.textContent()).resolves.toContain('The live fetch failed: No connection to Tellus.')
    await banner.getByRole('button', { name: 'Try again' }).waitFor()
    await deviceHeader(page, FETCHED_BEFORE).waitFor()
    // Still exportable: it is a stored snapshot.
    await page.getByRole('group', { name: 'Export snapshot' }).waitFor()
    await screenshotBothThemes(page, 'device-offline-copy')
  })

  it('keeps the device on screen when switching to the demo fleet, labelled with its own profile', async () => {
    const { page } = shell
    const nav = page.getByRole('navigation', { name: 'Main' })
    await nav.getByRole('button', { name: 'Profiles' }).click()
    await page.getByRole('button', { name: 'Use profile Demo fleet' }).click()
    await expect.poll(() => page.getByRole('banner').textContent()).toContain('Profile: Demo fleet')
    await nav.getByRole('button', { name: 'Device' }).click()
    await deviceHeader(page, FETCHED_BEFORE).waitFor()
    const header = deviceDetails(page)
    await expect(header.getByRole('note').textContent()).resolves.toBe(
      `Fetched with ${PROFILE}, not with the profile now in use (Demo fleet). Refresh fetches it with Demo fleet.`,
    )
    await expect(header.textContent()).resolves.toContain(`From profile${PROFILE} ${sim.baseUrl}`)
  })
})
