/**
 * E2E helpers: each test file gets its own userData folder and browser shell, and saves
 * screenshots of what it shows into tests/e2e/screenshots/ (git-ignored) for people to look at.
 */
import { mkdir } from 'node:fs/promises'
import { resolve } from 'node:path'
import type { Page } from 'playwright-core'
import { launchBrowserShell, type BrowserShell, type BrowserShellOptions } from '../../../scripts/browser-shell/launch-browser-shell'

export const SCREENSHOT_DIR = resolve(import.meta.dirname, '../screenshots')

/** Starts a browser shell with a fresh userData folder (and a fresh in-memory keychain). */
export async function startShell(options: BrowserShellOptions = {}): Promise<BrowserShell> {
  return launchBrowserShell({ headless: true, ...options })
}

/** Saves a screenshot (the full page unless `fullPage` is false) as tests/e2e/screenshots/<name>.png and returns its path. */
export async function screenshot(page: Page, name: string, { fullPage = true }: { fullPage?: boolean } = {}): Promise<string> {
  await mkdir(SCREENSHOT_DIR, { recursive: true })
  const path = resolve(SCREENSHOT_DIR, `${name}.png`)
  await page.screenshot({ path, fullPage })
  return path
}

/** Switches the app's theme with its own Sunlight / Dark buttons and waits for `data-theme`. */
export async function useTheme(page: Page, theme: 'sunlight' | 'dark'): Promise<void> {
  await page.getByRole('group', { name: 'Theme' }).getByRole('button', { name: theme === 'sunlight' ? 'Sunlight' : 'Dark' }).click()
  await page.waitForFunction((expected) => document.documentElement.dataset.theme === expected, theme)
}

/** The two laptop screens every set of e2e screenshots covers. */
export const SCREEN_SIZES = [
  { width: 1280, height: 800 },
  { width: 1024, height: 640 },
] as const

/**
 * Screenshots in both themes at both screen sizes, named `<name>-<theme>-<width>x<height>`;
 * `arrange` runs before each one (to scroll, for instance). Leaves the page in sunlight at 1280x800.
 */
export async function screenshotEverySize(page: Page, name: string, options: { fullPage?: boolean; arrange?: () => Promise<unknown> } = {}): Promise<void> {
  for (const theme of ['sunlight', 'dark'] as const) {
    await useTheme(page, theme)
    for (const size of SCREEN_SIZES) {
      await page.setViewportSize(size)
      await options.arrange?.()
      await screenshot(page, `${name}-${theme}-${size.width}x${size.height}`, { fullPage: options.fullPage ?? true })
    }
  }
  await page.setViewportSize(SCREEN_SIZES[0])
  await useTheme(page, 'sunlight')
}
