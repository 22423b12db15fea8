/**
 * Guided runbooks in Chromium, end to end, on the demo charger dvc_8b2e4d6f1a93 (TP-DC180 on 3.0.1,
 * connector 1 stuck in preparing, connector 2 in fault) served by a simulator of our own:
 * "Connector stuck in Preparing" walked to a resolution (the automatic check fails while the
 * connector is still preparing, passes once the restarted session draws power), then, with the
 * simulator stopped, "Charger faulting on power-up" walked to an escalation on the offline copy.
 * Both sessions are on disk afterwards, as a restarted app would find them.
 */
import { join } from 'node:path'
import { afterAll, beforeAll, describe, expect, it } from 'vitest'
import type { Page } from 'playwright-core'
import { RunbookStore } from '@main/runbooks/runbook-store'
import { blockingAxeInBothThemes } from '../support/axe'
import { screenshot, screenshotEverySize } from '../support/e2e-shell'
import { asDeviceId } from '../../support/device-ids'
import { deviceTitle, lookUpDevice } from '../profiles/profile-steps'
import { startOperatorShell, type OperatorShell } from '../support/operator-shell'

const PROFILE = { name: 'North depot', clientId: 'e2e_runbook_client', clientSecret: 'e2e-runbook-secret-7c1d' }
const STUCK = 'dvc_8b2e4d6f1a93'
/** Screenshots of the viewport in both themes at both sizes, scrolled as the app leaves it: the current step at the top. */
async function shootEverySize(page: Page, name: string): Promise<void> {
  // The theme switch is in the header, and clicking it scrolls up: put the view back where the app had it.
  const arrange = () => page.evaluate(() => document.querySelector('[aria-current="step"] h3')?.scrollIntoView({ block: 'start' }))
  await screenshotEverySize(page, name, { fullPage: false, arrange })
}

const currentStep = (page: Page) => page.locator('[aria-current="step"]')
const step = (page: Page, id: string) => page.locator(`[data-step="${id}"]`)

async function expectNoBlockingAxe(page: Page, what: string): Promise<void> {
  const found = await blockingAxeInBothThemes(page, what)
  expect(found, found.join('\n')).toEqual([])
}

describe('guided runbooks in Chromium', () => {
  let operator: OperatorShell

  beforeAll(async () => {
    operator = await startOperatorShell(PROFILE)
  })
  afterAll(() => operator?.close())

  it('walks "Connector stuck in Preparing" from the finding to a resolution', async () => {
    const { page } = operator.shell
    await lookUpDevice(page, STUCK)
    await deviceTitle(page, STUCK).waitFor()
    await page.getByRole('button', { name: 'Runbook: Connector stuck in Preparing: walk it step by step' }).first().click()
    await page.getByRole('heading', { level: 1, name: 'Runbook: Connector stuck in Preparing' }).waitFor()
    await step(page, 'handshake').and(currentStep(page)).waitFor()
    await expect(page.locator('.runbook-meta').textContent()).resolves.toMatch(new RegExp(`${STUCK}.*Standalone session.*In progress`))

    await currentStep(page).getByRole('button', { name: 'Several vehicles fail at this charger' }).click()
    await step(page, 'auth-ok').and(currentStep(page)).waitFor()
    await currentStep(page).getByRole('button', { name: 'auth_ok is there' }).click()
    await step(page, 'remote-restart').and(currentStep(page)).waitFor()
    await currentStep(page).getByLabel('Note (optional)').fill('Stopped and started from the CPMS at the bay')
    await currentStep(page).getByRole('button', { name: 'Mark done' }).click()
    // The next step comes into view with the focus on it, so the keyboard goes on from there.
    await step(page, 'restart-check').and(currentStep(page)).waitFor()
    await expect.poll(() => page.evaluate(() => document.activeElement?.closest('[aria-current="step"]')?.getAttribute('data-step') ?? null)).toBe('restart-check')

    // The automatic check runs at once: the connector is still preparing.
    const check = step(page, 'restart-check')
    await check.and(currentStep(page)).waitFor()
    await check.locator('.badge', { hasText: 'Fail' }).waitFor()
    await expect(check.textContent()).resolves.toMatch(/Connector 1 preparing 0\.0 kW.*still preparing/)
    await expect(check.textContent()).resolves.toMatch(/Data (just now|\d+ s ago)/)
    await shootEverySize(page, 'runbook-preparing-check-failed')
    await expectNoBlockingAxe(page, 'runbook in progress')

    // The restarted session starts drawing power; a re-check sees it.
    operator.sim.control.setConnectorState(STUCK, 1, 'start')
    // Power ramps up from 0 kW and telemetry comes every 5 s: check again until the charge shows.
    const passed = check.locator('.badge', { hasText: 'Pass' })
    for (let attempt = 0; attempt < 10 && !(await passed.isVisible()); attempt++) {
      await new Promise((resolve) => setTimeout(resolve, 1_500))
      await check.getByRole('button', { name: 'Check again' }).click()
      await check.getByRole('button', { name: 'Check again' }).waitFor()
    }
    await passed.waitFor()
    await expect(check.textContent()).resolves.toMatch(/Connector 1 charging \d+\.\d kW.*power is flowing/)
    await expect(check.textContent()).resolves.toMatch(/Data (just now|\d+ s ago)/)
    await check.getByRole('button', { name: 'Continue (pass)' }).click()
    await step(page, 'recurrence').and(currentStep(page)).waitFor()
    await currentStep(page).getByRole('button', { name: 'Fewer than 3 times in 7 days' }).click()

    await page.getByText(/^Resolved at /).waitFor()
    await expect(page.locator('.runbook-meta').textContent()).resolves.toContain('Resolved')
    expect(await page.locator('[aria-current="step"]').count()).toBe(0)
    await expect(step(page, 'inspect').textContent()).resolves.toContain('Skipped')
    await expect(step(page, 'remote-restart').textContent()).resolves.toContain('Stopped and started from the CPMS at the bay')
    await shootEverySize(page, 'runbook-preparing-resolved')
    await screenshot(page, 'runbook-preparing-resolved-full')
  })

  it('walks "Charger faulting on power-up" offline to an escalation with what the runbook asks to attach', async () => {
    const { page } = operator.shell
    await page.getByRole('button', { name: '← Back to the charger' }).click()
    await deviceTitle(page, STUCK).waitFor()
    await operator.sim.close()
    await page.getByRole('button', { name: 'Runbook: Charger faulting on power-up: walk it step by step' }).first().click()
    await page.getByRole('heading', { level: 1, name: 'Runbook: Charger faulting on power-up' }).waitFor()

    const supply = step(page, 'supply')
    await supply.locator('.badge', { hasText: 'Unknown' }).waitFor()
    await expect(supply.textContent()).resolves.toMatch(/TP-DC180 is a DC charger at .*offline copy.*230 V ±5 % \(218\.5 V to 241\.5 V, the app's envelope/)
    await page.getByText('Offline: checks use the newest snapshot on this laptop').waitFor()
    await shootEverySize(page, 'runbook-power-up-offline')
    await expectNoBlockingAxe(page, 'runbook offline')

    await supply.getByLabel('Note (optional)').fill('231 V, 229 V, 232 V measured at the incomer')
    await supply.getByRole('button', { name: 'Pass' }).click()
    await step(page, 'fault-codes').and(currentStep(page)).waitFor()
    await currentStep(page).getByRole('button', { name: 'A cluster of F-0421 (contactor failed to engage)' }).click()
    await step(page, 'fleet-cluster').and(currentStep(page)).waitFor()
    await currentStep(page).getByRole('button', { name: 'Only this charger' }).click()

    const escalate = step(page, 'escalate')
    await escalate.and(currentStep(page)).waitFor()
    await escalate.getByLabel('Fault log (last 10 fault events)').fill('F-0421 ×6 on connector 2, 28–30 Apr')
    await escalate.getByLabel('Note for L2 (optional)').fill('Contactor suspected; firmware 3.0.1 in the F-0421 range')
    await shootEverySize(page, 'runbook-power-up-escalation-form')
    await escalate.getByRole('button', { name: 'Escalate to L2' }).click()

    const banner = page.locator('.banner', { hasText: 'Escalated to L2 at' })
    await banner.waitFor()
    const attached = await banner.locator('li').allTextContents()
    expect(attached).toEqual(
      expect.arrayContaining([
        'Fault log (last 10 fault events): F-0421 ×6 on connector 2, 28–30 Apr',
        expect.stringMatching(/^Firmware version: 3\.0\.1 on TP-DC180 \(data at .*offline copy\)$/),
        expect.stringMatching(/^Connectors in fault: Connector 2 /),
        expect.stringMatching(/^Temperatures: Connector 1 .* °C, Connector 2 .* °C/),
        'Checks and notes: Check the supply: pass (Checked on site by the technician: pass.) Note: 231 V, 229 V, 232 V measured at the incomer',
      ]),
    )
    await expect(page.locator('.runbook-meta').textContent()).resolves.toContain('Escalated to L2')
    await shootEverySize(page, 'runbook-power-up-escalated')
    await screenshot(page, 'runbook-power-up-escalated-full')
    await expectNoBlockingAxe(page, 'runbook escalated')
  })

  it("opens a charger's runbook from the visit's triage board, as a session of that visit", async () => {
    const { page, services } = operator.shell
    const visit = await services.visits.create({ name: 'WO-51877 Harbour Point', site: 'site_001', notes: '' })
    expect(visit.ok).toBe(true)
    if (!visit.ok) return
    await services.visits.addDevices(visit.value.id, [asDeviceId(STUCK)], 'work-order')
    await page.getByRole('navigation', { name: 'Main' }).getByRole('button', { name: 'Visits', exact: true }).click()
    await page.getByRole('button', { name: 'Open visit WO-51877 Harbour Point' }).click()
    await page.getByRole('button', { name: `Runbook “Charger faulting on power-up” for ${STUCK}` }).click()
    await page.getByRole('heading', { level: 1, name: 'Runbook: Charger faulting on power-up' }).waitFor()
    await step(page, 'supply').locator('.badge', { hasText: 'Unknown' }).waitFor()
    await expect(page.locator('.runbook-meta').textContent()).resolves.toContain('Visit WO-51877 Harbour Point')
    await page.getByRole('button', { name: '← Back to the visit' }).click()
    await page.getByRole('heading', { name: 'WO-51877 Harbour Point', level: 1 }).waitFor()
    const inVisit = await services.runbookSessions.list({ visitId: visit.value.id })
    expect(inVisit.ok && inVisit.value.map((s) => [s.deviceId, s.runbookId, s.status])).toEqual([[STUCK, 'charger-faulting-on-power-up', 'in-progress']])
  })

  it('kept the standalone sessions on disk, as a restarted app finds them', async () => {
    const sessions = await new RunbookStore(join(operator.shell.userDataDir, 'runbook-sessions')).list({ deviceId: STUCK })
    expect(sessions.ok && sessions.value.filter((s) => s.visitId === null).map((s) => [s.runbookId, s.status])).toEqual([
      ['charger-faulting-on-power-up', 'escalated'],
      ['connector-stuck-preparing', 'resolved'],
    ])
  })

  it('rendered without page errors', () => {
    expect(operator.pageErrors).toEqual([])
  })
})
