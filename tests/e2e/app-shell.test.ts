import { join } from 'node:path'
import { afterAll, beforeAll, describe, expect, it } from 'vitest'
import type { BrowserShell } from '../../scripts/browser-shell/launch-browser-shell'
import { screenshot, startShell } from './support/e2e-shell'

describe('app shell in Chromium', () => {
  let shell: BrowserShell
  const pageErrors: string[] = []

  beforeAll(async () => {
    shell = await startShell()
    shell.page.on('pageerror', (error) => pageErrors.push(error.message))
    shell.page.on('console', (message) => {
      if (message.type() === 'error') pageErrors.push(message.text())
    })
  })
  afterAll(async () => {
    await shell?.close()
  })

  it('exposes window.tellus built from the contract, and nothing of the transport', async () => {
    const keys = await shell.page.evaluate(() => Object.keys(window.tellus).sort())
    expect(keys).toContain('getAppInfo')
    expect(keys).toContain('fetchDevice')
    expect(keys).not.toContain('invoke')
    expect(await shell.page.evaluate(() => typeof (window as unknown as { require?: unknown }).require)).toBe('undefined')
  })

  it('shows the app info reported by the main-process handler', async () => {
    const { page } = shell
    await page.getByRole('button', { name: 'About' }).click()
    const facts = page.getByTestId('app-info')
    await facts.waitFor()
    await expect(facts.textContent()).resolves.toContain(process.versions.node)
    await expect(facts.textContent()).resolves.toContain(shell.userDataDir)
    await expect(facts.textContent()).resolves.toContain(shell.browser.version())
    await screenshot(page, 'about')
  })

  it('copies diagnostics with the latest log lines, and opens the logs folder (About)', async () => {
    const { page } = shell
    shell.logger.info('e2e marker line for the diagnostics')
    await page.getByRole('button', { name: 'Copy diagnostics' }).click()
    const support = page.getByRole('region', { name: 'Support' })
    await support.getByText('Copied the diagnostics to the clipboard.').waitFor()
    expect(shell.clipboard.at(-1)).toContain(`Data folder: ${shell.userDataDir}`)
    expect(shell.clipboard.at(-1)).toContain('e2e marker line for the diagnostics')
    await page.getByRole('button', { name: 'Open logs folder' }).click()
    await support.getByText('Opened the logs folder.').waitFor()
    expect(shell.openedFolders).toEqual([join(shell.userDataDir, 'logs')])
    await page.setViewportSize({ width: 1024, height: 640 })
    await screenshot(page, 'about-support-1024')
    await page.setViewportSize({ width: 1280, height: 800 })
    await screenshot(page, 'about-support-1280')
  })

  it('enforces the CSP: inline scripts do not run', async () => {
    const ran = await shell.page.evaluate(() => {
      const script = document.createElement('script')
      script.textContent = 'window.__inlineRan = true'
      document.body.append(script)
      return (window as unknown as { __inlineRan?: boolean }).__inlineRan === true
    })
    expect(ran).toBe(false)
  })

  it('refuses every network connection from the renderer (connect-src none)', async () => {
    const outcome = await shell.page.evaluate(async () => {
      try {
        await fetch(location.href)
        return 'fetched'
      } catch (error) {
        return `refused: ${String(error)}`
      }
    })
    expect(outcome).toMatch(/^refused/)
  })

  it('gets frame-ancestors from the header only, so loading logs no CSP error', async () => {
    const page = await shell.context.newPage()
    const cspMessages: string[] = []
    page.on('console', (message) => {
      if (/Content Security Policy|frame-ancestors/i.test(message.text())) cspMessages.push(message.text())
    })
    const response = await page.goto(shell.url, { waitUntil: 'load' })
    expect(response?.headers()['content-security-policy']).toContain("frame-ancestors 'none'")
    await page.waitForTimeout(300)
    await page.close()
    expect(cspMessages).toEqual([])
  })

  it('rendered without page errors (other than the CSP refusal above)', () => {
    expect(pageErrors.filter((text) => !/Content Security Policy/i.test(text)), pageErrors.join('\n')).toEqual([])
  })
})
