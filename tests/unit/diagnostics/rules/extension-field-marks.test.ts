/**
 * Every finding of an extension rule names the extension value it is about (`extensionField`), so the
 * device view marks that value (gauge or row) with the finding's severity instead of judging it again.
 */
import { describe, expect, it } from 'vitest'
import type { DiagnosticRule } from '@common/diagnostics/rule-types'
import { contactorWearRule } from '@common/diagnostics/rules/contactor-wear'
import { coolingFanRule } from '@common/diagnostics/rules/cooling-fan'
import { csmsSilenceRule } from '@common/diagnostics/rules/csms-silence'
import { internalTemperatureRule } from '@common/diagnostics/rules/internal-temperature'
import { isolationRule } from '@common/diagnostics/rules/isolation'
import { relayFaultRule } from '@common/diagnostics/rules/relay-state'
import { secondBackendRule } from '@common/diagnostics/rules/second-backend'
import { v2gInverterWearRule } from '@common/diagnostics/rules/v2g-inverter'
import { ago, connector, device, NOW } from '../device-fixtures'

const DAY = 86_400_000
const fields = (rule: DiagnosticRule, extra: Record<string, unknown>) =>
  rule(device({ model: 'TP-DC180', ...extra }), { now: NOW }).map((f) => [f.connectorId ?? null, f.extensionField])

describe('extension findings name their value', () => {
  it.each([
    ['contactor', contactorWearRule, { component_health: { contactor_cycles: 90_000, discharge_contactor_cycles: 99_000 } }, [[null, 'component_health.contactor_cycles'], [null, 'component_health.discharge_contactor_cycles']]],
    ['slow fan', coolingFanRule, { component_health: { cooling_fan_rpm: 1_200 } }, [[null, 'component_health.cooling_fan_rpm']]],
    ['fan status only', coolingFanRule, { component_health: { cooling_fan_status: 'fault' } }, [[null, 'component_health.cooling_fan_status']]],
    ['relay', relayFaultRule, { component_health: { relay_state: 'fault' } }, [[null, 'component_health.relay_state']]],
    ['isolation failed and overdue', isolationRule, { component_health: { isolation_test_kohms: 640, last_isolation_test: ago(40 * DAY) } }, [[null, 'component_health.isolation_test_kohms'], [null, 'component_health.last_isolation_test']]],
    ['internal temperature', internalTemperatureRule, { component_health: { internal_temps: { dc_outlet: 90 } } }, [[null, 'component_health.internal_temps.dc_outlet']]],
    ['inverter', v2gInverterWearRule, { component_health: { bidirectional_inverter_cycles: 46_000, bidirectional_inverter_max_cycles: 50_000 } }, [[null, 'component_health.bidirectional_inverter_cycles']]],
    ['CSMS silent', csmsSilenceRule, { ocpp_csms_last_message_at: ago(30 * 60_000) }, [[null, 'ocpp_csms_last_message_at']]],
    ['CSMS rate 0', csmsSilenceRule, { ocpp_csms_messages_per_minute: 0 }, [[null, 'ocpp_csms_messages_per_minute']]],
    ['second backend', secondBackendRule, { ocpp_version: '1.6-J', firmware_version: '250101.0001' }, [[null, 'ocpp_version']]],
  ] as const)('%s', (_label, rule, extra, expected) => {
    expect(fields(rule, extra)).toEqual(expected)
  })

  it('a connector report names the field inside its own component_health, with the connector', () => {
    const findings = contactorWearRule(device({ model: 'TP-DC180', connectors: [connector({ connector_id: 2, component_health: { contactor_cycles: 84_500 } })] }), { now: NOW })
    expect(findings.map((f) => [f.connectorId, f.extensionField])).toEqual([[2, 'component_health.contactor_cycles']])
  })
})
