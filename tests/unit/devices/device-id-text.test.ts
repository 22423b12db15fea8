import { describe, expect, it } from 'vitest'
import { describeCorrections, extractDeviceIds, readDeviceIdInput } from '@common/devices/device-id-text'

describe('readDeviceIdInput: what a technician types into the lookup box', () => {
  it.each([
    ['dvc_a1b2c3d4e5f6', 'dvc_a1b2c3d4e5f6', []],
    ['  dvc_a1b2c3d4e5f6  ', 'dvc_a1b2c3d4e5f6', []],
    ['DVC_A1B2C3D4E5F6', 'dvc_a1b2c3d4e5f6', ['made lower-case']],
    ['Dvc_a1b2c3d4e5f6', 'dvc_a1b2c3d4e5f6', ['made lower-case']],
    ['a1b2c3d4e5f6', 'dvc_a1b2c3d4e5f6', ['added the dvc_ prefix']],
    ['A1B2C3D4E5F6', 'dvc_a1b2c3d4e5f6', ['made lower-case', 'added the dvc_ prefix']],
    ['dvc-a1b2c3d4e5f6', 'dvc_a1b2c3d4e5f6', ['replaced "-" after dvc with "_"']],
    ['dvc a1b2c3d4e5f6', 'dvc_a1b2c3d4e5f6', ['replaced " " after dvc with "_"']],
    ['dvca1b2c3d4e5f6', 'dvc_a1b2c3d4e5f6', ['added the "_" after dvc']],
    ['"dvc_a1b2c3d4e5f6",', 'dvc_a1b2c3d4e5f6', []],
    ['(dvc_a1b2c3d4e5f6).', 'dvc_a1b2c3d4e5f6', []],
    ['\u200Bdvc_a1b2c3d4e5f6\u00A0', 'dvc_a1b2c3d4e5f6', []],
    ['ｄｖｃ＿ａ１ｂ２ｃ３ｄ４ｅ５ｆ６', 'dvc_a1b2c3d4e5f6', []],
    ['charger-7', 'charger-7', []],
    ['Charger: dvc_a1b2c3d4e5f6 at bay 3, fault E12', 'dvc_a1b2c3d4e5f6', ['took the id from the pasted text']],
    ['https://console.example.com/devices/DVC_A1B2C3D4E5F6?tab=events x', 'dvc_a1b2c3d4e5f6', ['took the id from the pasted text']],
  ])('%j is looked up as %s', (input, deviceId, corrections) => {
    expect(readDeviceIdInput(input)).toEqual({ kind: 'id', deviceId, corrections })
  })

  it.each([
    ['dvc_a1b2c3d4e5fO', ['dvc_a1b2c3d4e5f0'], /"o" is a letter where ids have only 0-9 a-f\. Did you mean dvc_a1b2c3d4e5f0\?/],
    ['dvc_l1b2c3d4e5f6', ['dvc_11b2c3d4e5f6'], /Did you mean dvc_11b2c3d4e5f6/],
    ['work order: dvc_a1b2c3d4e5f6 and dvc_3f9a1c7e5b20', ['dvc_a1b2c3d4e5f6', 'dvc_3f9a1c7e5b20'], /holds 2 device ids: choose one/],
    ['swap dvc_a1b2c3d4e5f6 (was dvc_123)', ['dvc_a1b2c3d4e5f6'], /one device id: choose one\. dvc_123: 3 characters after dvc_ where ids have 12/],
    ['see charger dvc_a1b2c3d4e5fo today', ['dvc_a1b2c3d4e5f0'], /did you mean dvc_a1b2c3d4e5f0/],
  ])('%j gets a suggestion', (input, candidates, message) => {
    const reading = readDeviceIdInput(input)
    expect(reading.kind).toBe('suggestion')
    if (reading.kind !== 'suggestion') return
    expect(reading.candidates).toEqual(candidates)
    expect(reading.message).toMatch(message)
  })

  it.each([
    ['dvc_a1b2c3d4e5f', /dvc_a1b2c3d4e5f: 11 characters after dvc_ where ids have 12/],
    ['dvc_a1b2c3d4e5f67', /13 characters after dvc_ where ids have 12/],
    ['dvc_', /0 characters after dvc_/],
    ['dvc_a1b2c3d4e5gz', /"g" is not allowed: Tellus ids are dvc_ followed by 12 characters 0-9 a-f/],
    ['../oauth/token', /"\." cannot be part of a device id/],
    ['x'.repeat(70), /70 characters, more than any device id/],
    ['please check the charger at bay 3', /No device id in that text\. Tellus ids are dvc_/],
    ['old dvc_12 removed', /dvc_12: 2 characters after dvc_/],
  ])('%j is not an id: %s', (input, message) => {
    const reading = readDeviceIdInput(input)
    expect(reading.kind).toBe('invalid')
    if (reading.kind === 'invalid') expect(reading.message).toMatch(message)
  })

  it.each(['', '   ', '\u200B'])('%j is empty', (input) => {
    expect(readDeviceIdInput(input).kind).toBe('empty')
  })
})

describe('extractDeviceIds: a pasted work order or CSV', () => {
  it.each([
    ['no ids here', [], []],
    ['dvc_a1b2c3d4e5f6', ['dvc_a1b2c3d4e5f6'], []],
    ['Visit: DVC_A1B2C3D4E5F6, dvc-3f9a1c7e5b20 and dvc 8b2e4d6f1a93.', ['dvc_a1b2c3d4e5f6', 'dvc_3f9a1c7e5b20', 'dvc_8b2e4d6f1a93'], []],
    ['dvc_a1b2c3d4e5f6 again DVC_A1B2C3D4E5F6 and a1b2c3d4e5f6', ['dvc_a1b2c3d4e5f6'], []],
    ['site,device,fault\nsite_001,a1b2c3d4e5f6,E12\nsite_002,"3F9A1C7E5B20",\n', ['dvc_a1b2c3d4e5f6', 'dvc_3f9a1c7e5b20'], []],
    ['id\tnote\r\ndvc_c47d19e2a6f8\tfan noisy\r\n', ['dvc_c47d19e2a6f8'], []],
    ['ring 012345678901 or mac a1b2c3d4e5f6 in a sentence', [], []],
    ['DVC charger replaced; the dvcs at bay 2', [], []],
    ['dvc_a1b2c3d4e5fO, dvc_9e1d, dvc_a1b2c3d4e5fO', [], [
      { text: 'dvc_a1b2c3d4e5fO', reason: '"o" is a letter where ids have only 0-9 a-f', suggestion: 'dvc_a1b2c3d4e5f0' },
      { text: 'dvc_9e1d', reason: '4 characters after dvc_ where ids have 12: check the work order' },
    ]],
    ['https://x.example/devices/dvc_2d7f0e9b4c61/events', ['dvc_2d7f0e9b4c61'], []],
  ])('%j', (text, deviceIds, rejected) => {
    expect(extractDeviceIds(text)).toEqual({ deviceIds, rejected })
  })

  it('keeps the order of first appearance across prefixed ids and bare cells', () => {
    const text = 'b8f3a0c6e2d5\nnotes: dvc_a1b2c3d4e5f6\n3f9a1c7e5b20'
    expect(extractDeviceIds(text).deviceIds).toEqual(['dvc_b8f3a0c6e2d5', 'dvc_a1b2c3d4e5f6', 'dvc_3f9a1c7e5b20'])
  })
})

describe('describeCorrections', () => {
  it.each([
    [[], ''],
    [['made lower-case'], 'made lower-case'],
    [['made lower-case', 'added the dvc_ prefix'], 'made lower-case and added the dvc_ prefix'],
    [['a', 'b', 'c'], 'a, b and c'],
  ])('%j → %j', (corrections, phrase) => {
    expect(describeCorrections(corrections)).toBe(phrase)
  })
})
