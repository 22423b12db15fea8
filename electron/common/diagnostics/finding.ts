/** A diagnostic finding: what the rules in this folder say about a device snapshot. */
import type { ConnectorReadingField } from '@common/format/number'

export type FindingSeverity = 'critical' | 'warning' | 'info'

/** Where to read more: a fault dictionary entry or a runbook. */
export interface FindingReference {
  kind: 'fault' | 'runbook'
  /** Fault code such as "F-0203" (kind 'fault') or a runbook id (kind 'runbook'). */
  id: string
  title: string
}

/** The connector readings a finding can be about. */
export type ReadingField = ConnectorReadingField

/** Which reading a finding is about and a few words to show beside it ("over 65 °C warning"). */
export interface ReadingMark {
  field: ReadingField
  note: string
}

export interface Finding {
  /** Stable rule id, e.g. "connector-over-temperature". */
  ruleId: string
  severity: FindingSeverity
  /** The connector it is about, when it is about one. */
  connectorId?: number
  /** One sentence a technician understands, with numbers and units. */
  message: string
  /** What to check or do next. */
  action?: string
  reference?: FindingReference
  /** Set when the finding is about one reading of its connector, so the reading itself is marked. */
  reading?: ReadingMark
  /**
   * Set when the finding is about one proposed-extension value, as its path joined by "."
   * ("component_health.cooling_fan_rpm", "ocpp_csms_last_message_at"); with `connectorId` for a
   * connector's own `component_health`. The device view marks that value with the finding's severity.
   */
  extensionField?: string
}
