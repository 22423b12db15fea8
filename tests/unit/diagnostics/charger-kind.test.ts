import { describe, expect, it } from 'vitest'
import { chargerKind, isThreePhase, nominalPowerKw, temperatureWarningC } from '@common/diagnostics/charger-kind'
import { connector } from './device-fixtures'

describe('chargerKind', () => {
  it.each([
    ['TP-DC180', 'DC'],
    ['TP-DC360', 'DC'],
    ['tp-dc60', 'DC'],
    ['AC-7kW-V2', 'AC'],
    ['TP-AC22', 'AC'],
    ['AC/DC combo', 'unknown'],
    ['Wallbox 11', 'unknown'],
    ['', 'unknown'],
    [null, 'unknown'],
    [undefined, 'unknown'],
  ] as const)('%j -> %s', (model, kind) => {
    expect(chargerKind(model)).toBe(kind)
  })
})

describe('temperatureWarningC', () => {
  it.each([
    ['AC', 65],
    ['DC', 75],
    ['unknown', 65],
  ] as const)('%s -> %i °C', (kind, level) => {
    expect(temperatureWarningC(kind)).toBe(level)
  })
})

describe('nominalPowerKw and isThreePhase', () => {
  it.each([
    ['TP-AC22', 22, true],
    ['AC-7kW-V2', 7, false],
    ['TP-DC180', 180, false],
    ['AC-11', 11, true],
    ['Charger', undefined, false],
  ] as const)('%s rated %j kW, three-phase %s', (model, rating, threePhase) => {
    expect(nominalPowerKw(model)).toBe(rating)
    expect(isThreePhase(model, connector())).toBe(threePhase)
  })

  it('takes phase_details as three-phase whatever the model says', () => {
    expect(isThreePhase('AC-7kW-V2', connector({ phase_details: { phase_a: { voltage: 230, current: 10 } } }))).toBe(true)
    expect(isThreePhase('AC-7kW-V2', connector({ phase_details: null }))).toBe(false)
  })
})
