/**
 * Contactor wear (F-0101): the cycle count against the rated maximum (the reported
 * `contactor_max_cycles`, else 60,000 AC / 100,000 DC). Warning from 80 %, critical from 100 %.
 * V2G units also count their discharge contactor, judged against the same maximum.
 */
import { formatCount, formatNumber } from '@common/format/number'
import { chargerKind } from '../charger-kind'
import { contactorMaxCycles, healthReports, type HealthReport } from '../component-health'
import { WEAR_CRITICAL_RATIO, WEAR_WARNING_RATIO } from '../component-thresholds'
import type { Finding } from '../finding'
import { reading } from '../readings'
import { faultReference } from '../references'
import type { DiagnosticRule } from '../rule-types'

const CONTACTORS = [
  { key: 'contactor_cycles', name: 'contactor' },
  { key: 'discharge_contactor_cycles', name: 'discharge contactor' },
] as const

function wearFinding(report: HealthReport, field: string, name: string, cycles: number, max: number, source: string): Finding[] {
  const ratio = cycles / max
  if (ratio < WEAR_WARNING_RATIO) return []
  const critical = ratio >= WEAR_CRITICAL_RATIO
  const { label, connectorId } = report
  return [
    {
      ruleId: 'contactor-wear',
      severity: critical ? 'critical' : 'warning',
      ...(connectorId === undefined ? {} : { connectorId }),
      extensionField: `component_health.${field}`,
      message: `${label}'s ${name} has made ${formatCount(cycles)} cycles, ${formatNumber(ratio * 100, 0)} % of ${source}${critical ? ': it is past its rated life' : ''}.`,
      action: critical
        ? 'Replace the contactor before it welds (F-0101); reset the cycle counter only after the physical replacement.'
        : `Plan a contactor replacement at the next visit (warning from ${formatNumber(WEAR_WARNING_RATIO * 100, 0)} % of the rated cycles, the app's choice); after a session check that voltage and current fall to about 0.`,
      reference: faultReference('F-0101'),
    },
  ]
}

/** Flags contactors at or above 80 % of their rated cycles, on the device and on each connector. */
export const contactorWearRule: DiagnosticRule = (device) => {
  const kind = chargerKind(device.model)
  return healthReports(device).flatMap((report) => {
    const { max, reported } = contactorMaxCycles(report.health, kind)
    const source = reported
      ? `the ${formatCount(max)} cycles it is rated for`
      : `the ${formatCount(max)}-cycle typical service life of ${kind === 'DC' ? 'DC' : 'AC'} contactors${kind === 'unknown' ? ' (the model does not say AC or DC, so the lower AC figure is used)' : ''}`
    return CONTACTORS.flatMap(({ key, name }) => {
      const cycles = reading(report.health[key])
      return cycles === undefined ? [] : wearFinding(report, key, name, cycles, max, source)
    })
  })
}
