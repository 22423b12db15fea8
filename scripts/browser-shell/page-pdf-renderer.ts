/**
 * `ReportPdfRenderer` for the browser shell and the tests: Debian's Chromium (playwright-core),
 * headless, launched on first use, prints the report with `page.pdf` in a context where
 * JavaScript is disabled. Headless because `page.pdf` needs it, whatever the shell's own window.
 */
import { chromium, type Browser } from 'playwright-core'
import type { ReportPdfRenderer } from '@main/reports/report-pdf-renderer'
import { CHROMIUM_ARGS, chromiumExecutable } from './chromium'

/** A renderer that starts its own headless Chromium when the first report is printed. */
export function createPagePdfRenderer(): ReportPdfRenderer {
  let browser: Promise<Browser> | null = null
  return {
    render: async (html, pageSize) => {
      browser ??= chromium.launch({ executablePath: chromiumExecutable(), headless: true, args: CHROMIUM_ARGS })
      const context = await (await browser).newContext({ javaScriptEnabled: false })
      try {
        const page = await context.newPage()
        await page.setContent(html, { waitUntil: 'load' })
        return await page.pdf({ format: pageSize, preferCSSPageSize: true, printBackground: true })
      } finally {
        await context.close()
      }
    },
    dispose: async () => {
      const started = browser
      browser = null
      if (started) await (await started).close().catch(() => undefined)
    },
  }
}
