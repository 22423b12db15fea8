/**
 * V2G inverter wear (F-0701): bidirectional inverter cycles against their reported maximum;
 * warning from 90 % (the app's choice), critical at 100 %. Without a reported maximum there is no
 * documented default, so nothing is judged.
 */
import { formatCount, formatNumber } from '@common/format/number'
import { healthReports } from '../component-health'
import { INVERTER_WEAR_WARNING_RATIO, WEAR_CRITICAL_RATIO } from '../component-thresholds'
import type { Finding } from '../finding'
import { reading } from '../readings'
import { faultReference } from '../references'
import type { DiagnosticRule } from '../rule-types'

/** Flags bidirectional inverters near or past their maximum cycles. */
export const v2gInverterWearRule: DiagnosticRule = (device) =>
  healthReports(device).flatMap(({ health, label, connectorId }): Finding[] => {
    const cycles = reading(health.bidirectional_inverter_cycles)
    const max = reading(health.bidirectional_inverter_max_cycles)
    if (cycles === undefined || max === undefined || max <= 0) return []
    const ratio = cycles / max
    if (ratio < INVERTER_WEAR_WARNING_RATIO) return []
    const critical = ratio >= WEAR_CRITICAL_RATIO
    return [
      {
        ruleId: 'v2g-inverter-wear',
        severity: critical ? 'critical' : 'warning',
        ...(connectorId === undefined ? {} : { connectorId }),
        extensionField: 'component_health.bidirectional_inverter_cycles',
        message: `${label}'s bidirectional inverter has made ${formatCount(cycles)} of its ${formatCount(max)} rated cycles (${formatNumber(ratio * 100, 0)} %).`,
        action: critical
          ? 'Plan the inverter replacement now: a worn inverter loses grid synchronisation and aborts discharge sessions (F-0701).'
          : 'Plan an inverter service before it reaches its rated cycles; watch for lost grid synchronisation (F-0701).',
        reference: faultReference('F-0701'),
      },
    ]
  })
