/** The report's charging-history section: range, totals, patterns and the newest sessions. */
import { formatReading } from '@common/format/number'
import type { ExportedHistory } from '@common/history/history-export'
import { formatCost, formatSessionDuration, formatSocChange } from '@common/history/session-wording'
import { formatExportTime } from '@common/format/timestamp'
import { html, type SafeHtml } from './html'
import { findingsList } from './html-report-sections'

/** Sessions listed in the report at most; the JSON export carries them all. */
export const REPORT_SESSION_ROWS = 50

/** The history section of the HTML report. VINs arrive shortened (see historyForExport). */
export function historySection(history: ExportedHistory): SafeHtml {
  const charged = history.records.filter((r) => r.energy > 0).reduce((sum, r) => sum + r.energy, 0)
  const discharged = history.records.filter((r) => r.energy < 0).reduce((sum, r) => sum - r.energy, 0)
  const shown = history.records.slice(0, REPORT_SESSION_ROWS)
  const rows = shown.map(
    (r) => html`<tr><td>${r.connector_id}</td><td>${formatExportTime(r.start_time)}</td><td>${formatSessionDuration(r)}</td><td>${formatReading(r.energy, 'kWh')}</td>
<td>${formatReading(r.max_power ?? null, 'kW')} / ${formatReading(r.avg_power ?? null, 'kW')}</td><td>${formatSocChange(r)}</td><td>${formatCost(r.cost)}</td><td>${r.vehicle_info?.vin ?? '—'}</td></tr>`,
  )
  return html`<section class="history">
<h2>Charging history: ${history.deviceId}</h2>
<p class="meta">${history.records.length} sessions from ${formatExportTime(history.range.start)} to ${formatExportTime(history.range.end)} · fetched ${formatExportTime(history.fetchedAt)} from ${history.profileName} · ${formatReading(charged, 'kWh', 1)} charged${discharged > 0 ? html`, ${formatReading(discharged, 'kWh', 1)} discharged (V2G)` : ''}</p>
${findingsList(history.patterns)}
<h3>Sessions${history.records.length > shown.length ? html` (newest ${shown.length} of ${history.records.length})` : ''}</h3>
<table class="connectors"><thead><tr><th scope="col">Conn.</th><th scope="col">Start</th><th scope="col">Duration</th><th scope="col">Energy</th><th scope="col">Power max / avg</th><th scope="col">SoC</th><th scope="col">Cost</th><th scope="col">Vehicle (VIN, last 6)</th></tr></thead>
<tbody>${rows}</tbody></table>
</section>`
}
