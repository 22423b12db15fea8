import { REPORT_BASE_CSS } from '../../reports/report-base-styles'

/** The report's inline stylesheet: legible on screen, clean on paper (A4, no backgrounds needed). */
export const REPORT_CSS = `${REPORT_BASE_CSS}
:root { --changed: #fff3bf; }
body { font: 15px/1.45 system-ui, -apple-system, "Segoe UI", Roboto, sans-serif; color: var(--ink); margin: 24px auto; max-width: 1100px; padding: 0 16px; }
h1 { font-size: 24px; margin: 0 0 4px; }
h2 { font-size: 20px; margin: 28px 0 8px; border-bottom: 2px solid var(--ink); padding-bottom: 4px; }
h3 { font-size: 16px; margin: 18px 0 6px; }
.meta { color: var(--muted); margin: 0 0 12px; }
table.identity th { width: 28%; }
.notice { border: 2px solid var(--bad); padding: 8px 12px; margin: 8px 0; }
tr.changed td { background: var(--changed); }
.change-mark { font-weight: 700; }
ul.findings li { padding: 4px 10px; margin: 6px 0; }
.severity { font-size: 12px; }
.snapshot { break-inside: avoid-page; }
footer { color: var(--muted); margin-top: 32px; font-size: 13px; }
@media print {
  body { margin: 0; max-width: none; font-size: 11pt; }
  h2 { break-after: avoid; }
  table, ul.findings li { break-inside: avoid; }
  tr.changed td { background: none; font-weight: 700; }
  .snapshot + .snapshot { break-before: page; }
  @page { size: A4; margin: 14mm; }
}
`
