/**
 * Long values and the header at 1024 px (issue 13): a charger with a 42-character manufacturer, a
 * 60-character device status and connector status (and long extension values) opens at 1024x640
 * with no element whose content is wider than its box (scrollWidth against clientWidth, measured
 * in Chromium) and the page no wider than the window; the header keeps its name, every navigation
 * item and the theme switch on one row inside the window.
 */
import { afterAll, beforeAll, describe, expect, it } from 'vitest'
import type { Page } from 'playwright-core'
import type { BrowserShell } from '../../../scripts/browser-shell/launch-browser-shell'
import { startShell } from '../support/e2e-shell'
import { lookUp, screenshotBothThemes, verdict } from './device-page'

const LONG_ID = 'dvc_0a0b0c0d0e0f'
const MANUFACTURER = 'Tellus Power Equipment Manufacturing Co Ltd'.slice(0, 42)
const STATUS = 'maintenance_mode_requested_by_remote_operator_pending_reboot'
const VIEWPORT = { width: 1024, height: 640 }

/** A charger payload with long values everywhere a technician reads them. */
function longCharger(at: string): Record<string, unknown> {
  return {
    device_id: LONG_ID,
    sn: 'TP180-2303-00457-EXTENDED-SERIAL-NUMBER-0001',
    model: 'TP-DC180',
    manufacturer: MANUFACTURER,
    firmware_version: '3.0.1',
    status: STATUS,
    last_heartbeat: at,
    site_id: 'site_001',
    connectors: [
      { connector_id: 1, status: STATUS, power: 0, voltage: 0, current: 0, energy_delivered: 0, temperature: 24, last_telemetry_time: at, component_health: { relay_state: STATUS, contactor_cycles: 12_000 } },
      { connector_id: 2, status: 'idle', power: 0, voltage: 0, current: 0, energy_delivered: 0, temperature: 24, last_telemetry_time: at },
    ],
    ocpp_version: '1.6-J',
    ocpp_negotiated_features: ['Core', 'SmartCharging', 'FirmwareManagement', 'RemoteTrigger', 'LocalAuthListManagement', 'Reservation'],
    connectivity: { type: 'cellular', signal_strength_dbm: -97, imei: '356938035643809', mac_address: '00:1B:63:84:45:E6:00:1B:63:84:45:E6' },
    lifecycle: { activation_status: STATUS, manufacturing_batch: 'B-2303-11-EXTENDED-BATCH-NUMBER-FOR-A-RECALL' },
  }
}

/**
 * Every element in `selector` whose content is wider than its box, described with its parents.
 * Screen-reader-only text (a 1 px box clipped with inset(50%) by design) is left out.
 */
async function overflowing(page: Page, selector: string): Promise<string[]> {
  return page.locator(selector).evaluate((root) => {
    const found: string[] = []
    for (const element of [root, ...Array.from(root.querySelectorAll('*'))]) {
      if (!(element instanceof HTMLElement) || element.clientWidth === 0 || getComputedStyle(element).clipPath === 'inset(50%)') continue
      if (element.scrollWidth > element.clientWidth + 1) {
        const text = (element.textContent ?? '').trim().slice(0, 60)
        const parents = [element.parentElement, element.parentElement?.parentElement, element.parentElement?.parentElement?.parentElement].map((p) => p?.className).join(' < ')
        found.push(`${element.tagName.toLowerCase()}.${element.className} (in ${parents}): scrollWidth ${element.scrollWidth} > clientWidth ${element.clientWidth} ("${text}")`)
      }
    }
    return found
  })
}

describe('long values at 1024x640 and the header at 1024 and 1280 px', () => {
  let shell: BrowserShell
  let controlUrl: URL

  beforeAll(async () => {
    shell = await startShell({ services: { simulator: { controlEndpoint: true } } })
    const { services } = shell
    const saved = await services.snapshots.save({
      deviceId: LONG_ID,
      fetchedAt: new Date().toISOString(),
      profileId: 'demo',
      profileName: 'Demo fleet',
      baseUrl: await services.demo.baseUrl(),
      data: longCharger(new Date().toISOString()),
    })
    if (!saved.ok) throw new Error(saved.error.message)
    controlUrl = new URL('/__sim/', await services.demo.baseUrl())
  })
  afterAll(async () => {
    await shell?.close()
  })

  it('a 42-character manufacturer and a 60-character status overflow nothing and widen nothing', async () => {
    const { page } = shell
    await page.setViewportSize(VIEWPORT)
    expect(MANUFACTURER).toHaveLength(42)
    expect(STATUS).toHaveLength(60)
    // The simulator answers with a captive portal, so the lookup opens the stored copy of the charger.
    await fetch(new URL('faults', controlUrl), { method: 'POST', body: JSON.stringify({ target: '*', fault: { kind: 'captive-portal' } }) })
    try {
      await lookUp(page, LONG_ID)
      await page.locator('.banner-offline').waitFor()
    } finally {
      await fetch(new URL('clear', controlUrl), { method: 'POST' })
    }
    const result = page.locator('#device-result')
    await expect(result.getByText(MANUFACTURER).count()).resolves.toBeGreaterThan(0)
    await expect(verdict(page).getByText(STATUS).count()).resolves.toBeGreaterThan(0)
    await expect(page.getByRole('article', { name: 'Connector 1' }).getByText(STATUS).count()).resolves.toBeGreaterThan(0)
    await expect(page.getByRole('region', { name: 'Connectivity and protocol', exact: true }).getByText(STATUS).count()).resolves.toBe(1)
    expect(await overflowing(page, '#device-result')).toEqual([])
    expect(await page.evaluate(() => document.documentElement.scrollWidth)).toBeLessThanOrEqual(VIEWPORT.width)
    await screenshotBothThemes(page, 'long-values-1024x640')
  })

  it.each([VIEWPORT, { width: 1280, height: 800 }])('the header keeps the name, every navigation item and the theme switch on one row inside $width px', async (viewport) => {
    const { page } = shell
    await page.setViewportSize(viewport)
    await page.evaluate(() => window.scrollTo(0, 0))
    const header = page.locator('.app-header')
    const boxes = await header.evaluate((element) => {
      const box = (el: Element) => {
        const r = el.getBoundingClientRect()
        return { top: r.top, bottom: r.bottom, left: r.left, right: r.right, height: r.height }
      }
      const name = element.querySelector('.app-name')!
      return {
        name: { ...box(name), lineHeight: parseFloat(getComputedStyle(name).lineHeight) },
        items: Array.from(element.querySelectorAll('.nav-item')).map((item) => ({ text: item.textContent, ...box(item) })),
        theme: box(element.querySelector('.theme-switch')!),
        header: { scrollWidth: element.scrollWidth, clientWidth: element.clientWidth },
      }
    })
    expect(boxes.items.map((item) => item.text)).toContain('Fault dictionary')
    const tops = new Set(boxes.items.map((item) => Math.round(item.top)))
    expect(tops.size, `nav items on ${tops.size} rows`).toBe(1)
    expect(boxes.name.height, 'the app name wraps').toBeLessThan(boxes.name.lineHeight * 1.5)
    for (const item of boxes.items) expect(item.right, `${item.text} past the window`).toBeLessThanOrEqual(viewport.width)
    expect(boxes.theme.right).toBeLessThanOrEqual(viewport.width)
    expect(boxes.header.scrollWidth).toBeLessThanOrEqual(boxes.header.clientWidth)
    expect(await overflowing(page, '.app-header')).toEqual([])
    await screenshotBothThemes(page, `header-${viewport.width}x${viewport.height}`, { fullPage: false })
  })
})
