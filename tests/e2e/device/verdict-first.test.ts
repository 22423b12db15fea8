/**
 * The verdict comes first (issue 13): after eight lookups (so the start screen lists eight recent
 * devices), at 1280x800 and 1024x640, a lookup scrolls to the result and the verdict and every problem's one-liner lie inside
 * the viewport, for a healthy, a hot, a faulted, an offline charger and an offline copy. Each is
 * screenshot in both themes (the viewport, as the technician sees it) and checked with axe.
 */
import { afterAll, beforeAll, describe, expect, it } from 'vitest'
import type { BrowserShell } from '../../../scripts/browser-shell/launch-browser-shell'
import { blockingAxeInBothThemes } from '../support/axe'
import { SCREEN_SIZES, startShell } from '../support/e2e-shell'
import { expectInViewport, lookUp, screenshotBothThemes, verdict } from './device-page'

const HEALTHY = 'dvc_d2f4a6c8e0b1'
const HOT = 'dvc_2d7f0e9b4c61'
const FAULTED = 'dvc_9e1d5b3a7f02'
const OFFLINE = 'dvc_4c6e8a0b2d19'
/** Looked up first so the start of the page holds eight recent devices. */
const OTHERS = ['dvc_8b2e4d6f1a93', 'dvc_c47d19e2a6f8', 'dvc_5e0b8a3d7c14', 'dvc_b8f3a0c6e2d5']

describe('the verdict comes first', () => {
  let shell: BrowserShell
  let controlUrl: string

  beforeAll(async () => {
    shell = await startShell({ services: { simulator: { controlEndpoint: true } } })
    for (const id of [...OTHERS, OFFLINE, FAULTED, HEALTHY, HOT]) await lookUp(shell.page, id)
    controlUrl = new URL('/__sim/', await shell.services.demo.baseUrl()).href
  })
  afterAll(async () => {
    await shell?.close()
  })

  /** Checks the verdict and each problem line are inside the viewport, and that focus is on the verdict. */
  async function expectVerdictFirst(what: string): Promise<string[]> {
    const { page } = shell
    const box = verdict(page)
    await expectInViewport(page, box.locator('.verdict-head'), `${what}: verdict heading`)
    await expectInViewport(page, box.locator('.verdict-state'), `${what}: verdict state`)
    const problems = box.locator('.verdict-problem')
    const lines: string[] = []
    for (let i = 0; i < (await problems.count()); i++) {
      await expectInViewport(page, problems.nth(i), `${what}: problem ${i + 1}`)
      lines.push((await problems.nth(i).textContent()) ?? '')
    }
    await expectInViewport(page, box.locator('.connector-tiles'), `${what}: connector tiles`)
    expect(await box.evaluate((element) => element === document.activeElement)).toBe(true)
    return lines
  }

  async function axeBothThemes(what: string): Promise<void> {
    const found = await blockingAxeInBothThemes(shell.page, what)
    expect(found, found.join('\n')).toEqual([])
  }

  for (const viewport of SCREEN_SIZES) {
    const size = `${viewport.width}x${viewport.height}`

    it(`${size}: a healthy charger says so, with its connectors as tiles`, async () => {
      const { page } = shell
      await page.setViewportSize(viewport)
      await lookUp(page, HEALTHY)
      expect(await expectVerdictFirst('healthy')).toEqual([])
      await expect(verdict(page).locator('.verdict-state').textContent()).resolves.toContain('Healthy')
      await expect(verdict(page).locator('.connector-tile').count()).resolves.toBe(1)
      await screenshotBothThemes(page, `verdict-healthy-${size}`, { fullPage: false })
      if (viewport.width === 1024) await axeBothThemes('healthy')
    })

    it(`${size}: a hot connector is a warning line and is marked on the reading itself`, async () => {
      const { page } = shell
      await page.setViewportSize(viewport)
      await lookUp(page, HOT)
      const lines = await expectVerdictFirst('hot')
      expect(lines).toHaveLength(1)
      expect(lines[0]).toMatch(/^WarningConnector 1 is at 7\d\.\d °C, over the 65 °C warning level for AC chargers\.What to do$/)
      await expect(verdict(page).locator('.verdict-state').textContent()).resolves.toContain('Needs attention')
      await expect(verdict(page).locator('.connector-tile').first().textContent()).resolves.toMatch(/7\d\.\d °C — over 65 °C warning/)
      const temperature = page.getByRole('article', { name: 'Connector 1' }).locator('.reading').filter({ hasText: 'Temperature' })
      await expect(temperature.locator('.reading-mark').textContent()).resolves.toBe('Warning: over 65 °C warning')
      // Each finding in one place: the message appears once in Diagnostics and once as the verdict's one-liner, nowhere else.
      expect(await page.locator('#device-result').getByText(/Connector 1 is at 7\d\.\d °C/).count()).toBe(2)
      await screenshotBothThemes(page, `verdict-hot-${size}`, { fullPage: false })
      await screenshotBothThemes(page, `device-hot-full-${size}`)
      if (viewport.width === 1024) await axeBothThemes('hot')
    })

    it(`${size}: a faulted connector is a critical line that jumps to the finding`, async () => {
      const { page } = shell
      await page.setViewportSize(viewport)
      await lookUp(page, FAULTED)
      const lines = await expectVerdictFirst('faulted')
      expect(lines[0]).toMatch(/^CriticalConnector 1 reports a fault/)
      await screenshotBothThemes(page, `verdict-faulted-${size}`, { fullPage: false })
      await verdict(page).getByRole('link', { name: 'What to do' }).first().click()
      const finding = page.locator('.finding:focus')
      await expect(finding.textContent()).resolves.toContain('Connector 1 reports a fault')
      await expectInViewport(page, finding.locator('.finding-message'), 'the finding jumped to')
      if (viewport.width === 1024) await axeBothThemes('faulted')
    })

    it(`${size}: an offline charger is out of service`, async () => {
      const { page } = shell
      await page.setViewportSize(viewport)
      await lookUp(page, OFFLINE)
      const lines = await expectVerdictFirst('offline')
      expect(lines[0]).toMatch(/^CriticalThe device is offline: its last heartbeat was \d+ h/)
      await expect(verdict(page).locator('.verdict-state').textContent()).resolves.toContain('Out of service')
      await screenshotBothThemes(page, `verdict-offline-${size}`, { fullPage: false })
      if (viewport.width === 1024) await axeBothThemes('offline')
    })

    it(`${size}: an offline copy says so, and never a bare "Online"`, async () => {
      const { page } = shell
      await page.setViewportSize(viewport)
      await fetch(new URL('faults', controlUrl), { method: 'POST', body: JSON.stringify({ target: '*', fault: { kind: 'captive-portal' } }) })
      try {
        await lookUp(page, HOT)
        await page.locator('.banner-offline').waitFor()
        await expectInViewport(page, page.locator('.banner-offline .banner-title'), 'offline banner title')
        const lines = await expectVerdictFirst('offline copy')
        expect(lines).toHaveLength(1)
        const state = (await verdict(page).locator('.verdict-state').textContent()) ?? ''
        expect(state).toContain('Offline copy')
        expect(state).toMatch(/Online when fetched (just now|\d+ s ago|\d+ min)/)
        expect(await verdict(page).getByText('Online', { exact: true }).count()).toBe(0)
        await screenshotBothThemes(page, `verdict-offline-copy-${size}`, { fullPage: false })
        if (viewport.width === 1024) await axeBothThemes('offline copy')
      } finally {
        await fetch(new URL('clear', controlUrl), { method: 'POST' })
      }
    })
  }
})
