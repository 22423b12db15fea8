/** The connector readings the device view shows, in order, and how each finding marks one of them. */
import type { Finding, ReadingField } from '@common/diagnostics/finding'
import { CONNECTOR_READING_UNITS as UNITS, type ReadingUnit } from '@common/format/number'
import type { Connector } from '@common/tellus/schemas'

/** One reading of a connector as the view shows it. */
export interface ReadingSpec {
  field: ReadingField
  label: string
  unit: ReadingUnit
}

/** Every reading of a connector card, in the order a technician reads them. */
export const CONNECTOR_READINGS: readonly ReadingSpec[] = [
  { field: 'power', label: 'Power', unit: UNITS.power },
  { field: 'current', label: 'Current', unit: UNITS.current },
  { field: 'voltage', label: 'Voltage', unit: UNITS.voltage },
  { field: 'energy_delivered', label: 'Energy this session', unit: UNITS.energy_delivered },
  { field: 'soc', label: 'State of charge', unit: UNITS.soc },
  { field: 'temperature', label: 'Temperature', unit: UNITS.temperature },
]

/** The spec of one reading field. */
export function readingSpec(field: ReadingField): ReadingSpec {
  return CONNECTOR_READINGS.find((spec) => spec.field === field) ?? CONNECTOR_READINGS[0]!
}

/** Findings grouped by connector id, in one pass (a per-connector filter is quadratic on big chargers). */
export function findingsByConnector(findings: readonly Finding[]): Map<number, Finding[]> {
  const byConnector = new Map<number, Finding[]>()
  for (const finding of findings) {
    if (finding.connectorId === undefined) continue
    const list = byConnector.get(finding.connectorId)
    if (list) list.push(finding)
    else byConnector.set(finding.connectorId, [finding])
  }
  return byConnector
}

/** The most severe finding that marks each reading of a connector (findings come most severe first). */
export function readingMarks(findings: readonly Finding[]): Partial<Record<ReadingField, Finding>> {
  const marks: Partial<Record<ReadingField, Finding>> = {}
  for (const finding of findings) {
    if (finding.reading && !marks[finding.reading.field]) marks[finding.reading.field] = finding
  }
  return marks
}

/** A connector is active while it charges or discharges a vehicle. */
export function isActive(connector: Connector): boolean {
  return connector.status === 'charging' || connector.status === 'discharging'
}
