/**
 * The work-order report in Chromium, end to end, on the demo fleet: a visit of three chargers
 * prepared, the faulting one repaired on site (connector fault cleared, test charge recorded, fetched
 * again, the power-up runbook walked to an escalation), then "Report" from the visit: PDF, HTML
 * and JSON saved side by side, the PDF's pages rendered to PNG with pdftoppm (looked at), and the
 * cancelled and disk-full outcomes; "Report" from the device view on Letter paper.
 */
import { execFile } from 'node:child_process'
import { readdir, readFile } from 'node:fs/promises'
import { join } from 'node:path'
import { promisify } from 'node:util'
import { afterAll, beforeAll, describe, expect, it } from 'vitest'
import type { Page } from 'playwright-core'
import type { WorkOrderReport } from '@common/reports/report-types'
import type { ChooseSavePath } from '@main/fs/save-export'
import type { BrowserShell } from '../../../scripts/browser-shell/launch-browser-shell'
import { saveIntoFolder } from '../../../scripts/browser-shell/export-folder'
import { tinyDisk, type TinyDisk } from '../../support/tiny-disk'
import { blockingViolations, formatViolations, runAxe } from '../support/axe'
import { SCREEN_SIZES, SCREENSHOT_DIR, screenshotEverySize, startShell } from '../support/e2e-shell'
import { lookUp } from '../device/device-page'
import { deviceTitle, lookUpDevice } from '../profiles/profile-steps'

const run = promisify(execFile)
const FAULTING = 'dvc_8b2e4d6f1a93' // connector 2 in fault
const OTHERS = ['dvc_3f9a1c7e5b20', 'dvc_a1b2c3d4e5f6']
const VISIT_NAME = 'WO-48213 level -2 car park'
describe('work-order report (browser shell + demo fleet)', () => {
  let shell: BrowserShell
  let page: Page
  let simOrigin: string
  let disk: TinyDisk | null = null
  let choose: ChooseSavePath
  const pageErrors: string[] = []

  async function simControl(path: string, body: unknown): Promise<void> {
    const response = await fetch(`${simOrigin}/__sim${path}`, { method: 'POST', body: JSON.stringify(body) })
    expect(response.status).toBe(200)
  }

  async function openCharger(): Promise<void> {
    await lookUpDevice(page, FAULTING)
    await deviceTitle(page, FAULTING).waitFor()
  }

  async function openVisit(): Promise<void> {
    await page.getByRole('navigation', { name: 'Main' }).getByRole('button', { name: 'Visits', exact: true }).click()
    const open = page.getByRole('button', { name: `Open visit ${VISIT_NAME}` })
    if (await open.isVisible().catch(() => false)) await open.click()
    await page.getByRole('heading', { name: VISIT_NAME, level: 1 }).waitFor()
  }

  beforeAll(async () => {
    shell = await startShell({
      chooseSavePath: (name, filters) => choose(name, filters),
      services: { simulator: { streamIntervalMs: 300, controlEndpoint: true } },
      viewport: SCREEN_SIZES[0],
    })
    choose = saveIntoFolder(shell.exportDir)
    page = shell.page
    page.on('pageerror', (error) => pageErrors.push(error.message))
    simOrigin = (await shell.services.demo.baseUrl()).replace(/\/v1$/, '')
    disk = await tinyDisk(64)
  })
  afterAll(async () => {
    await shell?.close()
    await disk?.release()
  })

  it('prepares a visit of three chargers and works on the faulting one: test charge, reset, fetched again, runbook escalated', async () => {
    await lookUp(page, FAULTING) // signs in to the demo fleet
    await page.getByRole('navigation', { name: 'Main' }).getByRole('button', { name: 'Visits', exact: true }).click()
    const form = page.getByRole('form', { name: 'New visit' })
    await form.getByLabel('Name').fill(VISIT_NAME)
    await form.getByLabel('Site').fill('North depot')
    await form.getByLabel('Notes').fill('Gate code 4411. Customer car WVWZZZ1KZAW123456 at bay 2.')
    await form.getByRole('button', { name: 'Create visit' }).click()
    await page.getByRole('heading', { name: VISIT_NAME, level: 1 }).waitFor()
    await page.getByLabel('Paste the work order').fill([FAULTING, ...OTHERS].join('\n'))
    await page.getByRole('button', { name: 'Add 3 chargers' }).click()
    await page.getByRole('button', { name: 'Prepare for offline' }).click()
    await page.locator('.prepare-status').filter({ hasText: 'Prepared: every charger is ready offline.' }).waitFor({ timeout: 60_000 })

    // On site: a test charge on connector 1, recorded; the faulting connector cleared; fetched again.
    await openCharger()
    await page.locator('.stream-status[data-state="live"]').waitFor({ timeout: 20_000 })
    await simControl('/connectors', { device_id: FAULTING, connector_id: 1, action: 'plug-in' })
    await simControl('/connectors', { device_id: FAULTING, connector_id: 1, action: 'start' })
    await page.getByRole('button', { name: 'Record test charge' }).click()
    await page.waitForTimeout(4000)
    await page.getByRole('button', { name: 'Stop recording' }).click()
    await page.getByRole('region', { name: 'Recordings (1)' }).waitFor()
    await simControl('/connectors', { device_id: FAULTING, connector_id: 2, action: 'stop' }) // the fault cleared: idle
    await page.getByRole('button', { name: 'Refresh' }).click()
    await page.getByRole('button', { name: 'Refresh' }).and(page.locator(':not([aria-busy])')).waitFor()

    // The power-up runbook, walked through the real IPC channels to an escalation.
    const visits = await page.evaluate(() => window.tellus.listVisits())
    if (!visits.ok) throw new Error(visits.error.message)
    const visitId = visits.value.visits[0]!.id
    const session = await page.evaluate(([deviceId, visit]) => window.tellus.startRunbook({ runbookId: 'charger-faulting-on-power-up', deviceId, visitId: visit }), [FAULTING, visitId] as const)
    if (!session.ok) throw new Error(session.error.message)
    const sessionId = session.value.id
    for (const step of [
      { stepId: 'supply', note: 'Measured 229 V at the isolator' },
      { stepId: 'fault-codes', choiceId: 'f0421-cluster', note: 'Three F-0421 since Monday' },
      { stepId: 'fleet-cluster', choiceId: 'this-charger' },
    ]) {
      const done = await page.evaluate((input) => window.tellus.completeRunbookStep(input), { sessionId, ...step })
      expect(done, JSON.stringify(done)).toMatchObject({ ok: true })
    }
    const escalated = await page.evaluate((id) => window.tellus.escalateRunbook({ sessionId: id, typed: {}, note: 'Contactor on connector 2 suspected.' }), sessionId)
    expect(escalated, JSON.stringify(escalated)).toMatchObject({ ok: true, value: { status: 'escalated' } })
  })

  it('saves the visit report as PDF, HTML and JSON from one dialog; the PDF pages rendered to PNG', async () => {
    await openVisit()
    await page.getByRole('button', { name: 'Report', exact: true }).click()
    const form = page.getByRole('form', { name: 'Work-order report' })
    await expect(page.evaluate(() => document.activeElement?.id)).resolves.toBe('report-technician')
    await form.getByRole('button', { name: 'Save report' }).click()
    await form.getByText("Enter the technician's name: it is printed on the report.").waitFor()
    await screenshotEverySize(page, 'report-visit-form-invalid', { fullPage: false })
    await form.getByLabel('Technician').fill('R. Okafor')
    await form.getByLabel('Work-order number').fill('WO-48213')
    await screenshotEverySize(page, 'report-visit-form', { fullPage: false })
    const axe = blockingViolations(await runAxe(page))
    expect(axe, formatViolations('report form', axe)).toEqual([])

    await form.getByRole('button', { name: 'Save report' }).click()
    const outcome = page.locator('.report-outcome')
    await outcome.filter({ hasText: 'with the HTML and JSON beside it' }).waitFor({ timeout: 60_000 })
    await screenshotEverySize(page, 'report-visit-saved', { fullPage: false })
    const files = (await readdir(shell.exportDir)).sort()
    const stem = `WO-48213-${VISIT_NAME.replace(/[^A-Za-z0-9_-]+/g, '-')}-`
    expect(files).toHaveLength(3)
    expect(files.every((f) => f.startsWith(stem))).toBe(true)
    expect(files.map((f) => f.split('.').at(-1))).toEqual(['html', 'json', 'pdf'])
    const [htmlFile, jsonFile, pdfFile] = files.map((f) => join(shell.exportDir, f)) as [string, string, string]

    const report = JSON.parse(await readFile(jsonFile, 'utf8')) as WorkOrderReport
    expect(report).toMatchObject({ technician: 'R. Okafor', workOrder: 'WO-48213', site: 'North depot' })
    const faulting = report.chargers.find((c) => c.deviceId === FAULTING)!
    expect(faulting.before?.connectors.find((c) => c.connectorId === 2)?.status).toBe('fault')
    expect(faulting.after?.connectors.find((c) => c.connectorId === 2)?.status).not.toBe('fault')
    expect(faulting.findings.resolved.map((f) => f.ruleId)).toContain('connector-fault')
    expect(faulting.recordings).toHaveLength(1)
    expect(faulting.recordings[0]!.connectors[0]!.points.length).toBeGreaterThan(3)
    expect(faulting.runbooks[0]).toMatchObject({ status: 'escalated', escalation: { note: 'Contactor on connector 2 suspected.' } })
    expect(report.timeOnSite?.durationMs).toBeGreaterThan(0)
    const html = await readFile(htmlFile, 'utf8')
    expect(html).not.toMatch(/<script|https?:\/\//i)
    expect(html + JSON.stringify(report)).not.toContain('WVWZZZ1KZAW123456')

    expect((await run('pdfinfo', [pdfFile])).stdout).toMatch(/Page size:\s+59[45]\.\d+ x 84[12]\.\d+ pts \(A4\)/)
    const text = (await run('pdftotext', ['-layout', pdfFile, '-'])).stdout
    expect(text).toContain('Work-order report WO-48213')
    expect(text).toContain('Escalated to L2')
    await run('pdftoppm', ['-r', '60', '-png', pdfFile, join(SCREENSHOT_DIR, 'report-visit-pdf-a4-page')])
    const pages = (await readdir(SCREENSHOT_DIR)).filter((f) => f.startsWith('report-visit-pdf-a4-page'))
    expect(pages.length).toBeGreaterThanOrEqual(4)
    // The remembered fields come back with the visit.
    await page.getByRole('button', { name: 'Close' }).click()
    await page.getByRole('button', { name: 'Report', exact: true }).click()
    await expect(page.getByLabel('Work-order number').inputValue()).resolves.toBe('WO-48213')
  })

  it('says so when the dialog is cancelled, and when the disk is full', async () => {
    choose = async () => null
    await page.getByRole('button', { name: 'Save report' }).click()
    await page.locator('.report-outcome').filter({ hasText: 'Report not saved: the save dialog was cancelled.' }).waitFor({ timeout: 60_000 })
    await screenshotEverySize(page, 'report-visit-cancelled', { fullPage: false })
    if (!disk) return // needs root or TELLUS_SMALL_FS_DIR; covered in tests/unit/reports/report-exporter.test.ts
    const full = disk.dir
    choose = async (name) => join(full, name)
    await page.getByRole('button', { name: 'Save report' }).click()
    await page.getByRole('alert').filter({ hasText: 'The disk is full: the report was not saved.' }).waitFor({ timeout: 60_000 })
    expect(await readdir(full)).toEqual([])
    await screenshotEverySize(page, 'report-visit-disk-full', { fullPage: false })
  })

  it('saves one charger\'s report from the device view on Letter paper', async () => {
    choose = saveIntoFolder(join(shell.exportDir, 'device'))
    await openCharger()
    await page.getByRole('button', { name: 'Report', exact: true }).click()
    const form = page.getByRole('form', { name: 'Work-order report' })
    await form.getByLabel('Technician').fill('R. Okafor')
    await form.getByLabel('Work-order number').fill('WO-48213')
    await form.getByRole('radio', { name: /Letter/ }).check()
    await form.scrollIntoViewIfNeeded()
    await screenshotEverySize(page, 'report-device-form', { fullPage: false })
    await form.getByRole('button', { name: 'Save report' }).click()
    await page.locator('.report-outcome').filter({ hasText: 'with the HTML and JSON beside it' }).waitFor({ timeout: 60_000 })
    const pdf = (await readdir(join(shell.exportDir, 'device'))).find((f) => f.endsWith('.pdf'))!
    expect(pdf).toMatch(/^WO-48213-dvc_8b2e4d6f1a93-\d{4}-\d\d-\d\d\.pdf$/)
    const path = join(shell.exportDir, 'device', pdf)
    expect((await run('pdfinfo', [path])).stdout).toMatch(/Page size:\s+612 x 792 pts \(letter\)/)
    await run('pdftoppm', ['-r', '60', '-png', path, join(SCREENSHOT_DIR, 'report-device-pdf-letter-page')])
  })

  it('takes a charger off the work list from its row, after asking (issue 17)', async () => {
    await openVisit()
    const rows = page.getByRole('list', { name: 'Triage board' }).getByRole('listitem')
    await expect.poll(() => rows.count()).toBe(3)
    await page.getByRole('button', { name: `Remove ${OTHERS[1]} from the work list` }).click()
    await page.getByRole('group', { name: `Remove ${OTHERS[1]}?` }).waitFor()
    await screenshotEverySize(page, 'report-board-remove-confirm', { fullPage: false })
    await page.getByRole('button', { name: `Yes, remove ${OTHERS[1]}` }).click()
    await expect.poll(() => rows.count()).toBe(2)
    await expect(page.locator('.visit-meta').textContent()).resolves.toContain('2 chargers')
  })

  it('rendered without page errors', () => {
    expect(pageErrors).toEqual([])
  })
})
