import { describe, expect, it } from 'vitest'
import { findFault, searchFaults } from '@common/diagnostics/fault-dictionary'
import { foldText } from '@common/diagnostics/fold-text'

describe('findFault', () => {
  it.each([
    ['F-0203', 'F-0203'],
    ['f-0203', 'F-0203'],
    ['F0203', 'F-0203'],
    ['  F-0421 ', 'F-0421'],
  ])('finds %j as %s', (input, code) => {
    expect(findFault(input)?.code).toBe(code)
  })

  it.each(['F-9999', '', '0203', 'F-02030', 'contactor'])('returns undefined for %j', (input) => {
    expect(findFault(input)).toBeUndefined()
  })
})

describe('searchFaults', () => {
  it.each([
    ['0421', ['F-0421']],
    ['F-0702', ['F-0702']],
    ['f0301', ['F-0301']],
    ['contactor', ['F-0101', 'F-0421']],
    ['CONTACTOR weld', ['F-0101']],
    ['thermal', ['F-0203', 'F-0204', 'F-0601']],
    ['v2g', ['F-0701', 'F-0702']],
    ['heartbeat', ['F-0301']],
    ['synchronisation', ['F-0701']],
    ['ÜBER-temperature', []],
    ['over-temperaturé', ['F-0203', 'F-0204', 'F-0601']], // F-0601's meaning mentions cabinet over-temperature
    ['no such thing', []],
  ])('%j matches %j', (query, codes) => {
    expect(searchFaults(query).map((f) => f.code)).toEqual(codes)
  })

  it.each(['', '   '])('an empty query %j returns all 12', (query) => {
    expect(searchFaults(query)).toHaveLength(12)
  })
})

describe('foldText', () => {
  it.each([
    ['Überhitzung', 'uberhitzung'],
    ['Température', 'temperature'],
    ['F-0203', 'f-0203'],
  ])('folds %j to %j', (input, folded) => {
    expect(foldText(input)).toBe(folded)
  })
})
