/**
 * Charging history in Chromium, end to end, against a simulator of our own: open a faulting
 * charger's history and see its sessions, the energy chart and the failed-start pattern on the
 * faulting connector; pick two snapshots on the timeline and compare them; stop the simulator and
 * reopen the history offline from disk. Screenshots at 1280x800 and 1024x640 in both themes.
 */
import { afterAll, beforeAll, describe, expect, it } from 'vitest'
import { blockingAxeInBothThemes } from '../support/axe'
import { screenshot, screenshotEverySize } from '../support/e2e-shell'
import { deviceTitle, lookUpDevice } from '../profiles/profile-steps'
import { startOperatorShell, type OperatorShell } from '../support/operator-shell'

const FAULTING = 'dvc_9e1d5b3a7f02'
const PROFILE = { name: 'West depot', clientId: 'e2e_history_client', clientSecret: 'e2e-history-secret-5d2a' }

describe('charging history in Chromium', () => {
  let operator: OperatorShell

  beforeAll(async () => {
    operator = await startOperatorShell(PROFILE)
  })
  afterAll(() => operator?.close())

  it('shows the sessions, the chart and the failed-start pattern of a faulting charger', async () => {
    const { page } = operator.shell
    await lookUpDevice(page, FAULTING)
    await deviceTitle(page, FAULTING).waitFor()
    await lookUpDevice(page, FAULTING)
    await page.getByRole('button', { name: 'History', exact: true }).last().click()
    await page.getByRole('heading', { level: 1, name: `History of ${FAULTING}` }).waitFor()
    const patterns = page.getByRole('region', { name: /^Patterns/ })
    await patterns.getByText(/Connector 1 had \d+ sessions shorter than 5 min/).waitFor()
    expect(await patterns.getByText('Critical').count()).toBeGreaterThan(0)
    expect(await page.getByRole('img', { name: /Energy charged per day over \d+ days/ }).count()).toBe(1)
    const rows = page.locator('.sessions-table tbody tr.session-row')
    expect(await rows.count()).toBeGreaterThan(10)
    expect(await rows.first().textContent()).toContain('failed start')
    expect(await page.locator('.sessions-table').textContent()).not.toMatch(/[A-HJ-NPR-Z0-9]{17}/)
    await rows.first().getByRole('button').click()
    await page.getByRole('region', { name: /^Session rec_\w+ · connector 1/ }).waitFor()
    const blocking = await blockingAxeInBothThemes(page, 'history')
    expect(blocking, blocking.join('\n')).toEqual([])
    await screenshotEverySize(page, 'history-faulting')
  })

  it('compares two snapshots picked on the timeline', async () => {
    const { page } = operator.shell
    const points = page.getByRole('button', { name: /^Snapshot of / })
    expect(await points.count()).toBe(2)
    await points.nth(0).click()
    await points.nth(1).focus()
    await page.keyboard.press('Enter')
    await page.getByRole('button', { name: 'Compare picked' }).click()
    await page.getByRole('heading', { level: 1, name: 'Compare snapshots' }).waitFor()
    await screenshot(page, 'history-timeline-compare')
  })

  it('reopens the history offline from disk when the API is gone', async () => {
    const { page } = operator.shell
    await operator.sim.close()
    await page.getByRole('navigation', { name: 'Main' }).getByRole('button', { name: 'History', exact: true }).click()
    await page.getByRole('button', { name: 'Fetch again' }).click()
    await page.getByText(/Offline copy of the history from/).waitFor({ timeout: 45_000 })
    expect(await page.locator('.sessions-table tbody tr.session-row').count()).toBeGreaterThan(10)
    await page.getByRole('region', { name: /^Patterns/ }).getByText(/Connector 1 had \d+ sessions shorter/).waitFor()
    await screenshotEverySize(page, 'history-offline')
    expect(operator.pageErrors).toEqual([])
  })
})
