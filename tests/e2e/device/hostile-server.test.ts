/**
 * What a technician sees when the server (or something in between) misbehaves (issue 11 #1–#4), in
 * Chromium with the real handlers, against an operator profile on a simulator this test steers:
 * a bare HTTP 500 page, an answer nested 10,000 levels deep, a sign-in answer whose token carries
 * CR/LF, and a 5001 asking for an hour's wait, remembered (no REST or token request is sent during it). Each opens
 * the offline copy with its own message. Screenshots at 1280x800 and 1024x640:
 * tests/e2e/screenshots/hostile-*.png.
 */
import { afterAll, afterEach, beforeAll, describe, expect, it } from 'vitest'
import type { Locator } from 'playwright-core'
import { startSimulator, type SimulatorHandle } from '@main/simulator/index'
import type { BrowserShell } from '../../../scripts/browser-shell/launch-browser-shell'
import { blockingViolations, formatViolations, runAxe } from '../support/axe'
import { screenshot, startShell, useTheme } from '../support/e2e-shell'
import { addProfileThroughUi, openView } from '../profiles/profile-steps'
import { deviceHeader, lookUp, typeAndEnter } from './device-page'

const PROFILE = 'Quayside operator'
const BARE_500 = 'dvc_2d7f0e9b4c61'
const DEEP = 'dvc_a1b2c3d4e5f6'
const BAD_TOKEN = 'dvc_3f9a1c7e5b20'
const RATE_LIMITED = 'dvc_8b2e4d6f1a93'
/** A bare 500 is retried with backoff (1 + 2 + 4 + 8 s plus jitter) before the offline copy opens. */
const RETRIED_TIMEOUT = 40_000

describe('a hostile or broken server', () => {
  let shell: BrowserShell
  let sim: SimulatorHandle

  beforeAll(async () => {
    sim = await startSimulator({ port: 0 })
    shell = await startShell()
    const { page } = shell
    await addProfileThroughUi(page, { name: PROFILE, baseUrl: sim.baseUrl, clientId: sim.credentials.clientId, clientSecret: sim.credentials.clientSecret })
    await openView(page, 'Device')
    for (const id of [BARE_500, DEEP, BAD_TOKEN, RATE_LIMITED]) await lookUp(page, id)
  }, 60_000)
  afterEach(() => sim.control.clearFaults())
  afterAll(async () => {
    await shell?.close()
    await sim?.close()
  })

  /** Looks `id` up and waits for its offline banner (the fetch fell back to the snapshot). */
  async function offlineCopyOf(id: string, timeout = 15_000): Promise<Locator> {
    const { page } = shell
    await typeAndEnter(page, id)
    const banner = page.locator('.banner-offline')
    await banner.waitFor({ timeout })
    await deviceHeader(page, id).waitFor()
    await expect.poll(() => banner.textContent(), { timeout }).toContain('The live fetch failed')
    return banner
  }

  /** Viewport screenshots at 1280x800 and 1024x640, with the banner in view. */
  async function shoot(name: string, banner: Locator): Promise<void> {
    const { page } = shell
    for (const [width, height] of [
      [1280, 800],
      [1024, 640],
    ] as const) {
      await page.setViewportSize({ width, height })
      await banner.scrollIntoViewIfNeeded()
      await screenshot(page, `hostile-${name}-${width}`, { fullPage: false })
    }
  }

  it('a bare HTTP 500 page is retried, then the offline copy says the API is failing, not the network', { timeout: RETRIED_TIMEOUT + 20_000 }, async () => {
    sim.control.setFault(BARE_500, { kind: 'server-error', body: 'html' })
    const banner = await offlineCopyOf(BARE_500, RETRIED_TIMEOUT)
    const text = await banner.textContent()
    expect(text).toContain(`The Tellus API at 127.0.0.1:${sim.port} is failing (HTTP 500); your network is not the problem.`)
    expect(text).not.toContain('captive portal')
    expect(sim.control.requests().filter((r) => r.path === `/v1/operator/devices/${BARE_500}` && r.status === 500).length).toBeGreaterThan(1)
    await shoot('bare-500', banner)
  })

  it('an answer nested 10,000 levels deep is an invalid response with the offline copy, not an app failure', async () => {
    sim.control.setFault(DEEP, { kind: 'deep-nesting' })
    const banner = await offlineCopyOf(DEEP)
    await expect(banner.textContent()).resolves.toContain(`came nested more than 64 levels deep, far beyond any Tellus answer, so it was not read.`)
    await expect(shell.page.getByText('Something went wrong inside the app').count()).resolves.toBe(0)
    await shoot('deep-nesting', banner)
  })

  it('a token with CR/LF is an invalid sign-in answer naming the token endpoint, at once', async () => {
    sim.control.revokeAllTokens()
    sim.control.setFault('*', { kind: 'bad-token' })
    sim.control.resetRequestLog()
    const banner = await offlineCopyOf(BAD_TOKEN)
    await expect(banner.textContent()).resolves.toContain(`The sign-in answer from 127.0.0.1:${sim.port} (POST /v1/operator/oauth/token) holds an access token with characters an HTTP header cannot carry`)
    // Not retried: the lookup sent one GET (401 on the revoked token) and one token request; the
    // live stream of the charger on screen asks once for its own token too.
    expect(sim.control.requests().filter((r) => r.path.startsWith('/v1/operator/devices/')).map((r) => r.status)).toEqual([401])
    expect(sim.control.tokenRequestCount()).toBeLessThanOrEqual(2)
    await shoot('bad-token', banner)
  })

  it("a 5001 asking for an hour's wait is remembered: the wait counts down and no request is sent", async () => {
    const { page } = shell
    sim.control.setFault(RATE_LIMITED, { kind: 'rate-limit', count: 1, retryAfterSeconds: 3600 })
    const banner = await offlineCopyOf(RATE_LIMITED)
    const timer = banner.getByRole('timer')
    await expect(timer.textContent()).resolves.toMatch(/^Requests to Tellus resume in (1 h|59 min( \d+ s)?) \(at /)
    // The live stream (a WebSocket, its own rate-limit class: one connection per device set) may
    // follow the charger on screen; every REST and token request is held.
    const restRequests = () => sim.control.requests().filter((r) => !r.path.startsWith('/v1/operator/stream'))
    const sent = restRequests().length

    await typeAndEnter(page, BAD_TOKEN)
    await expect.poll(() => page.locator('.banner-offline').textContent()).toContain('no request was sent')
    await deviceHeader(page, BAD_TOKEN).waitFor()
    const first = await page.locator('.banner-offline').getByRole('timer').textContent()
    await expect.poll(() => page.locator('.banner-offline').getByRole('timer').textContent(), { timeout: 5_000 }).not.toBe(first)
    expect(restRequests()).toHaveLength(sent)

    const blocking = blockingViolations(await runAxe(page))
    expect(blocking, formatViolations('rate-limit wait', blocking)).toEqual([])
    await shoot('rate-limit-wait', page.locator('.banner-offline'))
    await useTheme(page, 'dark')
    await shoot('rate-limit-wait-dark', page.locator('.banner-offline'))
    await useTheme(page, 'sunlight')
  })
})
