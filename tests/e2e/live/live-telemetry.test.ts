/**
 * Live telemetry end to end, in Chromium against the demo fleet's simulator (frames every 500 ms):
 * open a charger and see it go live, play a test charge with the simulator's connector control
 * (plug in → preparing, start → charging with power ramping, stop), see it in the cards and the
 * chart, record it, drop the stream and see reconnecting then live again, and reopen the recording
 * with the simulator gone. Screenshots of each state in tests/e2e/screenshots/live-*.png.
 */
import { afterAll, beforeAll, describe, expect, it } from 'vitest'
import type { Page } from 'playwright-core'
import type { BrowserShell } from '../../../scripts/browser-shell/launch-browser-shell'
import { blockingViolations, formatViolations, runAxe } from '../support/axe'
import { screenshot, startShell, useTheme } from '../support/e2e-shell'
import { connectorCard, lookUp } from '../device/device-page'

const DEVICE = 'dvc_5e0b8a3d7c14' // TP-DC360, connector 1 idle
let shell: BrowserShell
let page: Page
let simOrigin: string

async function simControl(path: string, body: unknown): Promise<void> {
  const response = await fetch(`${simOrigin}/__sim${path}`, { method: 'POST', body: JSON.stringify(body) })
  expect(response.status).toBe(200)
}

const streamStatus = () => page.locator('.stream-status')
async function waitForStreamState(state: string): Promise<void> {
  await page.locator(`.stream-status[data-state="${state}"]`).waitFor({ timeout: 20_000 })
}

async function shoot(name: string): Promise<void> {
  for (const [width, height] of [
    [1280, 800],
    [1024, 640],
  ] as const) {
    await page.setViewportSize({ width, height })
    await page.getByRole('region', { name: 'Live telemetry' }).scrollIntoViewIfNeeded()
    await page.screenshot({ path: `${(await screenshot(page, `live-${name}-${width}`)).replace(/\.png$/, '')}.png` })
  }
}

describe('live telemetry (browser shell + simulator)', () => {
  beforeAll(async () => {
    shell = await startShell({ services: { simulator: { streamIntervalMs: 500, controlEndpoint: true } } })
    page = shell.page
    simOrigin = (await shell.services.demo.baseUrl()).replace(/\/v1$/, '')
  })
  afterAll(async () => {
    await shell?.close()
  })

  it('opens a charger and goes live: the card carries the Live mark and the frame age', async () => {
    await lookUp(page, DEVICE)
    await waitForStreamState('live')
    const card = connectorCard(page, 1)
    await card.getByText('Live', { exact: true }).waitFor()
    await expect(card.textContent()).resolves.toContain('Voltage, current and temperature are not in the live frames')
    await page.locator('.live-chart canvas').first().waitFor()
    await shoot('idle')
  })

  it('plays a test charge: preparing, then charging with power ramping up in the card and the chart', async () => {
    await simControl('/connectors', { device_id: DEVICE, connector_id: 1, action: 'plug-in' })
    const card = connectorCard(page, 1)
    await card.locator('.badge', { hasText: 'preparing' }).waitFor({ timeout: 10_000 })
    await shoot('preparing')
    await simControl('/connectors', { device_id: DEVICE, connector_id: 1, action: 'start' })
    await card.locator('.badge', { hasText: 'Charging' }).waitFor({ timeout: 10_000 })
    const power = async () => Number((await card.locator('.reading', { hasText: 'Power' }).locator('.reading-value').first().textContent())?.replace(/[^\d.]/g, ''))
    const first = await power()
    await page.waitForTimeout(4000)
    expect(await power()).toBeGreaterThan(first)
    await shoot('charging')
    await useTheme(page, 'dark')
    await shoot('charging-dark')
    await useTheme(page, 'sunlight')
    const blocking = blockingViolations(await runAxe(page))
    expect(blocking, formatViolations('live charging', blocking)).toEqual([])
  })

  it('records the charge and lists the recording with the charger', async () => {
    await page.getByRole('button', { name: 'Record test charge' }).click()
    await page.getByText(/^Recording/).first().waitFor()
    await page.waitForTimeout(3000)
    await shoot('recording')
    await page.getByRole('button', { name: 'Stop recording' }).click()
    await page.getByRole('region', { name: 'Recordings (1)' }).waitFor()
  })

  it('drops the stream: reconnecting with the next try time, then live again', async () => {
    await simControl('/faults', { target: '*', fault: { kind: 'server-error', count: 3 } }) // the next tries fail: 1 s, 2 s, 4 s
    await simControl('/stream-faults', { kind: 'drop' })
    await waitForStreamState('reconnecting')
    await expect(streamStatus().textContent()).resolves.toMatch(/the connection dropped \(1006\); next try at \d\d:\d\d:\d\d/)
    await shoot('reconnecting')
    await page.locator('.stream-status[data-state="live"]').waitFor({ timeout: 30_000 })
    await simControl('/connectors', { device_id: DEVICE, connector_id: 1, action: 'stop' })
    await connectorCard(page, 1).locator('.badge', { hasText: 'Idle' }).waitFor({ timeout: 10_000 })
    await shoot('stopped-charge')
  })

  it('reopens the recording offline (simulator gone) with the same charts', async () => {
    await shell.services.demo.dispose()
    await waitForStreamState('reconnecting')
    await page.getByRole('region', { name: 'Recordings (1)' }).getByRole('button', { name: /^Open recording/ }).click()
    await page.getByRole('heading', { name: `Test charge of ${DEVICE}` }).waitFor()
    await page.locator('.live-chart canvas').first().waitFor()
    await expect(page.locator('.recording-facts').first().textContent()).resolves.toMatch(/\d+ frames · stopped/)
    for (const [width, height] of [
      [1280, 800],
      [1024, 640],
    ] as const) {
      await page.setViewportSize({ width, height })
      await screenshot(page, `live-recording-view-${width}`)
    }
    const blocking = blockingViolations(await runAxe(page))
    expect(blocking, formatViolations('recording view', blocking)).toEqual([])
  })
})
