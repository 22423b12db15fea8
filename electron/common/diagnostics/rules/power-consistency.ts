/**
 * Power vs voltage × current. Fires only when power, voltage and current are all present and
 * plausible, and the reported power (kW, sign ignored) is beyond tolerance of every expected value.
 *
 * Expected values: V × I for DC and single-phase AC. For three-phase connectors (a `phase_details`
 * field, or an AC model rated above 7.4 kW such as TP-AC22) the platform does not say whether
 * voltage is phase or line voltage, nor whether a vehicle draws on one phase or three, so any of
 * V × I (one phase in use), √3 × V × I (line voltage) and 3 × V × I (phase voltage, three phases)
 * is accepted. The tolerance is the larger of POWER_TOLERANCE_KW and POWER_TOLERANCE_RATIO of the
 * expected value.
 */
import { formatReading } from '@common/format/number'
import { isThreePhase } from '../charger-kind'
import type { Finding } from '../finding'
import { connectorLabel, connectorsOf, plausibleReading } from '../readings'
import type { DiagnosticRule } from '../rule-types'
import { PLAUSIBLE_RANGES, POWER_TOLERANCE_KW, POWER_TOLERANCE_RATIO } from '../thresholds'

/** One way of turning voltage × current into power. */
interface PowerCandidate {
  factor: number
  label: string
}

const SINGLE_PHASE: readonly PowerCandidate[] = [{ factor: 1, label: '' }]
const THREE_PHASE: readonly PowerCandidate[] = [
  { factor: 1, label: 'on one phase' },
  { factor: Math.sqrt(3), label: 'with √3 for line voltage' },
  { factor: 3, label: 'on three phases' },
]

/** The allowed deviation from an expected power, in kW. */
export function powerTolerance(expectedKw: number): number {
  return Math.max(POWER_TOLERANCE_KW, POWER_TOLERANCE_RATIO * expectedKw)
}

/** Flags connectors whose power does not match voltage × current. */
export const powerConsistencyRule: DiagnosticRule = (device) =>
  connectorsOf(device).flatMap((connector): Finding[] => {
    const power = plausibleReading(connector.power, PLAUSIBLE_RANGES.power)
    const voltage = plausibleReading(connector.voltage, PLAUSIBLE_RANGES.voltage)
    const current = plausibleReading(connector.current, PLAUSIBLE_RANGES.current)
    if (power === undefined || voltage === undefined || current === undefined) return []
    const product = Math.abs(voltage * current) / 1000
    const candidates = isThreePhase(device.model, connector) ? THREE_PHASE : SINGLE_PHASE
    const fits = candidates.some(({ factor }) => Math.abs(Math.abs(power) - factor * product) <= powerTolerance(factor * product))
    if (fits) return []
    const texts = candidates.map(({ factor, label }) => `${formatReading(factor * product, 'kW')}${label ? ` ${label}` : ''}`)
    const allSame = new Set(candidates.map(({ factor }) => formatReading(factor * product, 'kW'))).size === 1
    const expected = allSame ? formatReading(product, 'kW') : texts.join(', or ')
    return [
      {
        ruleId: 'power-mismatch',
        severity: 'warning',
        connectorId: connector.connector_id,
        message: `${connectorLabel(connector)} reports ${formatReading(power, 'kW')}, but ${formatReading(voltage, 'V')} × ${formatReading(current, 'A')} gives ${expected}.`,
        action:
          'Compare with a clamp meter or the charger display; if the meter agrees with voltage × current, report a metering discrepancy to support.',
        reading: { field: 'power', note: `does not match voltage × current (${expected})` },
      },
    ]
  })
