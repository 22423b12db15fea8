/**
 * Renders resources/icon.svg to resources/icon.png (1024×1024) with Debian's Chromium, so the
 * packaged app's icon is regenerated from its source: `npx tsx scripts/render-icon.ts`.
 */
import { readFile } from 'node:fs/promises'
import { chromium } from 'playwright-core'
import { CHROMIUM_ARGS, chromiumExecutable } from './browser-shell/chromium'

const svg = await readFile(new URL('../resources/icon.svg', import.meta.url), 'utf8')
const browser = await chromium.launch({ executablePath: chromiumExecutable(), args: CHROMIUM_ARGS })
const page = await browser.newPage({ viewport: { width: 1024, height: 1024 } })
await page.setContent(`<html><body style="margin:0;background:transparent">${svg.replace('width="512" height="512"', 'width="1024" height="1024"')}</body></html>`)
await page.locator('svg').screenshot({ path: new URL('../resources/icon.png', import.meta.url).pathname, omitBackground: true })
await browser.close()
console.log('wrote resources/icon.png')
