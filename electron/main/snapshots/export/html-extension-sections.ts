/**
 * The report sections for the proposed device extensions, only when a snapshot reports them:
 * component health (the charger and each connector side by side), connectivity and protocol
 * (OCPP, link, lifecycle, product), and any extension value that could not be read, verbatim.
 */
import { formatExtensionValue } from '@common/format/extension-value'
import {
  COMPONENT_HEALTH_FIELDS,
  CONNECTIVITY_FIELDS,
  extensionValue,
  LIFECYCLE_FIELDS,
  OCPP_FIELDS,
  PRODUCT_FIELDS,
  type ExtensionFieldSpec,
} from '@common/tellus/extension-fields'
import { findExtensionIssues } from '@common/tellus/device-extensions'
import type { Device } from '@common/tellus/schemas'
import { formatExportTime } from '@common/format/timestamp'
import { html, type SafeHtml } from './html'

function cell(source: unknown, spec: ExtensionFieldSpec): string {
  const value = extensionValue(source, spec)
  return spec.isTime && typeof value === 'string' ? formatExportTime(value) : formatExtensionValue(value, spec.unit)
}

function componentHealthTable(device: Device): SafeHtml | '' {
  const columns = [
    ...(device.component_health ? [{ title: 'Charger', health: device.component_health }] : []),
    ...(device.connectors ?? []).flatMap((c) => (c.component_health ? [{ title: `Connector ${c.connector_id}`, health: c.component_health }] : [])),
  ]
  if (columns.length === 0) return ''
  const rows = COMPONENT_HEALTH_FIELDS.filter((spec) => columns.some((column) => extensionValue(column.health, spec) !== undefined)).map(
    (spec) => html`<tr><th scope="row">${spec.label}</th>${columns.map((column) => html`<td class="num">${cell(column.health, spec)}</td>`)}</tr>`,
  )
  return html`<h3>Component health (proposed extension)</h3>
<table class="components"><thead><tr><th scope="col">Value</th>${columns.map((column) => html`<th scope="col">${column.title}</th>`)}</tr></thead><tbody>${rows}</tbody></table>`
}

function connectivityTable(device: Device): SafeHtml | '' {
  const specs = [...OCPP_FIELDS, ...CONNECTIVITY_FIELDS, ...LIFECYCLE_FIELDS, ...PRODUCT_FIELDS].filter((spec) => extensionValue(device, spec) !== undefined)
  if (specs.length === 0) return ''
  const rows = specs.map((spec) => html`<tr><th scope="row">${spec.label}</th><td>${cell(device, spec)}</td></tr>`)
  return html`<h3>Connectivity and protocol (proposed extension)</h3>
<table class="identity"><tbody>${rows}</tbody></table>`
}

function issuesNotice(raw: unknown): SafeHtml | '' {
  const issues = findExtensionIssues(raw)
  if (issues.length === 0) return ''
  return html`<p class="notice">Extension values that could not be read (shown as received):</p>
<ul>${issues.map((issue) => html`<li><code>${issue.path}</code> = <code>${issue.verbatim}</code></li>`)}</ul>`
}

/** Every extension section of one snapshot; empty for a charger that reports no extension. */
export function extensionSections(device: Device, raw: unknown): SafeHtml {
  return html`${componentHealthTable(device)}${connectivityTable(device)}${issuesNotice(raw)}`
}
