/** The report's inline stylesheet: legible on screen, clean on paper (A4, no backgrounds needed). */
export const REPORT_CSS = `
:root { color-scheme: light; --ink: #111; --muted: #555; --line: #bbb; --ok: #0a6b2d; --warn: #8a5a00; --bad: #a3001b; --changed: #fff3bf; }
* { box-sizing: border-box; }
body { font: 15px/1.45 system-ui, -apple-system, "Segoe UI", Roboto, sans-serif; color: var(--ink); margin: 24px auto; max-width: 1100px; padding: 0 16px; }
h1 { font-size: 24px; margin: 0 0 4px; }
h2 { font-size: 20px; margin: 28px 0 8px; border-bottom: 2px solid var(--ink); padding-bottom: 4px; }
h3 { font-size: 16px; margin: 18px 0 6px; }
.meta { color: var(--muted); margin: 0 0 12px; }
table { border-collapse: collapse; width: 100%; margin: 6px 0 12px; }
th, td { border: 1px solid var(--line); padding: 4px 8px; text-align: left; vertical-align: top; }
th { background: #f0f0f0; }
td.num { text-align: right; font-variant-numeric: tabular-nums; white-space: nowrap; }
table.identity th { width: 28%; }
.status { font-weight: 600; }
.status-good { color: var(--ok); }
.status-warn { color: var(--warn); }
.status-bad { color: var(--bad); }
.notice { border: 2px solid var(--bad); padding: 8px 12px; margin: 8px 0; }
tr.changed td { background: var(--changed); }
.change-mark { font-weight: 700; }
ul.findings { padding-left: 0; list-style: none; }
ul.findings li { border-left: 6px solid var(--line); padding: 4px 10px; margin: 6px 0; }
ul.findings li.critical { border-color: var(--bad); }
ul.findings li.warning { border-color: var(--warn); }
.severity { font-weight: 700; text-transform: uppercase; font-size: 12px; }
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
