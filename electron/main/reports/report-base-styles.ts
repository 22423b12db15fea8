/**
 * What every printable HTML report shares (the snapshot report and the work-order report): the
 * palette, tables, status words and finding borders. Each report adds its own type sizes, spacing
 * and print rules after it.
 */
export const REPORT_BASE_CSS = `
:root { color-scheme: light; --ink: #111; --muted: #555; --line: #bbb; --ok: #0a6b2d; --warn: #8a5a00; --bad: #a3001b; }
* { box-sizing: border-box; }
table { border-collapse: collapse; width: 100%; margin: 6px 0 12px; }
th, td { border: 1px solid var(--line); padding: 4px 8px; text-align: left; vertical-align: top; }
th { background: #f0f0f0; }
td.num { text-align: right; font-variant-numeric: tabular-nums; white-space: nowrap; }
.status { font-weight: 600; }
.status-good { color: var(--ok); }
.status-warn { color: var(--warn); }
.status-bad { color: var(--bad); }
ul.findings { padding-left: 0; list-style: none; }
ul.findings li { border-left: 6px solid var(--line); }
ul.findings li.critical { border-color: var(--bad); }
ul.findings li.warning { border-color: var(--warn); }
.severity { font-weight: 700; text-transform: uppercase; }
`
