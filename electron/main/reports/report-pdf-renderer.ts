/**
 * The one interface behind which Chromium prints the report to PDF: Electron's
 * `webContents.printToPDF` in the app (electron-pdf-renderer.ts, wired by index.ts), the browser
 * shell's `page.pdf` elsewhere (scripts/browser-shell/page-pdf-renderer.ts). Both honour the
 * document's CSS `@page` size and margins, so the HTML decides the layout once.
 */
import type { ReportPageSize } from '@common/reports/report-types'

export interface ReportPdfRenderer {
  /** Prints a self-contained HTML document (no script runs) to PDF on the given paper. */
  render(html: string, pageSize: ReportPageSize): Promise<Uint8Array>
  /** Releases the browser it used, if any. */
  dispose(): Promise<void>
}

/** The renderer of a build with no way to print: every report says so instead of saving half of it. */
export function unavailablePdfRenderer(): ReportPdfRenderer {
  return {
    render: () => Promise.reject(new Error('this build of the app has no PDF printer set up')),
    dispose: async () => undefined,
  }
}
