import { describe, expect, it } from 'vitest'
import { temperatureRule } from '@common/diagnostics/rules/temperature'
import { connector, device, deviceWith, NOW } from '../device-fixtures'

const judge = (model: string | null, temperature: number | null | undefined) =>
  temperatureRule(deviceWith(model, { connector_id: 2, status: 'charging', temperature }), { now: NOW })

describe('temperatureRule', () => {
  it.each([
    ['TP-AC22', 65],
    ['TP-AC22', 64.9],
    ['TP-AC22', 20],
    ['TP-AC22', -10],
    ['TP-DC180', 75],
    ['TP-DC180', 70],
    ['Mystery', 65],
    ['TP-AC22', null],
    ['TP-AC22', undefined],
    ['TP-AC22', 400], // implausible: left to the reading-range rule
  ])('%s at %j °C: no finding', (model, temperature) => {
    expect(judge(model, temperature)).toEqual([])
  })

  it.each([
    ['TP-AC22', 65.1, 'warning', 'Connector 2 is at 65.1 °C, over the 65 °C warning level for AC chargers.'],
    ['AC-7kW-V2', 71, 'warning', 'Connector 2 is at 71.0 °C, over the 65 °C warning level for AC chargers.'],
    ['TP-AC22', 80, 'warning', 'Connector 2 is at 80.0 °C, over the 65 °C warning level for AC chargers.'],
    ['TP-AC22', 80.1, 'critical', "Connector 2 is at 80.1 °C, more than 15 °C over the 65 °C warning level for AC chargers (the app's own critical margin)."],
    ['TP-DC180', 75.1, 'warning', 'Connector 2 is at 75.1 °C, over the 75 °C warning level for DC chargers.'],
    ['TP-DC360', 90.5, 'critical', "Connector 2 is at 90.5 °C, more than 15 °C over the 75 °C warning level for DC chargers (the app's own critical margin)."],
    ['Mystery', 70, 'warning', 'Connector 2 is at 70.0 °C, over the 65 °C warning level for AC chargers, used because model "Mystery" does not say whether it is AC or DC.'],
    [null, 70, 'warning', 'Connector 2 is at 70.0 °C, over the 65 °C warning level for AC chargers, used because the model does not say whether it is AC or DC.'],
  ] as const)('%s at %j °C: %s', (model, temperature, severity, message) => {
    expect(judge(model, temperature)).toEqual([
      expect.objectContaining({
        ruleId: 'connector-over-temperature',
        severity,
        connectorId: 2,
        message,
        action: expect.any(String),
        reference: { kind: 'fault', id: 'F-0203', title: 'Connector over-temperature' },
      }),
    ])
  })

  it('judges each connector on its own', () => {
    const findings = temperatureRule(
      device({
        model: 'TP-DC180',
        connectors: [connector({ connector_id: 1, temperature: 30 }), connector({ connector_id: 2, temperature: 76 }), connector({ connector_id: 3, temperature: 91 })],
      }),
      { now: NOW },
    )
    expect(findings.map((f) => [f.connectorId, f.severity])).toEqual([
      [2, 'warning'],
      [3, 'critical'],
    ])
  })
})
