/**
 * The sections of the HTML report, each a function from data to `SafeHtml`: a snapshot's
 * identity, its connectors table, its findings, and the comparison of two snapshots.
 */
import type { Finding } from '@common/diagnostics/finding'
import type { ConnectorComparison, SnapshotComparison, ValueChange } from '@common/snapshots/compare-snapshots'
import { describeTolerances } from '@common/snapshots/snapshot-fields'
import { readDevice } from '@common/snapshots/compare-snapshots'
import { CONNECTOR_READINGS, DEVICE_FIELDS } from '@common/snapshots/snapshot-fields'
import type { Snapshot } from '@common/snapshot-types'
import type { Connector, Device } from '@common/tellus/schemas'
import { extensionSections } from './html-extension-sections'
import { formatExportTime } from '@common/format/timestamp'
import { formatDelta, formatDuration, formatValue } from './format-values'
import { html, type SafeHtml } from './html'

const GOOD = new Set(['online', 'idle', 'charging', 'discharging'])
const BAD = new Set(['offline', 'fault'])
const RAW_EXCERPT_CHARS = 4000

/** A status as text with a colour class (colour is never the only signal). */
export function statusBadge(status: unknown): SafeHtml {
  if (typeof status !== 'string' || status === '') return html`—`
  const tone = GOOD.has(status) ? 'good' : BAD.has(status) ? 'bad' : 'warn'
  return html`<span class="status status-${tone}">${status}</span>`
}

/** One snapshot: where it came from, the device identity, connectors and findings. */
export function snapshotSection(snapshot: Snapshot, title: string, findings: Finding[] | null): SafeHtml {
  const read = readDevice(snapshot.data)
  return html`<section class="snapshot">
<h2>${title}: ${snapshot.deviceId}</h2>
<p class="meta">Fetched ${formatExportTime(snapshot.fetchedAt)} · profile ${snapshot.profileName} · ${snapshot.baseUrl} · snapshot ${snapshot.id}</p>
${read.ok ? html`${deviceTables(read.device)}${extensionSections(read.device, snapshot.data)}` : unreadable(read.problem, snapshot.data)}
${findings ? findingsList(findings) : ''}
</section>`
}

function deviceTables(device: Device): SafeHtml {
  const rows = [
    html`<tr><th scope="row">Device id</th><td>${device.device_id}</td></tr>`,
    ...DEVICE_FIELDS.map((field) => {
      const value = device[field.key]
      const cell = field.key === 'status' ? statusBadge(value) : formatValue(value, null, field.key === 'last_heartbeat')
      return html`<tr><th scope="row">${field.label}</th><td>${cell}</td></tr>`
    }),
  ]
  return html`<h3>Device</h3>
<table class="identity"><tbody>${rows}</tbody></table>
${connectorsTable(device.connectors ?? [])}`
}

function connectorsTable(connectors: readonly Connector[]): SafeHtml {
  if (connectors.length === 0) return html`<h3>Connectors</h3><p>This response lists no connectors.</p>`
  const head = CONNECTOR_READINGS.map((reading) => html`<th scope="col">${reading.label}${reading.unit ? ` (${reading.unit})` : ''}</th>`)
  const rows = connectors.map((connector) => {
    const cells = CONNECTOR_READINGS.map((reading) => {
      const value = connector[reading.key]
      if (reading.key === 'status') return html`<td>${statusBadge(value)}</td>`
      return html`<td class="${reading.unit ? 'num' : ''}">${formatValue(value, reading.unit, reading.isTime)}</td>`
    })
    return html`<tr><th scope="row">${connector.connector_id}</th>${cells}</tr>`
  })
  return html`<h3>Connectors</h3>
<table class="connectors"><thead><tr><th scope="col">Connector</th>${head}</tr></thead><tbody>${rows}</tbody></table>`
}

function unreadable(problem: string, data: unknown): SafeHtml {
  const raw = JSON.stringify(data, null, 2) ?? String(data)
  const excerpt = raw.length > RAW_EXCERPT_CHARS ? `${raw.slice(0, RAW_EXCERPT_CHARS)}\n…` : raw
  return html`<p class="notice">${problem}. The response is shown as received.</p><pre>${excerpt}</pre>`
}

/** The findings of one snapshot, most severe first as given. */
export function findingsList(findings: readonly Finding[]): SafeHtml {
  if (findings.length === 0) return html`<h3>Findings</h3><p>No findings: nothing out of the ordinary.</p>`
  const items = findings.map(
    (finding) => html`<li class="${finding.severity}"><span class="severity">${finding.severity}</span>
${finding.connectorId !== undefined ? html` · connector ${finding.connectorId}` : ''}
<div>${finding.message}</div>
${finding.action ? html`<div>What to do: ${finding.action}</div>` : ''}
${finding.reference ? html`<div>See ${finding.reference.kind} ${finding.reference.id}: ${finding.reference.title}</div>` : ''}</li>`,
  )
  return html`<h3>Findings</h3><ul class="findings">${items}</ul>`
}

/** Before/after tables of two snapshots, with every change marked in text and colour. */
export function comparisonSection(comparison: SnapshotComparison): SafeHtml {
  const { older, newer } = comparison
  const between = comparison.elapsedMs === null ? '' : ` (${formatDuration(comparison.elapsedMs)} apart)`
  const intro = html`<p class="meta">Before: ${formatExportTime(older.fetchedAt)} · After: ${formatExportTime(newer.fetchedAt)}${between} · ${comparison.changedCount} change(s)</p>
<p class="meta">Differences smaller than a reading’s tolerance (${describeTolerances()}) count as the same.</p>`
  const warning = comparison.sameDevice ? '' : html`<p class="notice">These snapshots are of different devices (${older.deviceId} and ${newer.deviceId}).</p>`
  if (!comparison.comparable) {
    const problems = [older, newer].filter((side) => side.problem).map((side) => html`<li>${side.id}: ${side.problem}</li>`)
    return html`<section><h2>Comparison</h2>${intro}${warning}<p class="notice">These snapshots cannot be compared:</p><ul>${problems}</ul></section>`
  }
  return html`<section><h2>Comparison</h2>${intro}${warning}
<h3>Device</h3>${changeTable(comparison.device)}
${comparison.connectors.map(connectorComparison)}</section>`
}

function connectorComparison(connector: ConnectorComparison): SafeHtml {
  const presence = connector.presence === 'both' ? '' : connector.presence === 'added' ? ' (new in the later snapshot)' : ' (missing from the later snapshot)'
  return html`<h3>Connector ${connector.connectorId}${presence}</h3>${changeTable(connector.readings)}`
}

function changeTable(changes: readonly ValueChange[]): SafeHtml {
  const rows = changes.map((change) => {
    const isTime = change.field === 'last_heartbeat' || change.field === 'last_telemetry_time' || change.isTime === true
    const show = (value: ValueChange['before']) => (change.field === 'status' ? statusBadge(value) : formatValue(value, change.unit, isTime))
    const mark = change.changed ? html`<span class="change-mark">${changeText(change)}</span>` : change.withinTolerance ? `Same (within ${change.tolerance ?? ''})` : 'Same'
    return html`<tr class="${change.changed ? 'changed' : ''}"><th scope="row">${change.label}</th><td>${show(change.before)}</td><td>${show(change.after)}</td><td>${mark}</td></tr>`
  })
  return html`<table class="comparison"><thead><tr><th scope="col">Field</th><th scope="col">Before</th><th scope="col">After</th><th scope="col">Change</th></tr></thead><tbody>${rows}</tbody></table>`
}

/** "Changed +33 °C", "New", "No longer reported" or "Changed". */
function changeText(change: ValueChange): string {
  if (change.delta !== null) return `Changed ${formatDelta(change.delta, change.unit)}`
  if (change.before === null) return 'New'
  if (change.after === null) return 'No longer reported'
  return 'Changed'
}
