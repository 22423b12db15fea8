/**
 * `ReportPdfRenderer` over Electron's `printToPDF`: the report is written to a temporary file,
 * loaded in a hidden window that runs no script (its own in-memory session), printed, and both
 * are thrown away. This module does not import Electron: index.ts hands it a way to open such a
 * window, so the printing steps are testable in Node.
 */
import { mkdtemp, rm, writeFile } from 'node:fs/promises'
import { join } from 'node:path'
import type { ReportPageSize } from '@common/reports/report-types'
import type { ReportPdfRenderer } from './report-pdf-renderer'

/** The part of a hidden BrowserWindow the printing needs. */
export interface PrintingWindow {
  loadFile(path: string): Promise<void>
  printToPDF(options: { pageSize: ReportPageSize; printBackground: boolean; preferCSSPageSize: boolean }): Promise<Uint8Array>
  destroy(): void
}

/** A renderer that opens a fresh hidden window per report, under `tempDir`. */
export function createElectronPdfRenderer(openWindow: () => PrintingWindow, tempDir: string): ReportPdfRenderer {
  return {
    render: async (html, pageSize) => {
      const folder = await mkdtemp(join(tempDir, 'report-pdf-'))
      const window = openWindow()
      try {
        const file = join(folder, 'report.html')
        await writeFile(file, html)
        await window.loadFile(file)
        return await window.printToPDF({ pageSize, printBackground: true, preferCSSPageSize: true })
      } finally {
        window.destroy()
        await rm(folder, { recursive: true, force: true })
      }
    },
    dispose: async () => undefined,
  }
}
