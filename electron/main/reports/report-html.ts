/**
 * The work-order report as one self-contained HTML document: inline CSS and inline SVG charts, no
 * script, no external asset, a CSP that forbids both, every value escaped. The PDF is this same
 * document printed by Chromium.
 */
import type { ReportPageSize, WorkOrderReport } from '@common/reports/report-types'
import { formatExportTime } from '@common/format/timestamp'
import { formatDuration } from '../snapshots/export/format-values'
import { html, htmlDocument, type SafeHtml } from '../snapshots/export/html'
import { chargerSection, verdictBadge } from './report-charger-section'
import { reportCss } from './report-styles'

/** The report's title line. */
export function reportTitle(report: WorkOrderReport): string {
  const subject = report.visit ? report.visit.name : (report.chargers[0]?.deviceId ?? 'charger')
  return `Work-order report ${report.workOrder}: ${subject}`
}

function factsTable(report: WorkOrderReport): SafeHtml {
  const time = report.timeOnSite
  const rows: Array<[string, SafeHtml | string]> = [
    ['Technician', report.technician],
    ['Work order', report.workOrder],
    ['Site', report.site],
    ...(report.visit ? ([['Visit', html`${report.visit.name} (created ${formatExportTime(report.visit.createdAt)}${report.visit.preparedAt ? html`, prepared ${formatExportTime(report.visit.preparedAt)}` : ''})`]] as Array<[string, SafeHtml]>) : []),
    ['Time on site', time ? html`${formatDuration(time.durationMs)} (first activity ${formatExportTime(time.start)}, last ${formatExportTime(time.end)})` : 'No on-site activity recorded (no fetch after preparing, no test charge, no runbook step).'],
    ['Chargers', String(report.chargers.length)],
    ...(report.visit && report.visit.notes ? ([['Visit notes', report.visit.notes]] as Array<[string, string]>) : []),
  ]
  return html`<table class="facts"><tbody>${rows.map(([label, value]) => html`<tr><th scope="row">${label}</th><td>${value}</td></tr>`)}</tbody></table>`
}

function summaryTable(report: WorkOrderReport): SafeHtml {
  const rows = report.chargers.map(
    (c) => html`<tr><th scope="row"><a href="#${c.deviceId}">${c.deviceId}</a><br><span class="meta">${c.model ?? ''}</span></th>
<td>${verdictBadge(c.before)}</td><td>${c.after ? verdictBadge(c.after) : 'Not fetched again'}</td>
<td class="num">${c.findings.resolved.length}</td><td class="num">${c.findings.stillOpen.length + c.findings.appeared.length}</td>
<td>${c.runbooks.length > 0 ? c.runbooks.map((r) => html`${r.title}: <span class="outcome outcome-${r.status}">${r.status}</span><br>`) : '—'}</td></tr>`,
  )
  return html`<h2>Summary</h2>
<table class="summary"><thead><tr><th scope="col">Charger</th><th scope="col">Before</th><th scope="col">After</th><th scope="col">Findings resolved</th><th scope="col">Findings open</th><th scope="col">Runbooks</th></tr></thead>
<tbody>${rows}</tbody></table>`
}

/** Builds the report document for a paper size. */
export function buildReportHtml(report: WorkOrderReport, pageSize: ReportPageSize): string {
  const title = reportTitle(report)
  const body = html`<header>
<h1>${title}</h1>
<p class="meta">Generated ${formatExportTime(report.generatedAt)} by Tellus Field ${report.appVersion}. States are the snapshots fetched from the Tellus platform; findings are judged at each fetch time.</p>
</header>
${factsTable(report)}
${summaryTable(report)}
${report.chargers.map(chargerSection)}
<footer>Tellus Field ${report.appVersion} · ${pageSize} · units: power kW, temperature °C, state of charge % · times in local time with the zone, UTC in brackets · VINs shortened to their last 6 characters</footer>`
  return htmlDocument({ title: title, css: reportCss(pageSize), body })
}
