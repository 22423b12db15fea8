import { describe, expect, it } from 'vitest'
import { connectorFaultRule, unknownConnectorStateRule } from '@common/diagnostics/rules/connector-state'
import { deviceWith, NOW } from '../device-fixtures'

describe('connectorFaultRule', () => {
  it.each(['idle', 'charging', 'discharging', 'unavailable', 'preparing', 'Fault'])('status %j: no finding', (status) => {
    expect(connectorFaultRule(deviceWith('TP-DC180', { status }), { now: NOW })).toEqual([])
  })

  it.each([
    ['a fault code it carries', 'TP-AC22', { fault_code: 'F-0421' }, { kind: 'fault', id: 'F-0421' }, /reports a fault F-0421 \(Contactor failed to engage on session start\)/],
    ['an unknown fault code, DC model', 'TP-DC180', { fault_code: 'F-9999' }, { kind: 'runbook', id: 'charger-faulting-on-power-up' }, /reports a fault and cannot charge/],
    ['an over-temperature', 'TP-AC22', { temperature: 70 }, { kind: 'fault', id: 'F-0203' }, /reports a fault and cannot charge/],
    ['nothing else, DC model', 'TP-DC360', {}, { kind: 'runbook', id: 'charger-faulting-on-power-up' }, /reports a fault/],
  ] as const)('a faulted connector with %s is critical with reference %o', (_label, model, fields, reference, message) => {
    const [finding, ...rest] = connectorFaultRule(deviceWith(model, { connector_id: 3, status: 'fault', ...fields }), { now: NOW })
    expect(rest).toEqual([])
    expect(finding).toMatchObject({ ruleId: 'connector-fault', severity: 'critical', connectorId: 3, reference })
    expect(finding?.message).toMatch(message)
  })

  it('gives no reference when nothing fits (AC model, no code, normal temperature)', () => {
    const [finding] = connectorFaultRule(deviceWith('TP-AC22', { status: 'fault', temperature: 30 }), { now: NOW })
    expect(finding?.severity).toBe('critical')
    expect(finding?.reference).toBeUndefined()
    expect(finding?.action).toMatch(/fault dictionary/)
  })
})

describe('unknownConnectorStateRule', () => {
  it.each(['idle', 'charging', 'discharging', 'fault', 'unavailable'])('documented state %j: no finding', (status) => {
    expect(unknownConnectorStateRule(deviceWith('TP-AC22', { status }), { now: NOW })).toEqual([])
  })

  it.each(['preparing', 'Preparing'])('%j is info with the Preparing runbook', (status) => {
    expect(unknownConnectorStateRule(deviceWith('TP-AC22', { connector_id: 2, status }), { now: NOW })).toEqual([
      expect.objectContaining({
        ruleId: 'connector-state-unknown',
        severity: 'info',
        connectorId: 2,
        reference: { kind: 'runbook', id: 'connector-stuck-preparing', title: 'Connector stuck in Preparing' },
      }),
    ])
  })

  it.each(['finishing', 'suspended_ev', 'CHARGING'])('%j is a warning quoting the state as received', (status) => {
    const [finding] = unknownConnectorStateRule(deviceWith('TP-AC22', { status }), { now: NOW })
    expect(finding).toMatchObject({ severity: 'warning', ruleId: 'connector-state-unknown' })
    expect(finding?.message).toContain(`"${status}"`)
    expect(finding?.reference).toBeUndefined()
  })
})
