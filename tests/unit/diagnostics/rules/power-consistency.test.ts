import { describe, expect, it } from 'vitest'
import { powerConsistencyRule, powerTolerance } from '@common/diagnostics/rules/power-consistency'
import { deviceWith, NOW } from '../device-fixtures'

type Readings = { power?: number | null; voltage?: number | null; current?: number | null; status?: string; phase_details?: unknown }
const judge = (model: string, readings: Readings) =>
  powerConsistencyRule(deviceWith(model, { connector_id: 1, status: 'charging', ...readings }), { now: NOW })

describe('powerTolerance', () => {
  it.each([
    [0, 0.5],
    [5, 0.5],
    [7, 0.7],
    [150, 15],
  ])('expected %j kW -> ±%j kW', (expected, tolerance) => {
    expect(powerTolerance(expected)).toBeCloseTo(tolerance)
  })
})

describe('powerConsistencyRule', () => {
  it.each([
    ['documented example 220.5 V × 32 A = 7.04 kW', 'AC-7kW-V2', { voltage: 220.5, current: 32, power: 7.04 }],
    ['API example 223 V × 30.5 A, 6.8 kW', 'AC-7kW-V2', { voltage: 223, current: 30.5, power: 6.8 }],
    ['DC 400 V × 250 A = 100 kW, 95 kW reported (within 10 %)', 'TP-DC180', { voltage: 400, current: 250, power: 95 }],
    ['idle all zero', 'TP-DC180', { voltage: 0, current: 0, power: 0, status: 'idle' }],
    ['small power under the 0.5 kW floor', 'TP-DC180', { voltage: 400, current: 0, power: 0.4 }],
    ['discharging, signs ignored', 'TP-DC360', { voltage: 400, current: -50, power: -20, status: 'discharging' }],
    ['three-phase AC, 230 V × 32 A × 3 = 22 kW', 'TP-AC22', { voltage: 230, current: 32, power: 22 }],
    ['three-phase AC, line voltage 400 V × 32 A × √3 = 22.2 kW', 'TP-AC22', { voltage: 400, current: 32, power: 22.2 }],
    ['three-phase AC, vehicle on one phase', 'TP-AC22', { voltage: 230, current: 16, power: 3.7 }],
    ['phase_details on a small AC model', 'AC-7kW-V2', { voltage: 230, current: 10, power: 6.9, phase_details: {} }],
    ['power missing', 'TP-DC180', { voltage: 400, current: 100, power: null }],
    ['voltage missing', 'TP-DC180', { current: 100, power: 3 }],
    ['current missing', 'TP-DC180', { voltage: 400, power: 3 }],
    ['voltage implausible (reading-range rule reports it)', 'TP-DC180', { voltage: -400, current: 100, power: 3 }],
  ])('%s: no finding', (_label, model, readings) => {
    expect(judge(model, readings)).toEqual([])
  })

  it.each([
    ['single-phase AC with the three-phase figure', 'AC-7kW-V2', { voltage: 230, current: 32, power: 22 }, 'Connector 1 reports 22.0 kW, but 230 V × 32.0 A gives 7.4 kW.'],
    ['DC 30 % off', 'TP-DC180', { voltage: 400, current: 250, power: 70 }, 'Connector 1 reports 70.0 kW, but 400 V × 250.0 A gives 100.0 kW.'],
    ['power with no current', 'TP-DC180', { voltage: 400, current: 0, power: 5 }, 'Connector 1 reports 5.0 kW, but 400 V × 0.0 A gives 0.0 kW.'],
    ['three-phase AC matching nothing', 'TP-AC22', { voltage: 230, current: 32, power: 30 }, 'Connector 1 reports 30.0 kW, but 230 V × 32.0 A gives 7.4 kW on one phase, or 12.7 kW with √3 for line voltage, or 22.1 kW on three phases.'],
  ])('%s: warning', (_label, model, readings, message) => {
    expect(judge(model, readings)).toEqual([
      expect.objectContaining({ ruleId: 'power-mismatch', severity: 'warning', connectorId: 1, message, action: expect.any(String) }),
    ])
  })
})
