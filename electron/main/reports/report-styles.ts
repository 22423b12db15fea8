/**
 * The work-order report's inline stylesheet, laid out for the chosen paper size. Rows, findings,
 * runbook steps and charts never break across pages (`break-inside: avoid`); table heads repeat on
 * every page; colour is never the only signal (every status is also a word).
 */
import type { ReportPageSize } from '@common/reports/report-types'
import { REPORT_BASE_CSS } from './report-base-styles'

/** Page margin on paper. */
export const REPORT_PAGE_MARGIN_MM = 14

/** The stylesheet for one paper size. */
export function reportCss(pageSize: ReportPageSize): string {
  return `${REPORT_BASE_CSS}
:root { --power: #0b5fa5; --soc: #9a4a00; }
body { font: 14px/1.45 system-ui, -apple-system, "Segoe UI", Roboto, sans-serif; color: var(--ink); background: #fff; margin: 24px auto; max-width: 1000px; padding: 0 16px; }
h1 { font-size: 22px; margin: 0 0 6px; }
h2 { font-size: 18px; margin: 26px 0 8px; border-bottom: 2px solid var(--ink); padding-bottom: 4px; break-after: avoid; }
h3 { font-size: 15px; margin: 16px 0 6px; break-after: avoid; }
.meta { color: var(--muted); margin: 0 0 10px; }
thead { display: table-header-group; }
tr, li, figure, .escalation { break-inside: avoid; page-break-inside: avoid; }
table.facts th { width: 30%; }
table.steps th[scope="row"] { width: 26%; }
table.steps td:last-child { width: 22%; }
.outcome { font-weight: 700; text-transform: uppercase; font-size: 12px; }
.outcome-pass, .outcome-done, .outcome-resolved { color: var(--ok); }
.outcome-fail, .outcome-escalated { color: var(--bad); }
.outcome-unknown, .outcome-in-progress { color: var(--warn); }
.outcome-pending, .outcome-skipped { color: var(--muted); }
ul.findings { margin: 4px 0 10px; }
ul.findings li { padding: 3px 10px; margin: 4px 0; }
.severity { font-size: 11px; }
.notice { border: 2px solid var(--warn); padding: 6px 10px; margin: 8px 0; }
.escalation { border: 2px solid var(--bad); padding: 6px 10px; margin: 8px 0; }
figure.chart { margin: 8px 0 14px; }
figure.chart svg { display: block; max-width: 640px; }
figure.chart figcaption { color: var(--muted); font-size: 12px; }
svg .grid { stroke: #ddd; stroke-width: 1; }
svg .axis { fill: #444; font: 11px system-ui, sans-serif; }
svg .power { fill: none; stroke: var(--power); stroke-width: 2; }
svg .soc { fill: none; stroke: var(--soc); stroke-width: 2; stroke-dasharray: 6 4; }
section.charger + section.charger { margin-top: 28px; }
footer { color: var(--muted); margin-top: 28px; font-size: 12px; }
@page { size: ${pageSize}; margin: ${REPORT_PAGE_MARGIN_MM}mm; }
@media print {
  body { margin: 0; max-width: none; font-size: 10pt; padding: 0; }
  section.charger { break-before: page; }
}
`
}
