/**
 * The printable HTML report of one snapshot, or of two with a comparison: one self-contained
 * file (inline CSS, no scripts, no external assets, a CSP that forbids both), every value escaped
 * and every payload redacted. Plain template strings; no dependency.
 */
import type { Finding } from '@common/diagnostics/finding'
import type { ExportedHistory } from '@common/history/history-export'
import { compareSnapshots, type SnapshotComparison } from '@common/snapshots/compare-snapshots'
import type { Snapshot } from '@common/snapshot-types'
import { exportEntries } from './export-order'
import { formatExportTime } from '@common/format/timestamp'
import { html, htmlDocument } from './html'
import { REPORT_CSS } from './html-report-styles'
import { historySection } from './history-section'
import { comparisonSection, snapshotSection } from './html-report-sections'

/** What the report shows. `findings[i]` belongs to `snapshots[i]` (in the order given). */
export interface HtmlReportInput {
  /** One or two snapshots; shown older first. */
  snapshots: readonly Snapshot[]
  /** The comparison to show; computed here (on the redacted payloads) when omitted and there are two. */
  comparison?: SnapshotComparison
  findings?: readonly (readonly Finding[] | undefined)[]
  appVersion: string
  /** ISO 8601 time of the export. */
  exportedAt: string
  /** The device's charging history, when asked for. */
  history?: ExportedHistory
}

/** Builds the report as one HTML document. */
export function buildHtmlReport(input: HtmlReportInput): string {
  const entries = exportEntries(input.snapshots, input.findings)
  const [first, second] = entries
  const comparison = second && first ? (input.comparison ?? compareSnapshots(first.snapshot, second.snapshot)) : null
  const titles = second ? ['Before', 'After'] : ['Snapshot']
  const deviceIds = [...new Set(entries.map((entry) => entry.snapshot.deviceId))].join(' / ')
  const heading = comparison ? `Charger comparison: ${deviceIds}` : `Charger report: ${deviceIds}`
  const body = html`<header>
<h1>${heading}</h1>
<p class="meta">Exported ${formatExportTime(input.exportedAt)} by Tellus Field ${input.appVersion}. Readings are the last values the platform had when each snapshot was fetched.</p>
</header>
${comparison ? comparisonSection(comparison) : ''}
${entries.map((entry, index) => snapshotSection(entry.snapshot, titles[index] ?? 'Snapshot', entry.findings))}
${input.history ? historySection(input.history) : ''}
<footer>Tellus Field ${input.appVersion} · units: power kW, voltage V, current A, energy kWh, temperature °C, state of charge % · times in local time with the zone, UTC in brackets</footer>`
  return htmlDocument({ title: heading, css: REPORT_CSS, body })
}
