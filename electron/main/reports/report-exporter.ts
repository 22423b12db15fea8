/**
 * Exports a work-order report: gathers it from disk, builds the model, prints the PDF, asks where
 * to save (one dialog), and writes three files of the same name: `.pdf` and `.html` for people,
 * `.json` for machines. Nothing is written unless all three are ready, and a write that fails takes
 * back the files already written. A failed write is a storage error in words ("The disk is full:
 * …"); a cancelled dialog is `{ saved: false }`. The technician's name and the work-order number
 * are remembered on the visit.
 */
import { buildWorkOrderReport } from '@common/reports/build-work-order-report'
import { appError, fail, ok, type Result } from '@common/errors'
import type { ValidArgsOf } from '@common/ipc/contract-schemas'
import type { ReportExportOutcome, ReportFields, WorkOrderReport } from '@common/reports/report-types'
import { writeExportFiles, type ChooseSavePath } from '../fs/save-export'
import { buildReportHtml } from './report-html'
import type { ReportPdfRenderer } from './report-pdf-renderer'
import { gatherReport, type ReportStores } from './report-sources'

/** A file-name-safe piece of text ("WO 4711/B" → "WO-4711-B"). */
function namePart(text: string): string {
  return text.replace(/[^A-Za-z0-9_-]+/g, '-').replace(/^-+|-+$/g, '').slice(0, 60)
}

/** The suggested file name, e.g. `WO-4711-Depot-North-2026-12-02.pdf` (a visit) or `WO-4711-dvc_….pdf` (a charger). */
export function reportFileName(report: WorkOrderReport): string {
  const subject = (report.scope === 'visit' ? report.visit?.name : report.chargers[0]?.deviceId) ?? 'report'
  const parts = [namePart(report.workOrder), namePart(subject), report.generatedAt.slice(0, 10)].filter((p) => p !== '')
  return `${parts.join('-')}.pdf`
}

/** Writes work-order reports. */
export class ReportExporter {
  constructor(
    private readonly deps: {
      stores: ReportStores
      pdf: ReportPdfRenderer
      chooseSavePath: ChooseSavePath
      rememberFields: (visitId: string, fields: ReportFields) => Promise<Result<unknown>>
      appVersion: () => string
      now: () => number
    },
  ) {}

  /** Builds the report of a visit or a charger and saves it as PDF, HTML and JSON side by side. */
  async export(request: ValidArgsOf<'exportReport'>): Promise<Result<ReportExportOutcome>> {
    const gathered = await gatherReport(this.deps.stores, request.scope)
    if (!gathered.ok) return gathered
    const report = buildWorkOrderReport({
      scope: request.scope.kind,
      fields: request.fields,
      visit: gathered.value.visit,
      chargers: gathered.value.chargers,
      appVersion: this.deps.appVersion(),
      generatedAt: new Date(this.deps.now()).toISOString(),
    })
    const html = buildReportHtml(report, request.pageSize)
    let pdf: Uint8Array
    try {
      pdf = await this.deps.pdf.render(html, request.pageSize)
    } catch (error) {
      return fail(appError('internal', `The PDF could not be printed: ${error instanceof Error ? error.message : String(error)}. Nothing was saved.`, { action: 'Try again; if it keeps failing, save from the HTML report with the system print dialog.' }))
    }
    if (request.scope.visitId) {
      const remembered = await this.deps.rememberFields(request.scope.visitId, request.fields)
      if (!remembered.ok) return remembered
    }
    const chosen = await this.deps.chooseSavePath(reportFileName(report), [{ name: 'PDF report (with HTML and JSON alongside)', extensions: ['pdf'] }])
    if (!chosen) return ok({ saved: false })
    const base = chosen.replace(/\.(pdf|html|json)$/i, '')
    const paths = { pdf: `${base}.pdf`, html: `${base}.html`, json: `${base}.json` }
    const written = await writeExportFiles(
      [
        [paths.pdf, pdf],
        [paths.html, html],
        [paths.json, `${JSON.stringify(report, null, 2)}\n`],
      ],
      'the report was not saved',
    )
    return written.ok ? ok({ saved: true, paths }) : written
  }
}
