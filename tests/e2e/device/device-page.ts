/**
 * Helpers for the device e2e tests: look a device up the way a technician does (type, Enter),
 * read a connector's readings, and save a screenshot of a state in both themes.
 */
import type { Locator, Page } from 'playwright-core'
import { screenshot, useTheme } from '../support/e2e-shell'

/** The device id field. */
export function lookupField(page: Page): Locator {
  return page.getByRole('textbox', { name: 'Device id' })
}

/** Types a device id into the lookup and presses Enter. */
export async function typeAndEnter(page: Page, deviceId: string): Promise<void> {
  const field = lookupField(page)
  await field.fill(deviceId)
  await field.press('Enter')
}

/** The device header region of a charger, once shown. */
export function deviceHeader(page: Page, deviceId: string): Locator {
  return page.getByRole('region', { name: `Charger ${deviceId}` })
}

/** The "Device details" panel: identity, site, heartbeat, fetch time and origin. */
export function deviceDetails(page: Page): Locator {
  return page.getByRole('region', { name: 'Device details' })
}

/** Looks a device up and waits for its detail. */
export async function lookUp(page: Page, deviceId: string): Promise<Locator> {
  await typeAndEnter(page, deviceId)
  const header = deviceHeader(page, deviceId)
  await header.waitFor()
  return header
}

/** A connector's card. */
export function connectorCard(page: Page, connectorId: number): Locator {
  return page.getByRole('article', { name: `Connector ${connectorId}` })
}

/** Every reading of a connector card as label → shown value ("3.7 kW", "—no reading"). */
export async function readingsOf(card: Locator): Promise<Record<string, string>> {
  const pairs = await card.locator('.reading').evaluateAll((readings) =>
    readings.map((reading) => [reading.querySelector('.reading-label')?.textContent ?? '', reading.querySelector('.reading-value')?.textContent ?? '']),
  )
  return Object.fromEntries(pairs)
}

/** Saves `<name>-sunlight.png` and `<name>-dark.png` (full page unless told), and leaves the app in the sunlight theme. */
export async function screenshotBothThemes(page: Page, name: string, options: { fullPage?: boolean } = {}): Promise<void> {
  // Clicking the theme switch scrolls the header into view: put the page back where it was.
  const scrollY = await page.evaluate(() => window.scrollY)
  const switchTheme = async (theme: 'sunlight' | 'dark') => {
    await useTheme(page, theme)
    await page.evaluate((y) => window.scrollTo(0, y), scrollY)
  }
  await switchTheme('sunlight')
  await screenshot(page, `${name}-sunlight`, options)
  await switchTheme('dark')
  await screenshot(page, `${name}-dark`, options)
  await switchTheme('sunlight')
}

/** The verdict of the charger on screen (its region is named by the "Charger dvc_…" heading). */
export function verdict(page: Page): Locator {
  return page.locator('#device-verdict')
}

/** Fails unless the element lies wholly inside the current viewport (measured with its box). */
export async function expectInViewport(page: Page, element: Locator, what: string): Promise<void> {
  const box = await element.boundingBox()
  const viewport = page.viewportSize()
  if (!box || !viewport) throw new Error(`${what}: no box or viewport`)
  const inside = box.x >= 0 && box.y >= 0 && box.x + box.width <= viewport.width + 0.5 && box.y + box.height <= viewport.height + 0.5
  if (!inside) {
    throw new Error(`${what} is not inside the ${viewport.width}x${viewport.height} viewport: x=${box.x} y=${box.y} w=${box.width} h=${box.height}`)
  }
}
