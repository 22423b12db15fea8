/**
 * Internal temperatures (F-0204): each of the four sensors of `internal_temps` against the app's
 * warning level for it; critical above that level plus the connector margin. Exactly at a level
 * does not fire; implausible values are ignored.
 */
import { formatReading } from '@common/format/number'
import { healthReports } from '../component-health'
import { INTERNAL_TEMPERATURE_WARNING_C } from '../component-thresholds'
import type { Finding } from '../finding'
import { plausibleReading } from '../readings'
import { faultReference } from '../references'
import type { DiagnosticRule } from '../rule-types'
import { PLAUSIBLE_RANGES, TEMPERATURE_CRITICAL_MARGIN_C } from '../thresholds'

/** Names of the internal sensors as a technician says them. */
export const INTERNAL_SENSOR_NAMES: Readonly<Record<keyof typeof INTERNAL_TEMPERATURE_WARNING_C, string>> = {
  power_module: 'power module',
  control_board: 'control board',
  ac_inlet: 'AC inlet',
  dc_outlet: 'DC outlet',
}

const SENSORS = Object.keys(INTERNAL_TEMPERATURE_WARNING_C) as Array<keyof typeof INTERNAL_TEMPERATURE_WARNING_C>

/** Flags internal sensors over their warning level, in each component health report. */
export const internalTemperatureRule: DiagnosticRule = (device) =>
  healthReports(device).flatMap(({ health, label, connectorId }) =>
    SENSORS.flatMap((sensor): Finding[] => {
      const t = plausibleReading(health.internal_temps?.[sensor], PLAUSIBLE_RANGES.temperature)
      const warning = INTERNAL_TEMPERATURE_WARNING_C[sensor]
      if (t === undefined || t <= warning) return []
      const critical = t > warning + TEMPERATURE_CRITICAL_MARGIN_C
      return [
        {
          ruleId: 'internal-over-temperature',
          severity: critical ? 'critical' : 'warning',
          ...(connectorId === undefined ? {} : { connectorId }),
          extensionField: `component_health.internal_temps.${sensor}`,
          message: `${label}'s ${INTERNAL_SENSOR_NAMES[sensor]} is at ${formatReading(t, '°C')}, over the app's ${formatReading(warning, '°C', 0)} warning level for it${critical ? ` by more than ${formatReading(TEMPERATURE_CRITICAL_MARGIN_C, '°C', 0)}` : ''}.`,
          action: critical
            ? 'Expect the charger to cut its output or shut down (F-0204); check the cooling fan, inlets and filters before restarting.'
            : 'Check the cooling fan and air paths; the cabinet is heading for an over-temperature cut-back (F-0204).',
          reference: faultReference('F-0204'),
        },
      ]
    }),
  )
