import { describe, expect, it } from 'vitest'
import { compareFirmwareVersions, parseFirmwareVersion } from '@common/diagnostics/firmware-version'

describe('parseFirmwareVersion', () => {
  it.each([
    ['3.1.0', { format: 'semver', major: 3, minor: 1, patch: 0, prerelease: [] }],
    ['v4.1', { format: 'semver', major: 4, minor: 1, patch: 0, prerelease: [] }],
    [' 3.10.2 ', { format: 'semver', major: 3, minor: 10, patch: 2, prerelease: [] }],
    ['3.0.3-rc.1', { format: 'semver', major: 3, minor: 0, patch: 3, prerelease: ['rc', '1'] }],
    ['2.1.0+build.7', { format: 'semver', major: 2, minor: 1, patch: 0, prerelease: [] }],
    ['260420.0107', { format: 'date-build', date: 260420, build: 107 }],
  ])('parses %j', (text, expected) => {
    expect(parseFirmwareVersion(text)).toMatchObject(expected)
  })

  it.each([null, undefined, '', 'three', '3', '3.1.0.4', '26042.0107', 'latest'])('rejects %j', (text) => {
    expect(parseFirmwareVersion(text)).toBeUndefined()
  })
})

describe('compareFirmwareVersions', () => {
  it.each([
    ['3.10.0', '3.9.0', 1],
    ['3.9.0', '3.10.0', -1],
    ['3.1.0', '3.1.0', 0],
    ['3.1', '3.1.0', 0],
    ['4.0.0', '3.99.99', 1],
    ['3.0.2', '3.0.3', -1],
    ['3.0.3-rc.1', '3.0.3', -1],
    ['3.0.3-rc.2', '3.0.3-rc.10', -1],
    ['3.0.3-alpha', '3.0.3-1', 1],
    ['3.0.3-rc', '3.0.3-rc.1', -1],
    ['260420.0107', '260420.0106', 1],
    ['260419.0999', '260420.0001', -1],
    ['260420.0107', '260420.0107', 0],
  ])('%s vs %s -> %i', (a, b, order) => {
    expect(compareFirmwareVersions(parseFirmwareVersion(a)!, parseFirmwareVersion(b)!)).toBe(order)
  })

  it.each([
    ['260420.0107', '3.1.0'],
    ['3.1.0', '260420.0107'],
  ])('does not order %s against %s (different formats)', (a, b) => {
    expect(compareFirmwareVersions(parseFirmwareVersion(a)!, parseFirmwareVersion(b)!)).toBeUndefined()
  })
})
