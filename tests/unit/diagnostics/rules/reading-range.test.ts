import { describe, expect, it } from 'vitest'
import { readingRangeRule } from '@common/diagnostics/rules/reading-range'
import { deviceWith, NOW } from '../device-fixtures'

const judge = (fields: Record<string, unknown>) =>
  readingRangeRule(deviceWith('TP-DC180', { connector_id: 1, status: 'charging', ...fields }), { now: NOW })

describe('readingRangeRule: plausible ranges', () => {
  it.each([
    [{ voltage: 0 }],
    [{ voltage: 1000 }],
    [{ current: -1000 }],
    [{ soc: 0 }],
    [{ soc: 100 }],
    [{ temperature: -40 }],
    [{ temperature: 150 }],
    [{ voltage: null, current: null, power: null, soc: null, temperature: null }],
    [{}],
  ])('%o: no finding', (fields) => {
    expect(judge(fields)).toEqual([])
  })

  it.each([
    [{ voltage: -5 }, 'Connector 1 reports a voltage of -5 V, outside the plausible range 0 to 1000 V.'],
    [{ voltage: 1200 }, 'Connector 1 reports a voltage of 1200 V, outside the plausible range 0 to 1000 V.'],
    [{ current: 1500 }, 'Connector 1 reports a current of 1500.0 A, outside the plausible range -1000 to 1000 A.'],
    [{ power: 2000 }, 'Connector 1 reports a power of 2000.0 kW, outside the plausible range -1000 to 1000 kW.'],
    [{ soc: 104 }, 'Connector 1 reports a state of charge of 104 %, outside the plausible range 0 to 100 %.'],
    [{ soc: -1 }, 'Connector 1 reports a state of charge of -1 %, outside the plausible range 0 to 100 %.'],
    [{ temperature: 400 }, 'Connector 1 reports a temperature of 400.0 °C, outside the plausible range -40 to 150 °C.'],
    [{ temperature: -60 }, 'Connector 1 reports a temperature of -60.0 °C, outside the plausible range -40 to 150 °C.'],
  ])('%o: warning', (fields, message) => {
    expect(judge(fields)).toEqual([expect.objectContaining({ ruleId: 'reading-out-of-range', severity: 'warning', connectorId: 1, message })])
  })

  it('reports each implausible reading separately', () => {
    expect(judge({ voltage: -1, soc: 101, temperature: 999 }).map((f) => f.message)).toEqual([
      expect.stringContaining('voltage'),
      expect.stringContaining('state of charge'),
      expect.stringContaining('temperature'),
    ])
  })
})

describe('readingRangeRule: power sign', () => {
  it.each([
    ['charging', 7.2],
    ['charging', -0.1],
    ['idle', 0],
    ['discharging', -10],
    ['discharging', 0.1],
    ['charging', null],
  ])('%s at %j kW: no finding', (status, power) => {
    expect(judge({ status, power })).toEqual([])
  })

  it.each([
    ['charging', -0.2, 'Connector 1 reports -0.2 kW while charging; only a discharging connector has negative power.'],
    ['idle', -5, 'Connector 1 reports -5.0 kW while idle; only a discharging connector has negative power.'],
    ['fault', -3, 'Connector 1 reports -3.0 kW while in state "fault"; only a discharging connector has negative power.'],
    ['discharging', 11, 'Connector 1 reports 11.0 kW while discharging; power should be negative while discharging.'],
  ])('%s at %j kW: warning', (status, power, message) => {
    expect(judge({ status, power })).toEqual([expect.objectContaining({ ruleId: 'power-sign-unexpected', severity: 'warning', message })])
  })
})
