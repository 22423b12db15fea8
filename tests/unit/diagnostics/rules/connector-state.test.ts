import { describe, expect, it } from 'vitest'
import { diagnoseDevice } from '@common/diagnostics/diagnose-device'
import { connectorFaultRule, connectorUnavailableRule, unknownConnectorStateRule } from '@common/diagnostics/rules/connector-state'
import { connector, device, deviceWith, NOW } from '../device-fixtures'

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

describe('connectorUnavailableRule', () => {
  it.each([
    ['online', 'unavailable', 1],
    ['online', 'Unavailable', 0],
    ['online', 'idle', 0],
    ['online', 'fault', 0],
    ['offline', 'unavailable', 0],
    [undefined, 'unavailable', 0],
    ['maintenance', 'unavailable', 0],
  ] as const)('device %j, connector %j: %i finding(s)', (status, connectorStatus, count) => {
    const judged = device({ status, connectors: [connector({ connector_id: 2, status: connectorStatus })] })
    expect(connectorUnavailableRule(judged, { now: NOW })).toHaveLength(count)
  })

  it('warns about each unavailable connector of an online charger, saying it cannot charge and what to check', () => {
    const judged = device({
      status: 'online',
      connectors: [connector({ connector_id: 1, status: 'charging' }), connector({ connector_id: 2, status: 'unavailable' }), connector({ connector_id: 3, status: 'unavailable' })],
    })
    const findings = connectorUnavailableRule(judged, { now: NOW })
    expect(findings.map((f) => [f.ruleId, f.severity, f.connectorId])).toEqual([
      ['connector-unavailable', 'warning', 2],
      ['connector-unavailable', 'warning', 3],
    ])
    expect(findings[0]?.message).toBe('Connector 2 is unavailable while the charger is online, so it cannot charge.')
    expect(findings[0]?.action).toMatch(/taken out of service on purpose/)
  })

  it('is one of the rules diagnoseDevice runs', () => {
    const judged = device({ status: 'online', connectors: [connector({ connector_id: 2, status: 'unavailable' })] })
    expect(diagnoseDevice(judged, { now: NOW }).map((f) => f.ruleId)).toContain('connector-unavailable')
  })
})
