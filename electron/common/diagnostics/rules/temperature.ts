/**
 * Connector over-temperature (F-0203). Warning above the Tellus levels (65 °C AC, 75 °C DC);
 * critical above the warning level plus the app's own margin. Exactly at a level does not fire.
 * Implausible temperatures are left to the reading-range rule.
 */
import { formatReading } from '@common/format/number'
import { chargerKind, temperatureWarningC, type ChargerKind } from '../charger-kind'
import type { Finding } from '../finding'
import { connectorLabel, connectorsOf, plausibleReading } from '../readings'
import { faultReference } from '../references'
import type { DiagnosticRule } from '../rule-types'
import { PLAUSIBLE_RANGES, TEMPERATURE_CRITICAL_MARGIN_C } from '../thresholds'

/** "for AC chargers" or why the AC level was used for an unrecognised model. */
function levelQualifier(kind: ChargerKind, model: string | null | undefined): string {
  if (kind !== 'unknown') return `for ${kind} chargers`
  const name = model ? `model "${model}"` : 'the model'
  return `for AC chargers, used because ${name} does not say whether it is AC or DC`
}

/** Flags connectors hotter than the warning level for the charger's kind. */
export const temperatureRule: DiagnosticRule = (device) => {
  const kind = chargerKind(device.model)
  const warning = temperatureWarningC(kind)
  const critical = warning + TEMPERATURE_CRITICAL_MARGIN_C
  const level = `the ${formatReading(warning, '°C', 0)} warning level ${levelQualifier(kind, device.model)}`
  return connectorsOf(device).flatMap((connector): Finding[] => {
    const t = plausibleReading(connector.temperature, PLAUSIBLE_RANGES.temperature)
    if (t === undefined || t <= warning) return []
    const at = `${connectorLabel(connector)} is at ${formatReading(t, '°C')}`
    if (t > critical) {
      return [
        {
          ruleId: 'connector-over-temperature',
          severity: 'critical',
          connectorId: connector.connector_id,
          message: `${at}, more than ${formatReading(TEMPERATURE_CRITICAL_MARGIN_C, '°C', 0)} over ${level} (the app's own critical margin).`,
          action: 'Stop using the connector until it has cooled; inspect the connector, cable and pins for heat damage before the next session.',
          reference: faultReference('F-0203'),
          reading: { field: 'temperature', note: `over ${formatReading(critical, '°C', 0)} critical` },
        },
      ]
    }
    return [
      {
        ruleId: 'connector-over-temperature',
        severity: 'warning',
        connectorId: connector.connector_id,
        message: `${at}, over ${level}.`,
        action: 'Check shade and airflow around the charger and inspect the pins and latch for discolouration or play; the charger reduces power while this hot.',
        reference: faultReference('F-0203'),
        reading: { field: 'temperature', note: `over ${formatReading(warning, '°C', 0)} warning` },
      },
    ]
  })
}
