/**
 * Readings that cannot be right: outside the plausible ranges (negative voltage, SOC over 100 %,
 * a 400 °C connector), or power with the wrong sign for the connector's state (the API reports
 * power negative while discharging and positive otherwise). Missing readings never fire.
 */
import { CONNECTOR_READING_UNITS as UNITS, formatReading, type ReadingUnit } from '@common/format/number'
import type { Connector } from '@common/tellus/schemas'
import type { Finding } from '../finding'
import { connectorLabel, connectorsOf, inRange, plausibleReading, reading } from '../readings'
import type { DiagnosticRule } from '../rule-types'
import { PLAUSIBLE_RANGES, POWER_SIGN_TOLERANCE_KW } from '../thresholds'

/** The readings checked against PLAUSIBLE_RANGES, with how a technician names them. */
const CHECKED_READINGS = [
  { field: 'voltage', name: 'a voltage', unit: UNITS.voltage },
  { field: 'current', name: 'a current', unit: UNITS.current },
  { field: 'power', name: 'a power', unit: UNITS.power },
  { field: 'soc', name: 'a state of charge', unit: UNITS.soc },
  { field: 'temperature', name: 'a temperature', unit: UNITS.temperature },
] as const satisfies readonly { field: keyof typeof PLAUSIBLE_RANGES; name: string; unit: ReadingUnit }[]

const UNRELIABLE_ACTION =
  "Treat this reading as unreliable: check the charger's own display or a meter, and report it to support with the firmware version if it persists."

/** Findings for readings outside their plausible range. */
function outOfRangeFindings(connector: Connector): Finding[] {
  return CHECKED_READINGS.flatMap(({ field, name, unit }): Finding[] => {
    const value = reading(connector[field])
    const range = PLAUSIBLE_RANGES[field]
    if (value === undefined || inRange(value, range)) return []
    return [
      {
        ruleId: 'reading-out-of-range',
        severity: 'warning',
        connectorId: connector.connector_id,
        message: `${connectorLabel(connector)} reports ${name} of ${formatReading(value, unit)}, outside the plausible range ${range.min} to ${formatReading(range.max, unit, 0)}.`,
        action: UNRELIABLE_ACTION,
        reading: { field, note: `implausible, outside ${range.min} to ${formatReading(range.max, unit, 0)}` },
      },
    ]
  })
}

/** "idle", "charging", … or `in state "fault"` for the others, to read well in a sentence. */
const stateText = (status: string): string =>
  ['idle', 'charging', 'discharging'].includes(status) ? status : `in state "${status}"`

/** A finding when the power's sign contradicts the connector state. */
function powerSignFindings(connector: Connector): Finding[] {
  const power = plausibleReading(connector.power, PLAUSIBLE_RANGES.power)
  if (power === undefined) return []
  const discharging = connector.status === 'discharging'
  const wrongSign = discharging ? power > POWER_SIGN_TOLERANCE_KW : power < -POWER_SIGN_TOLERANCE_KW
  if (!wrongSign) return []
  const expectation = discharging ? 'power should be negative while discharging' : 'only a discharging connector has negative power'
  return [
    {
      ruleId: 'power-sign-unexpected',
      severity: 'warning',
      connectorId: connector.connector_id,
      message: `${connectorLabel(connector)} reports ${formatReading(power, 'kW')} while ${stateText(connector.status)}; ${expectation}.`,
      action: UNRELIABLE_ACTION,
      reading: { field: 'power', note: discharging ? 'positive while discharging' : 'negative while not discharging' },
    },
  ]
}

/** Flags implausible readings and power with the wrong sign. */
export const readingRangeRule: DiagnosticRule = (device) =>
  connectorsOf(device).flatMap((connector) => [...outOfRangeFindings(connector), ...powerSignFindings(connector)])
