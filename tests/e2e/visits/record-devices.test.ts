/**
 * Filling a visit's work list from the operator's charging records, end to end against the demo
 * fleet in the browser shell: one charger looked up first (so its site is known), a visit created,
 * the charging records of the last week searched (no device id needed), two chargers ticked and
 * added, and the board showing them.
 */
import { afterAll, beforeAll, describe, expect, it } from 'vitest'
import type { Page } from 'playwright-core'
import type { BrowserShell } from '../../../scripts/browser-shell/launch-browser-shell'
import { blockingViolations, formatViolations, runAxe } from '../support/axe'
import { screenshotEverySize, startShell } from '../support/e2e-shell'
import { lookUp } from '../device/device-page'

/** Looked up before the search: the list then names its site and model. */
const KNOWN = 'dvc_2d7f0e9b4c61'

const records = (page: Page) => page.getByRole('group', { name: 'From charging records' })
const found = (page: Page) => records(page).getByRole('list', { name: 'Chargers found in charging records' }).getByRole('listitem')
const boardRows = (page: Page) => page.getByRole('list', { name: 'Triage board' }).getByRole('listitem')

describe('a work list from charging records (demo fleet)', () => {
  let shell: BrowserShell
  const pageErrors: string[] = []

  beforeAll(async () => {
    shell = await startShell()
    shell.page.on('pageerror', (error) => pageErrors.push(error.message))
  })
  afterAll(async () => {
    await shell?.close()
  })

  it('finds the chargers of the last week in the charging records, with sessions, last session and site', async () => {
    const { page } = shell
    await page.getByRole('region', { name: 'Demo fleet chargers' }).waitFor()
    await lookUp(page, KNOWN)
    await page.getByRole('navigation', { name: 'Main' }).getByRole('button', { name: 'Visits', exact: true }).click()
    const form = page.getByRole('form', { name: 'New visit' })
    await form.getByLabel('Name').fill('Chargers busy this week')
    await form.getByRole('button', { name: 'Create visit' }).click()
    await page.getByRole('heading', { name: 'Chargers busy this week', level: 1 }).waitFor()

    await expect(records(page).getByLabel('Chargers that charged in').inputValue()).resolves.toBe('7')
    await records(page).getByRole('button', { name: 'Search charging records' }).click()
    await records(page).getByRole('list', { name: 'Chargers found in charging records' }).waitFor()
    const summary = await records(page).getByText(/^Found \d+ chargers in \d+ charging records of the last 7 days \(\d reads?\)\.$/).textContent()
    const [, chargers] = /^Found (\d+) chargers/.exec(summary ?? '') ?? []
    expect(Number(chargers)).toBeGreaterThan(5)
    await expect.poll(() => found(page).count()).toBe(Number(chargers))
    const lines = await found(page).allTextContents()
    expect(lines.every((line) => /^ dvc_[0-9a-f]{12} \d+ sessions? · last .+ ago/.test(line))).toBe(true)
    expect(lines.find((line) => line.includes(KNOWN))).toMatch(/ · site_\d{3} · AC-7kW-V2$/)
    await screenshotEverySize(page, 'visits-from-charging-records', {
      arrange: () => records(page).scrollIntoViewIfNeeded(),
    })
    const axe = blockingViolations(await runAxe(page))
    expect(axe, formatViolations('charging-record choices', axe)).toEqual([])
  })

  it('adds the ticked chargers to the work list; they leave the choices and appear on the board', async () => {
    const { page } = shell
    const before = await found(page).count()
    const [first, second] = (await found(page).allTextContents()).map((line) => /dvc_[0-9a-f]{12}/.exec(line)![0])
    await records(page).getByRole('checkbox', { name: new RegExp(first!) }).check()
    await records(page).getByRole('checkbox', { name: new RegExp(second!) }).check()
    await records(page).getByRole('button', { name: 'Add 2 chargers from records' }).click()
    await page.getByRole('status').filter({ hasText: 'Added 2 chargers.' }).waitFor()
    await expect.poll(() => boardRows(page).count()).toBe(2)
    const board = (await boardRows(page).allTextContents()).join('\n')
    expect(board).toContain(first)
    expect(board).toContain(second)
    await expect.poll(() => found(page).count()).toBe(before - 2)
    await expect(records(page).textContent()).resolves.toContain('2 already on the list.')
  })

  it('rendered without page errors', () => {
    expect(pageErrors).toEqual([])
  })
})
