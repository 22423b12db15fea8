/**
 * The proposed device extensions in the device view (issue 14), on the demo fleet (extensions on):
 * a worn contactor, a slow fan, a failed isolation test, an OCPP 2.0.1 V2G charger and a silent
 * CSMS show the component health (gauges as meters judged by the findings) and the connectivity and
 * protocol panel with their findings; a charger without extensions shows neither. The verdict stays
 * first; screenshots in both themes at 1280x800 and 1024x640; axe at 1024x640.
 */
import { afterAll, beforeAll, describe, expect, it } from 'vitest'
import type { Locator, Page } from 'playwright-core'
import type { BrowserShell } from '../../../scripts/browser-shell/launch-browser-shell'
import { blockingAxeInBothThemes } from '../support/axe'
import { SCREEN_SIZES, startShell } from '../support/e2e-shell'
import { connectorCard, expectInViewport, lookUp, screenshotBothThemes, verdict } from './device-page'

const WORN_CONTACTOR = 'dvc_3f9a1c7e5b20'
const OCPP_201_V2G = 'dvc_c47d19e2a6f8'
const SLOW_FAN = 'dvc_b8f3a0c6e2d5'
const FAILED_ISOLATION = 'dvc_6a4c2f8e0d37'
const SILENT_CSMS = 'dvc_e5a7c9b1d3f4'
const WITHOUT = 'dvc_d2f4a6c8e0b1'

const healthPanel = (page: Page): Locator => page.getByRole('region', { name: 'Component health', exact: true })
const connectivityPanel = (page: Page): Locator => page.getByRole('region', { name: 'Connectivity and protocol', exact: true })
const diagnostics = (page: Page): Locator => page.getByRole('region', { name: 'Diagnostics', exact: true })
const meterText = (scope: Locator, name: string): Promise<string | null> => scope.getByRole('meter', { name }).getAttribute('aria-valuetext')

describe('extension panels', () => {
  let shell: BrowserShell

  beforeAll(async () => {
    shell = await startShell()
  })
  afterAll(async () => {
    await shell?.close()
  })

  /** The verdict still comes first: its head and state inside the viewport, and above both panels. */
  async function expectVerdictStillFirst(page: Page, what: string): Promise<void> {
    await expectInViewport(page, verdict(page).locator('.verdict-head'), `${what}: verdict heading`)
    await expectInViewport(page, verdict(page).locator('.verdict-state'), `${what}: verdict state`)
    const verdictBottom = await verdict(page).evaluate((element) => element.getBoundingClientRect().bottom)
    for (const panel of [healthPanel(page), connectivityPanel(page)]) {
      if ((await panel.count()) === 0) continue
      expect(await panel.evaluate((element) => element.getBoundingClientRect().top)).toBeGreaterThan(verdictBottom)
    }
  }

  async function axeBothThemes(what: string): Promise<void> {
    const found = await blockingAxeInBothThemes(shell.page, what)
    expect(found, found.join('\n')).toEqual([])
  }

  /** Screenshots of the first screen, the connector cards and both panels, in both themes. */
  async function screenshotPanels(page: Page, name: string): Promise<void> {
    await page.evaluate(() => window.scrollTo(0, 0))
    await screenshotBothThemes(page, `${name}-first-screen`, { fullPage: false })
    await page.locator('.connectors-panel').evaluate((element) => element.scrollIntoView({ block: 'start' }))
    await screenshotBothThemes(page, `${name}-connectors`, { fullPage: false })
    await healthPanel(page).or(connectivityPanel(page)).first().evaluate((element) => element.scrollIntoView({ block: 'start' }))
    await screenshotBothThemes(page, `${name}-panels`, { fullPage: false })
    await page.evaluate(() => window.scrollTo(0, 0))
  }

  for (const viewport of SCREEN_SIZES) {
    const size = `${viewport.width}x${viewport.height}`

    it(`${size}: a worn contactor shows on connector 1's gauge and in Diagnostics; the charger's own component health and connectivity panels are there`, async () => {
      const { page } = shell
      await page.setViewportSize(viewport)
      await lookUp(page, WORN_CONTACTOR)
      await expectVerdictStillFirst(page, 'worn contactor')
      await expect(verdict(page).textContent()).resolves.toContain("Connector 1's contactor has made 84,500 cycles")
      await expect(diagnostics(page).textContent()).resolves.toContain("Connector 1's contactor has made 84,500 cycles, 85 % of the 100,000-cycle typical service life of DC contactors.")
      const one = connectorCard(page, 1)
      await expect(meterText(one, 'Contactor wear')).resolves.toBe('84,500 of 100,000 cycles (85 %); Warning')
      await expect(one.getByRole('meter', { name: 'Contactor wear' }).getAttribute('aria-valuemax')).resolves.toBe('100000')
      await expect(one.textContent()).resolves.toContain('Rated cycles not reported: the typical 100,000 for DC contactors (F-0101).')
      await expect(meterText(connectorCard(page, 2), 'Contactor wear')).resolves.toBe('21,300 of 100,000 cycles (21 %); OK')
      const health = healthPanel(page)
      await expect(meterText(health, 'Cooling fan speed')).resolves.toMatch(/^1,8\d\d RPM \(10\d % of nominal\); OK$/)
      await expect(meterText(health, 'Isolation resistance')).resolves.toBe('8.4 MΩ (8,400 kΩ); OK')
      await expect(health.getByRole('meter').count()).resolves.toBe(6)
      const connectivity = connectivityPanel(page)
      const text = (await connectivity.textContent()) ?? ''
      expect(text).toContain('1.6-J')
      expect(text).toContain('3.8 msg/min')
      expect(text).toMatch(/Last CSMS message\d{4}-\d{2}-\d{2} \d{2}:\d{2}:\d{2} UTC[^(]*\(\d+ s ago\)/)
      expect(text).toContain('Core, SmartCharging, FirmwareManagement, RemoteTrigger')
      expect(text).toContain('ethernet')
      await expect(connectivity.getByText('Expired')).toBeTruthy()
      await screenshotPanels(page, `extensions-worn-contactor-${size}`)
      if (viewport.width === 1024) await axeBothThemes('worn contactor')
    })

    it(`${size}: a slow fan is a warning on the fan gauge and a finding`, async () => {
      const { page } = shell
      await page.setViewportSize(viewport)
      await lookUp(page, SLOW_FAN)
      await expectVerdictStillFirst(page, 'slow fan')
      await expect(meterText(healthPanel(page), 'Cooling fan speed')).resolves.toMatch(/^1,2\d\d RPM \((6\d|70) % of nominal\); Warning$/)
      await expect(meterText(healthPanel(page), 'Contactor wear')).resolves.toBe('31,000 of 100,000 cycles (31 %); OK')
      await expect(diagnostics(page).textContent()).resolves.toMatch(/The charger reports a cooling fan warning at 1,2\d\d RPM \(nominal 1,800 RPM\)\./)
      await expect(connectivityPanel(page).textContent()).resolves.toContain('-88 dBm')
      await screenshotPanels(page, `extensions-slow-fan-${size}`)
    })

    it(`${size}: a failed isolation test is critical on connector 2's gauge; the charger is out of service or needs attention`, async () => {
      const { page } = shell
      await page.setViewportSize(viewport)
      await lookUp(page, FAILED_ISOLATION)
      await expectVerdictStillFirst(page, 'failed isolation')
      await expect(meterText(connectorCard(page, 2), 'Isolation resistance')).resolves.toBe('640 kΩ; Critical')
      await expect(meterText(connectorCard(page, 1), 'Isolation resistance')).resolves.toBe('11.0 MΩ (11,000 kΩ); OK')
      await expect(verdict(page).textContent()).resolves.toContain("Connector 2's last isolation test measured 640 kΩ")
      await screenshotPanels(page, `extensions-failed-isolation-${size}`)
    })

    it(`${size}: an OCPP 2.0.1 V2G charger shows its protocol and the inverter wear on connector 2`, async () => {
      const { page } = shell
      await page.setViewportSize(viewport)
      await lookUp(page, OCPP_201_V2G)
      await expectVerdictStillFirst(page, 'OCPP 2.0.1')
      await expect(connectivityPanel(page).textContent()).resolves.toContain('2.0.1')
      const two = connectorCard(page, 2)
      await expect(meterText(two, 'V2G inverter wear')).resolves.toBe('46,200 of 50,000 cycles (92 %); Warning')
      await expect(two.textContent()).resolves.toMatch(/V2G harmonic distortion\d\.\d %/)
      await expect(meterText(two, 'Discharge contactor wear')).resolves.toBe('4,120 of 100,000 cycles (4 %); OK')
      await screenshotPanels(page, `extensions-ocpp-201-${size}`)
    })
  }

  it('a silent CSMS marks the last message, with an unlisted activation status shown verbatim', async () => {
    const { page } = shell
    await page.setViewportSize(SCREEN_SIZES[0])
    await lookUp(page, SILENT_CSMS)
    const last = connectivityPanel(page).locator('.extension-fact').filter({ hasText: 'Last CSMS message' })
    await expect(last.getAttribute('class')).resolves.toContain('extension-fact-warning')
    await expect(last.textContent()).resolves.toMatch(/\(2\d min( \d+ s)? ago\) Warning See the finding/)
    await expect(connectivityPanel(page).locator('.extension-unlisted').filter({ hasText: 'pending_transfer' }).count()).resolves.toBe(1)
    await expect(connectivityPanel(page).textContent()).resolves.toContain('-109 dBm')
    await screenshotPanels(page, 'extensions-silent-csms-1280x800')
  })

  for (const viewport of SCREEN_SIZES) {
    it(`${viewport.width}x${viewport.height}: a charger without extensions shows neither panel nor empty boxes`, async () => {
      const { page } = shell
      await page.setViewportSize(viewport)
      await lookUp(page, WITHOUT)
      await expect(healthPanel(page).count()).resolves.toBe(0)
      await expect(connectivityPanel(page).count()).resolves.toBe(0)
      await expect(page.getByRole('meter').count()).resolves.toBe(0)
      await expect(page.locator('.connector-health, .extension-facts, .extension-unreadable, .gauge').count()).resolves.toBe(0)
      await screenshotBothThemes(page, `extensions-none-${viewport.width}x${viewport.height}`)
    })
  }
})
