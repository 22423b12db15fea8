/**
 * What an escalation to L2 carries: one "label: value" line per item the runbook's escalation
 * step asks for, filled from the charger's newest data (firmware, temperatures, connectors in
 * fault), from the session (every step's outcome, evidence and note) or from what the technician
 * typed. Items the app cannot fill say so rather than disappear.
 */
import { chargerKind, temperatureWarningC } from '../diagnostics/charger-kind'
import { connectorLabel, connectorsOf, plausibleReading } from '../diagnostics/readings'
import { PLAUSIBLE_RANGES } from '../diagnostics/thresholds'
import { formatReading } from '../format/number'
import { formatTimestamp } from '../format/timestamp'
import type { Device } from '../tellus/schemas'
import type { AttachmentSource, Runbook } from './runbook-definition'
import type { RunbookSession } from './runbook-session'
import { escalationStep } from './runbook-flow'

/** The charger data an escalation is filled from. */
export interface EscalationData {
  device: Device | null
  fetchedAt: string | null
  usedOfflineCopy: boolean
}

const NOT_GIVEN = 'not given'

function dataTime(data: EscalationData): string {
  return ` (data at ${formatTimestamp(data.fetchedAt, { offset: true })}${data.usedOfflineCopy ? ', offline copy' : ''})`
}

function fromDevice(source: Exclude<AttachmentSource, 'technician' | 'step-evidence'>, data: EscalationData): string {
  const device = data.device
  if (!device) return 'no data for this charger'
  switch (source) {
    case 'firmware':
      return `${device.firmware_version?.trim() || 'not reported'} on ${device.model ?? 'an unknown model'}${dataTime(data)}`
    case 'temperatures': {
      const warning = temperatureWarningC(chargerKind(device.model))
      const readings = connectorsOf(device).flatMap((c) => {
        const t = plausibleReading(c.temperature, PLAUSIBLE_RANGES.temperature)
        return t === undefined ? [] : [`${connectorLabel(c)} ${formatReading(t, '°C')}${t > warning ? ` (over the ${formatReading(warning, '°C', 0)} warning level)` : ''}`]
      })
      return `${readings.length ? readings.join(', ') : 'no temperature reported'}${dataTime(data)}`
    }
    case 'fault-connectors': {
      const faulted = connectorsOf(device).filter((c) => c.status === 'fault')
      return `${faulted.length ? faulted.map(connectorLabel).join(', ') : 'none'}${dataTime(data)}`
    }
  }
}

/** One line per step the session went through: title, outcome, evidence, note. */
function stepLines(session: RunbookSession): string[] {
  return session.steps
    .filter((s) => s.outcome !== 'pending' && s.outcome !== 'skipped')
    .map((s) => `${s.title}: ${s.outcome}${s.evidence ? ` (${s.evidence})` : ''}${s.note ? ` Note: ${s.note}` : ''}`)
}

/**
 * The attachment lines for escalating `session`: each item of the runbook's escalation step, with
 * `typed` holding what the technician wrote for the items of source "technician" (by label).
 */
export function collectAttachments(runbook: Runbook, session: RunbookSession, data: EscalationData, typed: Record<string, string>): string[] {
  const items = escalationStep(runbook).escalation?.attach ?? []
  return items.flatMap(({ label, source }) => {
    if (source === 'technician') return [`${label}: ${typed[label]?.trim() || NOT_GIVEN}`]
    if (source === 'step-evidence') {
      const lines = stepLines(session)
      return lines.length ? lines.map((line) => `${label}: ${line}`) : [`${label}: no step completed`]
    }
    return [`${label}: ${fromDevice(source, data)}`]
  })
}
