/**
 * Table-driven tests of the component-health rules (proposed extension, item 1): contactor wear,
 * cooling fan, relay, isolation, internal temperatures and V2G inverter wear, on the device and
 * per connector, with each rule's plain sentence and its fault code.
 */
import { describe, expect, it } from 'vitest'
import type { Finding } from '@common/diagnostics/finding'
import type { DiagnosticRule } from '@common/diagnostics/rule-types'
import { contactorWearRule } from '@common/diagnostics/rules/contactor-wear'
import { coolingFanRule } from '@common/diagnostics/rules/cooling-fan'
import { internalTemperatureRule } from '@common/diagnostics/rules/internal-temperature'
import { isolationRule } from '@common/diagnostics/rules/isolation'
import { relayFaultRule } from '@common/diagnostics/rules/relay-state'
import { v2gInverterWearRule } from '@common/diagnostics/rules/v2g-inverter'
import { ago, connector, device, NOW } from '../device-fixtures'

type Health = Record<string, unknown>
const DAY = 86_400_000

/** Judges a device-level component health report of a charger of `model`. */
const onDevice = (rule: DiagnosticRule, health: Health, model = 'TP-DC180') => rule(device({ model, component_health: health }), { now: NOW })
const brief = (findings: Finding[]) => findings.map((f) => [f.severity, f.reference?.id ?? null, f.message])

describe('contactorWearRule', () => {
  it.each([
    ['DC below 80 % of the 100,000 default', 'TP-DC180', { contactor_cycles: 79_999 }],
    ['AC below 80 % of the 60,000 default', 'TP-AC22', { contactor_cycles: 47_999 }],
    ['below 80 % of a reported max', 'TP-AC22', { contactor_cycles: 7_999, contactor_max_cycles: 10_000 }],
    ['no cycle count', 'TP-DC180', { contactor_max_cycles: 10 }],
    ['a zero max falls back to the default', 'TP-DC180', { contactor_cycles: 50_000, contactor_max_cycles: 0 }],
  ])('%s: no finding', (_label, model, health) => {
    expect(onDevice(contactorWearRule, health, model)).toEqual([])
  })

  it.each([
    ['TP-DC180', { contactor_cycles: 80_000 }, 'warning', "The charger's contactor has made 80,000 cycles, 80 % of the 100,000-cycle typical service life of DC contactors."],
    ['TP-AC22', { contactor_cycles: 48_000 }, 'warning', "The charger's contactor has made 48,000 cycles, 80 % of the 60,000-cycle typical service life of AC contactors."],
    ['TP-DC180', { contactor_cycles: 100_000 }, 'critical', "The charger's contactor has made 100,000 cycles, 100 % of the 100,000-cycle typical service life of DC contactors: it is past its rated life."],
    ['TP-AC22', { contactor_cycles: 9_000, contactor_max_cycles: 10_000 }, 'warning', "The charger's contactor has made 9,000 cycles, 90 % of the 10,000 cycles it is rated for."],
    ['Mystery', { contactor_cycles: 50_000 }, 'warning', "The charger's contactor has made 50,000 cycles, 83 % of the 60,000-cycle typical service life of AC contactors (the model does not say AC or DC, so the lower AC figure is used)."],
    ['TP-DC360', { discharge_contactor_cycles: 101_000 }, 'critical', "The charger's discharge contactor has made 101,000 cycles, 101 % of the 100,000-cycle typical service life of DC contactors: it is past its rated life."],
  ] as const)('%s %j: %s', (model, health, severity, message) => {
    expect(brief(onDevice(contactorWearRule, health, model))).toEqual([[severity, 'F-0101', message]])
  })

  it('judges each connector on its own and names it', () => {
    const findings = contactorWearRule(
      device({
        model: 'TP-DC180',
        connectors: [
          connector({ connector_id: 1, component_health: { contactor_cycles: 84_500 } }),
          connector({ connector_id: 2, component_health: { contactor_cycles: 12_000 } }),
        ],
      }),
      { now: NOW },
    )
    expect(findings).toEqual([expect.objectContaining({ connectorId: 1, severity: 'warning', message: expect.stringMatching(/^Connector 1's contactor has made 84,500 cycles, 85 %/) })])
  })
})

describe('coolingFanRule', () => {
  it.each([
    ['at nominal', { cooling_fan_rpm: 1_800, cooling_fan_status: 'ok' }],
    ['above nominal', { cooling_fan_rpm: 2_100 }],
    ['status ok, no speed', { cooling_fan_status: 'ok' }],
    ['an unknown status verbatim, at speed', { cooling_fan_rpm: 1_850, cooling_fan_status: 'spinning-up' }],
  ])('%s: no finding', (_label, health) => {
    expect(onDevice(coolingFanRule, health)).toEqual([])
  })

  it.each([
    [{ cooling_fan_rpm: 1_240, cooling_fan_status: 'ok' }, 'warning', 'F-0601', 'The charger has its cooling fan running below nominal speed at 1,240 RPM (nominal 1,800 RPM).'],
    [{ cooling_fan_rpm: 1_799 }, 'warning', 'F-0601', 'The charger has its cooling fan running below nominal speed at 1,799 RPM (nominal 1,800 RPM).'],
    [{ cooling_fan_rpm: 1_900, cooling_fan_status: 'warning' }, 'warning', 'F-0601', 'The charger reports a cooling fan warning at 1,900 RPM.'],
    [{ cooling_fan_status: 'warning' }, 'warning', 'F-0601', 'The charger reports a cooling fan warning.'],
    [{ cooling_fan_rpm: 0, cooling_fan_status: 'fault' }, 'critical', 'F-0204', 'The charger reports its cooling fan as failed at 0 RPM (nominal 1,800 RPM).'],
  ] as const)('%j: %s %s', (health, severity, code, message) => {
    expect(brief(onDevice(coolingFanRule, health))).toEqual([[severity, code, message]])
  })
})

describe('relayFaultRule', () => {
  it.each(['closed', 'open', 'welded?', null])('relay %j: no finding', (relay_state) => {
    expect(onDevice(relayFaultRule, { relay_state })).toEqual([])
  })

  it('relay in fault on a connector: critical, F-0101', () => {
    const findings = relayFaultRule(device({ connectors: [connector({ connector_id: 2, component_health: { relay_state: 'fault' } })] }), { now: NOW })
    expect(brief(findings)).toEqual([['critical', 'F-0101', 'Connector 2 reports its relay in fault: it may not open or close on command.']])
    expect(findings[0]?.connectorId).toBe(2)
  })
})

describe('isolationRule', () => {
  it.each([
    ['passes above 1 MΩ, tested today', { isolation_test_kohms: 1_001, last_isolation_test: ago(DAY) }],
    ['tested exactly 30 days ago', { isolation_test_kohms: 5_000, last_isolation_test: ago(30 * DAY) }],
    ['a test time in the future', { last_isolation_test: new Date(NOW + DAY).toISOString() }],
    ['an unparseable test time', { last_isolation_test: 'last tuesday' }],
  ])('%s: no finding', (_label, health) => {
    expect(onDevice(isolationRule, health)).toEqual([])
  })

  it.each([
    [{ isolation_test_kohms: 640, last_isolation_test: ago(DAY) }, [['critical', 'F-0101', "The charger's last isolation test measured 640 kΩ; a test passes only above 1 MΩ (1,000 kΩ)."]]],
    [{ isolation_test_kohms: 1_000 }, [['critical', 'F-0101', "The charger's last isolation test measured 1,000 kΩ; a test passes only above 1 MΩ (1,000 kΩ)."]]],
    [{ isolation_test_kohms: 12_000, last_isolation_test: ago(45 * DAY) }, [['warning', 'F-0101', "The charger's last isolation test was 45 d ago, longer than the 30 d the app allows."]]],
  ] as const)('%j', (health, expected) => {
    expect(brief(onDevice(isolationRule, health))).toEqual(expected)
  })

  it('takes the allowed age from the diagnostic context', () => {
    const raw = device({ component_health: { last_isolation_test: ago(8 * DAY) } })
    expect(isolationRule(raw, { now: NOW })).toEqual([])
    expect(brief(isolationRule(raw, { now: NOW, isolationTestMaxAgeMs: 7 * DAY }))).toEqual([
      ['warning', 'F-0101', "The charger's last isolation test was 8 d ago, longer than the 7 d the app allows."],
    ])
  })
})

describe('internalTemperatureRule', () => {
  it.each([
    ['every sensor at its level', { power_module: 80, control_board: 70, ac_inlet: 70, dc_outlet: 75 }],
    ['cool', { power_module: 41.5, control_board: 35 }],
    ['implausible', { power_module: 400 }],
    ['not numbers are dropped by the schema', { power_module: 'hot' }],
  ])('%s: no finding', (_label, internal_temps) => {
    expect(onDevice(internalTemperatureRule, { internal_temps })).toEqual([])
  })

  it.each([
    [{ power_module: 80.1 }, 'warning', "The charger's power module is at 80.1 °C, over the app's 80 °C warning level for it."],
    [{ control_board: 86 }, 'critical', "The charger's control board is at 86.0 °C, over the app's 70 °C warning level for it by more than 15 °C."],
    [{ ac_inlet: 72 }, 'warning', "The charger's AC inlet is at 72.0 °C, over the app's 70 °C warning level for it."],
    [{ dc_outlet: 90.1 }, 'critical', "The charger's DC outlet is at 90.1 °C, over the app's 75 °C warning level for it by more than 15 °C."],
  ] as const)('%j: %s', (internal_temps, severity, message) => {
    expect(brief(onDevice(internalTemperatureRule, { internal_temps }))).toEqual([[severity, 'F-0204', message]])
  })
})

describe('v2gInverterWearRule', () => {
  it.each([
    ['below 90 %', { bidirectional_inverter_cycles: 8_999, bidirectional_inverter_max_cycles: 10_000 }],
    ['no max: nothing documented to judge against', { bidirectional_inverter_cycles: 99_999 }],
    ['no cycles', { bidirectional_inverter_max_cycles: 10_000 }],
  ])('%s: no finding', (_label, health) => {
    expect(onDevice(v2gInverterWearRule, health, 'TP-DC360')).toEqual([])
  })

  it.each([
    [{ bidirectional_inverter_cycles: 46_000, bidirectional_inverter_max_cycles: 50_000 }, 'warning', "The charger's bidirectional inverter has made 46,000 of its 50,000 rated cycles (92 %)."],
    [{ bidirectional_inverter_cycles: 50_000, bidirectional_inverter_max_cycles: 50_000 }, 'critical', "The charger's bidirectional inverter has made 50,000 of its 50,000 rated cycles (100 %)."],
  ] as const)('%j: %s', (health, severity, message) => {
    expect(brief(onDevice(v2gInverterWearRule, health, 'TP-DC360'))).toEqual([[severity, 'F-0701', message]])
  })
})
