/**
 * One charger's section of the work-order report: before/after state, findings resolved / still
 * open / appeared, firmware verdict, runbooks walked with evidence and notes, recorded test
 * charges as charts. Every value goes through the escaping `html` tag.
 */
import { formatReading } from '@common/format/number'
import type { ReportCharger, ReportChargerState, ReportConnector, ReportFinding, ReportRunbook } from '@common/reports/report-types'
import { formatExportTime } from '@common/format/timestamp'
import { formatDuration } from '../snapshots/export/format-values'
import { html, type SafeHtml } from '../snapshots/export/html'
import { statusBadge } from '../snapshots/export/html-report-sections'
import { recordingChartSvg } from './recording-chart-svg'

const VERDICT_WORDS = { healthy: 'Healthy', 'needs-attention': 'Needs attention', 'out-of-service': 'Out of service' } as const

/** A verdict as a word with its colour class. */
export function verdictBadge(state: ReportChargerState | null): SafeHtml {
  if (!state) return html`<span class="status">No copy</span>`
  if (!state.verdict) return html`<span class="status status-warn">Unreadable</span>`
  const tone = state.verdict === 'healthy' ? 'good' : state.verdict === 'out-of-service' ? 'bad' : 'warn'
  return html`<span class="status status-${tone}">${VERDICT_WORDS[state.verdict]}</span>`
}

function connectorCells(connector: ReportConnector | undefined): SafeHtml {
  if (!connector) return html`<td>—</td><td class="num">—</td><td class="num">—</td><td class="num">—</td>`
  return html`<td>${statusBadge(connector.status)}</td><td class="num">${formatReading(connector.powerKw, 'kW')}</td><td class="num">${formatReading(connector.temperatureC, '°C')}</td><td class="num">${formatReading(connector.socPercent, '%')}</td>`
}

function stateTable(charger: ReportCharger): SafeHtml {
  const ids = [...new Set([...(charger.before?.connectors ?? []), ...(charger.after?.connectors ?? [])].map((c) => c.connectorId))].sort((a, b) => a - b)
  const rows = ids.map((id) => {
    const before = charger.before?.connectors.find((c) => c.connectorId === id)
    const after = charger.after?.connectors.find((c) => c.connectorId === id)
    return html`<tr><th scope="row">Connector ${id}</th>${connectorCells(before)}${connectorCells(after)}</tr>`
  })
  const problems = [charger.before?.problem, charger.after?.problem].filter((p): p is string => typeof p === 'string')
  return html`<table class="states"><thead>
<tr><th scope="col">Charger</th><th scope="col" colspan="4">Before</th><th scope="col" colspan="4">After</th></tr>
<tr><th scope="row">Overall</th><td colspan="4">${charger.before ? html`${statusBadge(charger.before.status)} · ${verdictBadge(charger.before)} · fetched ${formatExportTime(charger.before.fetchedAt)}` : 'No copy'}</td>
<td colspan="4">${charger.after ? html`${statusBadge(charger.after.status)} · ${verdictBadge(charger.after)} · fetched ${formatExportTime(charger.after.fetchedAt)}` : 'Not fetched again after the before state'}</td></tr>
<tr><th scope="col">Connector</th><th scope="col">State</th><th scope="col">Power</th><th scope="col">Temp.</th><th scope="col">SoC</th><th scope="col">State</th><th scope="col">Power</th><th scope="col">Temp.</th><th scope="col">SoC</th></tr>
</thead><tbody>${rows}</tbody></table>
${problems.map((p) => html`<p class="notice">${p}</p>`)}`
}

function findingItems(findings: readonly ReportFinding[], empty: string): SafeHtml {
  if (findings.length === 0) return html`<p>${empty}</p>`
  return html`<ul class="findings">${findings.map(
    (f) => html`<li class="${f.severity}"><span class="severity">${f.severity}</span>${f.connectorId !== null ? html` · connector ${f.connectorId}` : ''}
<div>${f.message}</div>${f.action ? html`<div>What to do: ${f.action}</div>` : ''}</li>`,
  )}</ul>`
}

function findingsPart(charger: ReportCharger): SafeHtml {
  const { resolved, stillOpen, appeared } = charger.findings
  return html`<h3>Findings resolved (${resolved.length})</h3>${findingItems(resolved, charger.after ? 'None resolved.' : 'Not known: the charger was not fetched again after the before state.')}
<h3>Findings still open (${stillOpen.length})</h3>${findingItems(stillOpen, 'None open.')}
${appeared.length > 0 ? html`<h3>Findings that appeared during the visit (${appeared.length})</h3>${findingItems(appeared, '')}` : ''}`
}

function evidenceCell(step: ReportRunbook['steps'][number]): SafeHtml {
  if (!step.evidence) return html`—`
  const when = step.evidenceAt ? html` <span class="meta">(data of ${formatExportTime(step.evidenceAt)}${step.usedOfflineCopy ? ', offline copy' : ''})</span>` : ''
  return html`${step.evidence}${when}`
}

function runbookPart(runbook: ReportRunbook): SafeHtml {
  const rows = runbook.steps.map(
    (step, index) => html`<tr><td class="num">${index + 1}</td><th scope="row">${step.title}<br><span class="meta">${step.kind === 'auto' ? 'checked by the app' : 'done by the technician'}</span></th>
<td><span class="outcome outcome-${step.outcome}">${step.outcome}</span>${step.at ? html`<br><span class="meta">${formatExportTime(step.at)}</span>` : ''}</td><td>${evidenceCell(step)}</td><td>${step.note ?? '—'}</td></tr>`,
  )
  const escalation = runbook.escalation
    ? html`<div class="escalation"><strong>Escalated to L2</strong> at ${formatExportTime(runbook.escalation.at)}${runbook.escalation.note ? html`: ${runbook.escalation.note}` : ''}
<ul>${runbook.escalation.attachments.map((a) => html`<li>${a}</li>`)}</ul></div>`
    : ''
  return html`<h3>Runbook: ${runbook.title} · <span class="outcome outcome-${runbook.status}">${runbook.status}</span></h3>
<p class="meta">Started ${formatExportTime(runbook.startedAt)} · last step ${formatExportTime(runbook.updatedAt)}</p>
<table class="steps"><thead><tr><th scope="col">#</th><th scope="col">Step</th><th scope="col">Outcome</th><th scope="col">Evidence</th><th scope="col">Note</th></tr></thead><tbody>${rows}</tbody></table>
${escalation}`
}

function recordingsPart(charger: ReportCharger): SafeHtml {
  if (charger.recordings.length === 0) return html`<h3>Test charges</h3><p>No test charge was recorded.</p>`
  return html`<h3>Test charges (${charger.recordings.length})</h3>
${charger.recordings.map(
  (r) => html`<p class="meta">Recorded ${formatExportTime(r.startedAt)}${r.endedAt ? html` to ${formatExportTime(r.endedAt)} (${formatDuration(Date.parse(r.endedAt) - Date.parse(r.startedAt))})` : ' (still running)'} · ${r.frames} frames</p>
${r.connectors.map((c) => recordingChartSvg(c.points, `${charger.deviceId} connector ${c.connectorId}, test charge of ${formatExportTime(r.startedAt)}`))}`,
)}`
}

/** The section of one charger. */
export function chargerSection(charger: ReportCharger): SafeHtml {
  return html`<section class="charger" id="${charger.deviceId}">
<h2>${charger.deviceId}${charger.model ? html` · ${charger.model}` : ''}${charger.siteId ? html` · site ${charger.siteId}` : ''}</h2>
<h3>State before and after</h3>
${stateTable(charger)}
${findingsPart(charger)}
<h3>Firmware</h3><p>${charger.firmware ? charger.firmware.verdict : 'Not known: no readable copy of this charger.'}</p>
${charger.runbooks.length > 0 ? charger.runbooks.map(runbookPart) : html`<h3>Runbooks</h3><p>No runbook was walked on this charger.</p>`}
${recordingsPart(charger)}
${charger.notes.length > 0 ? html`<ul class="notes">${charger.notes.map((n) => html`<li>${n}</li>`)}</ul>` : ''}
</section>`
}
