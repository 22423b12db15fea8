import { describe, expect, it } from 'vitest'
import { formatNumber, formatReading, MISSING, UNIT_DIGITS } from '@common/format/number'

describe('formatReading', () => {
  it.each([
    [7.23, 'kW', '7.2 kW'],
    [-7.25, 'kW', '-7.3 kW'],
    [0, 'kW', '0.0 kW'],
    [-0.04, 'kW', '0.0 kW'],
    [30.5, 'A', '30.5 A'],
    [223.0, 'V', '223 V'],
    [399.6, 'V', '400 V'],
    [13.1, 'kWh', '13.10 kWh'],
    [12360.8, 'kWh', '12360.80 kWh'],
    [38, '°C', '38.0 °C'],
    [65.1, '°C', '65.1 °C'],
    [58, '%', '58 %'],
    [57.6, '%', '58 %'],
  ] as const)('%j %s -> %j', (value, unit, text) => {
    expect(formatReading(value, unit)).toBe(text)
  })

  it.each([null, undefined, Number.NaN, Number.POSITIVE_INFINITY])('a missing reading %j is "—", never 0', (value) => {
    expect(formatReading(value, 'kW')).toBe('—')
    expect(formatReading(value, 'kW')).toBe(MISSING)
  })

  it.each([
    [223.04, 'V', 1, '223.0 V'],
    [7.2, 'kW', 0, '7 kW'],
    [0.123, 'A', 3, '0.123 A'],
  ] as const)('%j %s with %i digits -> %j', (value, unit, digits, text) => {
    expect(formatReading(value, unit, digits)).toBe(text)
  })
})

describe('formatNumber', () => {
  it.each([
    [1.005, 0, '1'],
    [-0, 1, '0.0'],
    [-0.4, 0, '0'],
    [-0.6, 0, '-1'],
    [1234567.891, 2, '1234567.89'],
    [null, 2, '—'],
  ])('%j with %i digits -> %j', (value, digits, text) => {
    expect(formatNumber(value, digits)).toBe(text)
  })

  it('documents decimals per unit', () => {
    expect(UNIT_DIGITS).toEqual({ kW: 1, A: 1, V: 0, kWh: 2, '°C': 1, '%': 0 })
  })
})
