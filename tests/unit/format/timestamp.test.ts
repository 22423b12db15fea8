import { describe, expect, it } from 'vitest'
import { formatClockTime, formatTimestamp, formatUtcOffset, parseTimestamp } from '@common/format/timestamp'
import { useTimeZone } from '../../support/common-fixtures'

// Local time depends on the zone: pin one with daylight saving time for these tests.
useTimeZone('Europe/Berlin')

describe('parseTimestamp', () => {
  it.each([
    ['2025-03-15T11:00:00Z', Date.UTC(2025, 2, 15, 11, 0, 0)],
    ['2025-03-15T12:00:00+01:00', Date.UTC(2025, 2, 15, 11, 0, 0)],
    ['2025-03-15T11:00:00.250Z', Date.UTC(2025, 2, 15, 11, 0, 0, 250)],
    [' 2025-03-15T11:00:00Z ', Date.UTC(2025, 2, 15, 11, 0, 0)],
    [1_700_000_000_000, 1_700_000_000_000],
  ])('%j -> %i', (value, ms) => {
    expect(parseTimestamp(value)).toBe(ms)
  })

  it.each([null, undefined, '', 'March 15', '15/03/2025 11:00', '2025-13-45T99:99:99Z', Number.NaN])('%j -> undefined', (value) => {
    expect(parseTimestamp(value)).toBeUndefined()
  })
})

describe('formatTimestamp (Europe/Berlin)', () => {
  it.each([
    ['2026-11-23T13:05:09Z', {}, '2026-11-23 14:05:09'],
    ['2026-11-23T13:05:09Z', { offset: true }, '2026-11-23 14:05:09 UTC+01:00'],
    ['2026-07-01T22:30:00Z', { offset: true }, '2026-07-02 00:30:00 UTC+02:00'],
    ['2026-01-05T00:00:07.900Z', {}, '2026-01-05 01:00:07'],
    [Date.UTC(2026, 10, 23, 13, 5, 9), {}, '2026-11-23 14:05:09'],
  ] as const)('%j %o -> %j', (value, options, text) => {
    expect(formatTimestamp(value, options)).toBe(text)
  })

  it.each([
    [null, '—'],
    [undefined, '—'],
    ['', '—'],
    ['sometime', 'sometime'],
  ])('%j -> %j (a value that is not a time stays visible)', (value, text) => {
    expect(formatTimestamp(value)).toBe(text)
  })
})

describe('formatUtcOffset', () => {
  it.each([
    ['Europe/Berlin', '2026-01-15T12:00:00Z', 'UTC+01:00'],
    ['America/St_Johns', '2026-01-15T12:00:00Z', 'UTC-03:30'],
    ['UTC', '2026-01-15T12:00:00Z', 'UTC'],
    ['Asia/Kolkata', '2026-01-15T12:00:00Z', 'UTC+05:30'],
  ])('%s at %s -> %s', (zone, iso, text) => {
    process.env.TZ = zone
    try {
      expect(formatUtcOffset(Date.parse(iso))).toBe(text)
    } finally {
      process.env.TZ = 'Europe/Berlin'
    }
  })
})

describe('formatClockTime (Europe/Berlin)', () => {
  it('gives the local time of day, 24 h with seconds', () => {
    expect(formatClockTime(Date.UTC(2026, 10, 23, 13, 5, 9, 900))).toBe('14:05:09')
    expect(formatClockTime(Date.UTC(2026, 6, 1, 22, 30, 0))).toBe('00:30:00')
  })
})
