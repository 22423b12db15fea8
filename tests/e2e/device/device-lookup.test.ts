/**
 * Device lookup, detail and diagnostics end to end: the built renderer in Chromium, the real IPC
 * handlers and services, and the demo fleet (the simulator the services start on loopback).
 */
import { readFile } from 'node:fs/promises'
import { join } from 'node:path'
import { afterAll, beforeAll, describe, expect, it } from 'vitest'
import type { BrowserShell } from '../../../scripts/browser-shell/launch-browser-shell'
import { startShell } from '../support/e2e-shell'
import { tempRoot } from '../../support/common-fixtures'
import { connectorCard, deviceDetails, deviceHeader, lookUp, lookupField, readingsOf, screenshotBothThemes, typeAndEnter } from './device-page'

const AC_HOT = 'dvc_2d7f0e9b4c61'
const DC_BEHIND = 'dvc_8b2e4d6f1a93'
const DC_V2G = 'dvc_c47d19e2a6f8'
const OFFLINE = 'dvc_4c6e8a0b2d19'
const UNKNOWN = 'dvc_000000000000'

describe('device lookup against the demo fleet', () => {
  let shell: BrowserShell
  let exportDir: string
  let removeExportDir: (() => Promise<void>) | undefined
  const pageErrors: string[] = []

  beforeAll(async () => {
    ;({ root: exportDir, cleanup: removeExportDir } = await tempRoot('tellus-e2e-export-'))
    shell = await startShell({ chooseSavePath: async (suggestedName) => join(exportDir, suggestedName) })
    shell.page.on('pageerror', (error) => pageErrors.push(error.message))
    shell.page.on('console', (message) => {
      if (message.type() === 'error') pageErrors.push(message.text())
    })
  })
  afterAll(async () => {
    await shell?.close()
    await removeExportDir?.()
  })

  it('starts on the lookup with the demo chargers listed (id, model, site) and the sites', async () => {
    const { page } = shell
    const demo = page.getByRole('region', { name: 'Demo fleet chargers' })
    const ac = demo.getByRole('button', { name: new RegExp(`^${AC_HOT}`) })
    await ac.waitFor()
    expect(await demo.getByRole('button').count()).toBe(13)
    const sites = page.getByRole('region', { name: 'Sites' })
    await sites.getByText('Northgate Retail Park').waitFor()
    // Once the sites are in, the buttons name the site, not just its id.
    await expect(ac.textContent()).resolves.toBe(`${AC_HOT}AC-7kW-V2Northgate Retail ParkNot looked up yet`)
    await expect(page.getByRole('banner').textContent()).resolves.toContain('Profile: Demo fleet')
    await screenshotBothThemes(page, 'start-screen')
  })

  it('shows an AC charger: every reading with its unit, the 71 °C finding, firmware without a catalogue entry', async () => {
    const { page } = shell
    const header = await lookUp(page, AC_HOT)
    await expect(header.getByText('Online', { exact: true }).count()).resolves.toBe(1)
    await expect(deviceDetails(page).textContent()).resolves.toMatch(/Model\s*AC-7kW-V2/)
    await expect(deviceDetails(page).textContent()).resolves.toMatch(/From profile\s*Demo fleet http:\/\/127\.0\.0\.1:\d+\/v1/)

    const firmware = page.getByRole('region', { name: 'Firmware' })
    await expect(firmware.textContent()).resolves.toContain('2.0.4')
    await expect(firmware.textContent()).resolves.toContain('No catalogue entry for this model')

    const diagnostics = page.getByRole('region', { name: 'Diagnostics' })
    // The simulator holds this connector at 71 °C, give or take sensor noise.
    await expect(diagnostics.textContent()).resolves.toMatch(/Connector 1 is at 7\d\.\d °C, over the 65 °C warning level for AC chargers\./)
    await expect(diagnostics.textContent()).resolves.toContain('1 warning')

    const card = connectorCard(page, 1)
    await expect(card.textContent()).resolves.toContain('Charging')
    const readings = await readingsOf(card)
    expect(Object.keys(readings)).toEqual(['Power', 'Current', 'Voltage', 'Energy this session', 'State of charge', 'Temperature'])
    expect(readings['Power']).toMatch(/^\d+\.\d kW$/)
    expect(readings['Current']).toMatch(/^\d+\.\d A$/)
    expect(readings['Voltage']).toMatch(/^\d+ V$/)
    expect(readings['Energy this session']).toMatch(/^\d+\.\d\d kWh$/)
    expect(readings['State of charge']).toMatch(/^\d+ %$/)
    expect(readings['Temperature']).toMatch(/^7\d\.\d °C$/)
    await expect(card.locator('.reading-mark').textContent()).resolves.toBe('Warning: over 65 °C warning')
    await expect(page.getByRole('group', { name: 'Export snapshot' }).getByRole('button').count()).resolves.toBe(2)
    await screenshotBothThemes(page, 'device-ac')
  })

  it('shows a DC charger: firmware behind with F-0421, "preparing" verbatim, the faulted connector', async () => {
    const { page } = shell
    await lookUp(page, DC_BEHIND)
    const firmware = page.getByRole('region', { name: 'Firmware' })
    await expect(firmware.textContent()).resolves.toContain('3.0.1')
    await expect(firmware.textContent()).resolves.toContain('Behind (latest 3.1.0)')
    await expect(firmware.textContent()).resolves.toContain('Known issues of this version')
    await firmware.getByRole('button', { name: 'F-0421 in the fault dictionary' }).waitFor()

    const preparing = connectorCard(page, 1)
    await expect(preparing.locator('.badge-label').first().textContent()).resolves.toBe('preparing')
    await expect(preparing.textContent()).resolves.toContain('(undocumented status)')
    const diagnostics = page.getByRole('region', { name: 'Diagnostics' })
    await expect(diagnostics.textContent()).resolves.toContain('Connector 1 is in "preparing"')
    await expect(diagnostics.textContent()).resolves.toContain('a state the Tellus API v1.3 does not list')

    const faulted = connectorCard(page, 2)
    await expect(faulted.locator('.badge-label').first().textContent()).resolves.toBe('Fault')
    await expect(diagnostics.textContent()).resolves.toContain('Connector 2 reports a fault and cannot charge.')
    expect((await readingsOf(faulted))['State of charge']).toBe('—no reading')

    await expect(diagnostics.textContent()).resolves.toContain('1 critical, 1 warning, 2 info')
    await expect(diagnostics.textContent()).resolves.toContain('(F-0421)')
    await screenshotBothThemes(page, 'device-dc')
  })

  it('shows a V2G discharge as negative power, in words', async () => {
    const { page } = shell
    await lookUp(page, DC_V2G)
    const card = connectorCard(page, 2)
    await expect(card.locator('.badge-label').first().textContent()).resolves.toBe('Discharging')
    const power = card.locator('.reading').filter({ hasText: 'Power' })
    await expect(power.locator('.reading-value').textContent()).resolves.toMatch(/^-\d+\.\d kW$/)
    await expect(power.locator('.reading-note').textContent()).resolves.toBe('negative: discharging (vehicle to grid)')
    await screenshotBothThemes(page, 'device-v2g')
  })

  it('shows an offline charger with its stale heartbeat and the finding', async () => {
    const { page } = shell
    const header = await lookUp(page, OFFLINE)
    await expect(header.locator('.verdict-state').textContent()).resolves.toMatch(/^Out of serviceOfflineFetched/)
    await expect(deviceDetails(page).textContent()).resolves.toMatch(/stale: \d+ h \d+ min old when fetched/)
    await expect(page.getByRole('region', { name: 'Diagnostics' }).textContent()).resolves.toMatch(/The device is offline: its last heartbeat was \d+ h/)
    await screenshotBothThemes(page, 'device-offline')
  })

  it('explains an unknown device (3001) and offers the demo chargers', async () => {
    const { page } = shell
    await typeAndEnter(page, UNKNOWN)
    const alert = page.getByRole('alert')
    await alert.getByRole('heading', { name: `No charger ${UNKNOWN} for this operator (3001)` }).waitFor()
    await expect(alert.textContent()).resolves.toContain('Tellus code 3001')
    expect(await alert.getByRole('button', { name: 'Try again' }).count()).toBe(0)
    await page.getByRole('region', { name: 'Demo fleet chargers' }).waitFor()
    await screenshotBothThemes(page, 'device-not-found')

    await alert.getByRole('button', { name: 'Check the device id' }).click()
    expect(await lookupField(page).evaluate((field) => field === document.activeElement)).toBe(true)
  })

  it('says inline what is wrong with a malformed id, without asking Tellus', async () => {
    const { page } = shell
    const field = lookupField(page)
    await typeAndEnter(page, 'dvc 12!')
    const message = page.locator('.lookup').getByRole('alert')
    await expect(message.textContent()).resolves.toBe('No device id in that text. Tellus ids are dvc_ followed by 12 characters 0-9 a-f, e.g. dvc_a1b2c3d4e5f6.')
    await expect(field.getAttribute('aria-invalid')).resolves.toBe('true')
    // Nothing was looked up: the previous answer is still the one on screen.
    await page.getByRole('heading', { name: `No charger ${UNKNOWN} for this operator (3001)` }).waitFor()
    await screenshotBothThemes(page, 'device-invalid-id')
    await field.fill('')
  })

  it('focuses the lookup from any view with Ctrl+K', async () => {
    const { page } = shell
    await page.getByRole('navigation', { name: 'Main' }).getByRole('button', { name: 'About' }).click()
    await page.getByRole('heading', { name: 'About' }).first().waitFor()
    await page.keyboard.press('Control+K')
    await lookupField(page).waitFor()
    expect(await lookupField(page).evaluate((field) => field === document.activeElement)).toBe(true)
    await expect(page.getByRole('button', { name: 'Device', exact: true }).getAttribute('aria-current')).resolves.toBe('page')
  })

  it('opens the fault dictionary from a known issue and searches it', async () => {
    const { page } = shell
    await page.getByRole('button', { name: new RegExp(`^${DC_BEHIND}`) }).first().click()
    await deviceHeader(page, DC_BEHIND).waitFor()
    await page.getByRole('region', { name: 'Firmware' }).getByRole('button', { name: 'F-0421 in the fault dictionary' }).click()
    const search = page.getByRole('searchbox', { name: 'Search faults' })
    await expect(search.inputValue()).resolves.toBe('F-0421')
    const entries = page.locator('.fault-list').getByRole('article')
    expect(await entries.count()).toBe(1)
    await expect(entries.first().textContent()).resolves.toContain('Contactor failed to engage on session start')

    await search.fill('temperature')
    const count = page.locator('.fault-search').getByRole('status')
    await expect(count.textContent()).resolves.toMatch(/^\d+ of \d+ codes match “temperature”\.$/)
    expect(await entries.count()).toBeGreaterThan(0)
    await expect(page.locator('.fault-list').textContent()).resolves.toContain('F-0203')
    await screenshotBothThemes(page, 'fault-dictionary')

    await search.fill('no such fault xyz')
    await page.getByRole('heading', { name: 'No fault matches' }).waitFor()
  })

  it('copies the raw JSON of the response through the clipboard channel (no page clipboard permission)', async () => {
    const { page } = shell
    await page.keyboard.press('Control+K')
    await lookUp(page, AC_HOT)
    const raw = page.getByRole('region', { name: 'Raw data' })
    await raw.getByRole('button', { name: 'Copy JSON' }).click()
    await raw.getByText('Copied the raw JSON to the clipboard.').waitFor()
    const copied = JSON.parse(shell.clipboard.at(-1) ?? 'null') as Record<string, unknown>
    expect(copied['device_id']).toBe(AC_HOT)
    expect(copied['model']).toBe('AC-7kW-V2')
  })

  it('exports the snapshot on screen as JSON', async () => {
    const { page } = shell
    const group = page.getByRole('group', { name: 'Export snapshot' })
    await group.getByRole('button', { name: 'Export snapshot as JSON' }).click()
    const saved = group.getByRole('status').locator('code')
    await saved.waitFor()
    const path = (await saved.textContent()) ?? ''
    expect(path.startsWith(exportDir)).toBe(true)
    await expect(readFile(path, 'utf8')).resolves.toContain(AC_HOT)
  })

  it('rendered without page errors', () => {
    expect(pageErrors).toEqual([])
  })
})
