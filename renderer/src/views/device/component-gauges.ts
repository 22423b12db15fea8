/**
 * The gauges of one component health report: contactor wear against the rated cycles (the reported
 * maximum, else the F-0101 default that the wear rule also reads), fan speed against the 1,800 RPM
 * nominal, isolation against the 1 MΩ pass level, the four internal temperatures against their
 * warning levels, and V2G inverter cycles against their maximum. The scales and marks come from the
 * rules' own figures; the judgement on each gauge is the severity of the rules' findings about it.
 */
import type { ChargerKind } from '@common/diagnostics/charger-kind'
import { contactorMaxCycles } from '@common/diagnostics/component-health'
import {
  INTERNAL_TEMPERATURE_WARNING_C,
  INVERTER_WEAR_WARNING_RATIO,
  ISOLATION_PASS_KOHMS,
  NOMINAL_FAN_RPM,
  WEAR_WARNING_RATIO,
} from '@common/diagnostics/component-thresholds'
import type { Finding } from '@common/diagnostics/finding'
import { reading } from '@common/diagnostics/readings'
import { TEMPERATURE_CRITICAL_MARGIN_C } from '@common/diagnostics/thresholds'
import { formatCount, formatNumber, formatReading } from '@common/format/number'
import type { ComponentHealth } from '@common/tellus/device-extensions'
import { COMPONENT_HEALTH_FIELDS } from '@common/tellus/extension-fields'
import type { GaugeModel } from '@renderer/components/gauge'
import { markLook, type ExtensionMarks } from './extension-marks'

/** A gauge of a report, the fields it shows (paths inside `component_health`) and the finding on it. */
export interface ComponentGauge {
  model: GaugeModel
  fields: readonly string[]
  finding: Finding | undefined
}

const percent = (ratio: number): string => `${formatNumber(ratio * 100, 0)} %`
const labelOf = (field: string): string => COMPONENT_HEALTH_FIELDS.find((spec) => spec.path.join('.') === field)?.label ?? field

/** Builds one gauge, its judgement taken from the finding on its main field. */
function gauge(marks: ExtensionMarks, fields: readonly string[], model: Omit<GaugeModel, 'look'>): ComponentGauge {
  const finding = marks.get(`component_health.${fields[0]}`)
  return { model: { ...model, look: markLook(finding) }, fields, finding }
}

function wearGauge(marks: ExtensionMarks, fields: readonly string[], label: string, cycles: number, max: number, warnRatio: number, note: string | undefined): ComponentGauge {
  return gauge(marks, fields, {
    label,
    value: cycles,
    scaleMax: Math.max(cycles, max),
    valueText: `${formatCount(cycles)} of ${formatCount(max)} cycles (${percent(cycles / max)})`,
    mark: { at: max * warnRatio, label: `Warning from ${percent(warnRatio)}` },
    ...(note ? { note } : {}),
  })
}

function contactorGauges(health: ComponentHealth, kind: ChargerKind, marks: ExtensionMarks): ComponentGauge[] {
  const { max, reported } = contactorMaxCycles(health, kind)
  const note = reported
    ? 'Rated cycles as reported by the charger.'
    : `Rated cycles not reported: the typical ${formatCount(max)} for ${kind === 'DC' ? 'DC' : 'AC'} contactors (F-0101).`
  const rated = reported ? ['contactor_max_cycles'] : []
  return (['contactor_cycles', 'discharge_contactor_cycles'] as const).flatMap((key) => {
    const cycles = reading(health[key])
    return cycles === undefined ? [] : [wearGauge(marks, [key, ...rated], labelOf(key).replace('cycles', 'wear'), cycles, max, WEAR_WARNING_RATIO, note)]
  })
}

function fanGauge(health: ComponentHealth, marks: ExtensionMarks): ComponentGauge[] {
  const rpm = reading(health.cooling_fan_rpm)
  if (rpm === undefined) return []
  return [
    gauge(marks, ['cooling_fan_rpm'], {
      label: labelOf('cooling_fan_rpm'),
      value: rpm,
      scaleMax: Math.max(rpm, NOMINAL_FAN_RPM * 1.4),
      valueText: `${formatCount(rpm)} RPM (${percent(rpm / NOMINAL_FAN_RPM)} of nominal)`,
      mark: { at: NOMINAL_FAN_RPM, label: `Nominal ${formatCount(NOMINAL_FAN_RPM)} RPM (F-0601)` },
    }),
  ]
}

function isolationGauge(health: ComponentHealth, marks: ExtensionMarks): ComponentGauge[] {
  const kohms = reading(health.isolation_test_kohms)
  if (kohms === undefined) return []
  return [
    gauge(marks, ['isolation_test_kohms'], {
      label: labelOf('isolation_test_kohms'),
      value: kohms,
      scaleMax: Math.max(kohms, ISOLATION_PASS_KOHMS * 5),
      valueText: kohms >= 1_000 ? `${formatNumber(kohms / 1_000, 1)} MΩ (${formatCount(kohms)} kΩ)` : `${formatCount(kohms)} kΩ`,
      mark: { at: ISOLATION_PASS_KOHMS, label: 'Passes above 1 MΩ' },
    }),
  ]
}

function temperatureGauges(health: ComponentHealth, marks: ExtensionMarks): ComponentGauge[] {
  const sensors = Object.keys(INTERNAL_TEMPERATURE_WARNING_C) as Array<keyof typeof INTERNAL_TEMPERATURE_WARNING_C>
  return sensors.flatMap((sensor) => {
    const t = reading(health.internal_temps?.[sensor])
    if (t === undefined) return []
    const warning = INTERNAL_TEMPERATURE_WARNING_C[sensor]
    const field = `internal_temps.${sensor}`
    return [
      gauge(marks, [field], {
        label: labelOf(field),
        value: t,
        scaleMax: Math.max(t, warning + TEMPERATURE_CRITICAL_MARGIN_C + 5),
        valueText: formatReading(t, '°C'),
        mark: { at: warning, label: `Warning above ${formatReading(warning, '°C', 0)}` },
      }),
    ]
  })
}

function inverterGauge(health: ComponentHealth, marks: ExtensionMarks): ComponentGauge[] {
  const cycles = reading(health.bidirectional_inverter_cycles)
  const max = reading(health.bidirectional_inverter_max_cycles)
  if (cycles === undefined || max === undefined || max <= 0) return []
  return [wearGauge(marks, ['bidirectional_inverter_cycles', 'bidirectional_inverter_max_cycles'], 'V2G inverter wear', cycles, max, INVERTER_WEAR_WARNING_RATIO, 'Rated cycles as reported (F-0701).')]
}

/** Every gauge of one report, in reading order: wear, cooling, isolation, temperatures, V2G. */
export function componentGauges(health: ComponentHealth, kind: ChargerKind, marks: ExtensionMarks): ComponentGauge[] {
  return [...contactorGauges(health, kind, marks), ...fanGauge(health, marks), ...isolationGauge(health, marks), ...temperatureGauges(health, marks), ...inverterGauge(health, marks)]
}
