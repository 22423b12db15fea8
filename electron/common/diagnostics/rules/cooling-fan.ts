/**
 * Cooling fan: a fan the charger reports as `fault` (critical; the cabinet will overheat, F-0204),
 * or below the 1,800 RPM nominal speed or reported as `warning` (F-0601). One finding per report.
 */
import { formatCount } from '@common/format/number'
import { healthReports } from '../component-health'
import { NOMINAL_FAN_RPM } from '../component-thresholds'
import type { Finding } from '../finding'
import { reading } from '../readings'
import { faultReference } from '../references'
import type { DiagnosticRule } from '../rule-types'

/** Flags a failed, slow or warned-about cooling fan in each component health report. */
export const coolingFanRule: DiagnosticRule = (device) =>
  healthReports(device).flatMap(({ health, label, connectorId }): Finding[] => {
    const rpm = reading(health.cooling_fan_rpm)
    const status = health.cooling_fan_status
    const slow = rpm !== undefined && rpm < NOMINAL_FAN_RPM
    if (status !== 'fault' && status !== 'warning' && !slow) return []
    const speed = rpm === undefined ? '' : ` at ${formatCount(rpm)} RPM${slow ? ` (nominal ${formatCount(NOMINAL_FAN_RPM)} RPM)` : ''}`
    const where = {
      ...(connectorId === undefined ? {} : { connectorId }),
      extensionField: `component_health.${rpm === undefined ? 'cooling_fan_status' : 'cooling_fan_rpm'}`,
    }
    if (status === 'fault') {
      return [
        {
          ruleId: 'cooling-fan',
          severity: 'critical',
          ...where,
          message: `${label} reports its cooling fan as failed${speed}.`,
          action: 'Replace the fan before the cabinet overheats and the charger cuts its output (F-0204); check inlets and filters while the cover is off.',
          reference: faultReference('F-0204'),
        },
      ]
    }
    const reason = status === 'warning' ? `reports a cooling fan warning${speed}` : `has its cooling fan running below nominal speed${speed}`
    return [
      {
        ruleId: 'cooling-fan',
        severity: 'warning',
        ...where,
        message: `${label} ${reason}.`,
        action: 'Clear any obstruction at the air inlets and filters and check the fan for wear; a slow fan often comes before a cabinet over-temperature (F-0204). Reset the fan counter after a replacement.',
        reference: faultReference('F-0601'),
      },
    ]
  })
