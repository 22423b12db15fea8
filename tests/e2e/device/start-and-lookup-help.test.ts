/**
 * Lookup help, the start screen's health marks and the compare tolerance end to end, on the demo
 * fleet in the browser shell with its own defaults (exports into <userData>/exports, session-only
 * secrets). Screenshots at 1280x800 and 1024x640 in both themes; axe on each screen.
 */
import { readFile, rm, stat } from 'node:fs/promises'
import { join } from 'node:path'
import type { Page } from 'playwright-core'
import { afterAll, beforeAll, describe, expect, it } from 'vitest'
import type { BrowserShell } from '../../../scripts/browser-shell/launch-browser-shell'
import { blockingAxeInBothThemes } from '../support/axe'
import { SCREEN_SIZES, screenshot, screenshotEverySize, startShell } from '../support/e2e-shell'
import { openView } from '../profiles/profile-steps'
import { createShiftedClock } from '../snapshots/snapshot-steps'
import { deviceHeader, lookupField, typeAndEnter } from './device-page'

const AC_HOT = 'dvc_2d7f0e9b4c61'
const DC_BEHIND = 'dvc_8b2e4d6f1a93'

/** Screenshots of the screen at both sizes in both themes, and its serious or critical axe violations at each (formatted). */
async function shootAndCheck(page: Page, name: string): Promise<string[]> {
  await screenshotEverySize(page, name)
  const found: string[] = []
  for (const size of SCREEN_SIZES) {
    await page.setViewportSize(size)
    found.push(...(await blockingAxeInBothThemes(page, `${name} ${size.width}x${size.height}`)))
  }
  await page.setViewportSize(SCREEN_SIZES[0])
  return found
}

/** No element of `selector` sticks out of the page horizontally. */
async function overflowingRight(page: Page, selector: string): Promise<string[]> {
  return page.locator(selector).evaluateAll((elements) =>
    elements.filter((e) => e.getBoundingClientRect().right > document.documentElement.clientWidth + 1).map((e) => e.textContent ?? ''),
  )
}

describe('lookup help, start-screen health marks and compare tolerance', () => {
  const clock = createShiftedClock(-6 * 60_000)
  let shell: BrowserShell
  let restarted: BrowserShell | undefined
  const pageErrors: string[] = []
  const options = () => ({ services: { now: clock.now, simulator: { now: clock.now } } })

  beforeAll(async () => {
    shell = await startShell(options())
    shell.page.on('pageerror', (error) => pageErrors.push(error.message))
  })
  afterAll(async () => {
    await restarted?.close()
    await shell?.close()
    if (shell) await rm(shell.userDataDir, { recursive: true, force: true })
  })

  it('normalises an upper-case id with a hyphen, looks it up and says what it corrected', async () => {
    const { page } = shell
    await typeAndEnter(page, 'DVC-2D7F0E9B4C61')
    await deviceHeader(page, AC_HOT).waitFor()
    await expect(lookupField(page).inputValue()).resolves.toBe(AC_HOT)
    await expect(page.locator('.lookup-corrected').textContent()).resolves.toBe(
      `Looked up ${AC_HOT}: made lower-case and replaced "-" after dvc with "_".`,
    )
  })

  it('answers a work-order line with two ids with a choice, and looks up the one picked', async () => {
    const { page } = shell
    await typeAndEnter(page, `Visit: DVC_8B2E4D6F1A93 (bay 2), then ${AC_HOT}`)
    const suggestion = page.locator('.lookup-suggestion')
    await suggestion.waitFor()
    await expect(suggestion.textContent()).resolves.toContain('The text holds 2 device ids: choose one.')
    await expect(suggestion.getByRole('button').allTextContents()).resolves.toEqual([`Look up ${DC_BEHIND}`, `Look up ${AC_HOT}`])
    await expect(lookupField(page).getAttribute('aria-invalid')).resolves.toBe('true')
    const found = await shootAndCheck(page, 'lookup-suggestion')
    expect(found, found.join('\n')).toEqual([])

    await typeAndEnter(page, 'dvc_2d7f0e9b4c6O')
    await expect(suggestion.textContent()).resolves.toContain('Did you mean dvc_2d7f0e9b4c60?')
    await screenshot(page, 'lookup-suggestion-typo-1024x640-sunlight')

    await typeAndEnter(page, `Visit: DVC_8B2E4D6F1A93 (bay 2), then ${AC_HOT}`)
    await suggestion.getByRole('button', { name: `Look up ${DC_BEHIND}` }).click()
    await deviceHeader(page, DC_BEHIND).waitFor()
    await expect(suggestion.count()).resolves.toBe(0)
  })

  it('after a restart, the start screen marks each recent device and looked-up demo charger with its worst finding', async () => {
    clock.setOffset(0)
    await typeAndEnter(shell.page, AC_HOT) // a second, later snapshot of the hot charger for the comparison
    await deviceHeader(shell.page, AC_HOT).waitFor()
    await shell.close()
    restarted = await startShell({ ...options(), userDataDir: shell.userDataDir })
    const { page } = restarted
    page.on('pageerror', (error) => pageErrors.push(error.message))
    const recent = page.getByRole('region', { name: 'Recent devices' })
    const hot = recent.getByRole('button', { name: new RegExp(`^${AC_HOT}`) })
    await hot.locator('.health-mark').waitFor()
    await expect(hot.locator('.badge').textContent()).resolves.toBe('Warning')
    await expect(hot.textContent()).resolves.toMatch(/°C/)
    await expect(hot.textContent()).resolves.toContain('Northgate Retail Park')
    const dc = recent.getByRole('button', { name: new RegExp(`^${DC_BEHIND}`) })
    await dc.locator('.health-mark').waitFor()

    const demo = page.getByRole('region', { name: 'Demo fleet chargers' })
    const demoHot = demo.getByRole('button', { name: new RegExp(`^${AC_HOT}`) })
    await demoHot.locator('.health-mark').waitFor()
    await expect(demoHot.textContent()).resolves.toContain('at last look')
    await expect(demo.getByText('Not looked up yet').count()).resolves.toBe(11)
    await page.getByRole('region', { name: 'Sites' }).locator('.site').first().waitFor()

    const found = await shootAndCheck(page, 'start-screen-health')
    expect(found, found.join('\n')).toEqual([])
    await page.setViewportSize(SCREEN_SIZES[1])
    await expect(overflowingRight(page, '.device-choice-list li, .panel')).resolves.toEqual([])
    await page.setViewportSize(SCREEN_SIZES[0])
  })

  it('compares the two snapshots of the hot charger: only changes beyond the tolerance are highlighted', async () => {
    const { page } = restarted!
    await openView(page, 'Snapshots')
    const boxes = page.getByRole('checkbox', { name: new RegExp(`^Select snapshot of ${AC_HOT} from `) })
    await expect.poll(() => boxes.count()).toBe(2)
    await page.setViewportSize(SCREEN_SIZES[1])
    await screenshot(page, 'snapshots-table-1024x640-sunlight')
    // Readable at 1024 px: the table fits its box, and a fetch time is broken only between date and time.
    const table = page.locator('table.snapshot-table')
    await expect(table.evaluate((t) => t.scrollWidth <= (t.parentElement?.clientWidth ?? 0) + 1)).resolves.toBe(true)
    const timeLines = await page.locator('.snapshot-time').first().evaluate((e) => Math.round(e.getBoundingClientRect().height / parseFloat(getComputedStyle(e).lineHeight)))
    expect(timeLines).toBeLessThanOrEqual(2)
    await page.setViewportSize(SCREEN_SIZES[0])
    await boxes.nth(0).check()
    await boxes.nth(1).check()
    await page.locator('.compare-bar').getByRole('button', { name: 'Compare', exact: true }).click()
    await page.getByRole('heading', { name: 'Compare snapshots' }).waitFor()
    await expect(page.locator('.compare-tolerance-note').textContent()).resolves.toContain('voltage ±2 %')
    // A highlighted row is a change beyond its tolerance; every other row says "Same".
    const changeCells = await page.locator('tr.compare-row-changed td.compare-delta').allTextContents()
    expect(changeCells.every((text) => !text.startsWith('Same'))).toBe(true)
    const plainCells = await page.locator('tr.compare-row:not(.compare-row-changed) td.compare-delta').allTextContents()
    expect(plainCells.length).toBeGreaterThan(0)
    expect(plainCells.every((text) => text.startsWith('Same'))).toBe(true)
    const found = await shootAndCheck(page, 'compare-tolerance')
    expect(found, found.join('\n')).toEqual([])
  })

  it('exports the comparison into <userData>/exports and says where', async () => {
    const { page } = restarted!
    await page.getByRole('group', { name: /Export/ }).getByRole('button', { name: /HTML/ }).first().click()
    const message = page.locator('.export-path')
    await message.waitFor()
    const path = (await message.textContent()) ?? ''
    expect(path.startsWith(join(restarted!.userDataDir, 'exports'))).toBe(true)
    expect((await stat(path)).isFile()).toBe(true)
    await expect(readFile(path, 'utf8')).resolves.toContain('reading’s tolerance')
  })

  it('rendered without page errors', () => {
    expect(pageErrors).toEqual([])
  })
})
