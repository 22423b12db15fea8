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

/** Saves `<name>-sunlight.png` and `<name>-dark.png`, and leaves the app in the sunlight theme. */
export async function screenshotBothThemes(page: Page, name: string): Promise<void> {
  await useTheme(page, 'sunlight')
  await screenshot(page, `${name}-sunlight`)
  await useTheme(page, 'dark')
  await screenshot(page, `${name}-dark`)
  await useTheme(page, 'sunlight')
}
