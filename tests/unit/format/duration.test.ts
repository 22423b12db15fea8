import { describe, expect, it } from 'vitest'
import { formatAge, formatAgeSince, formatDuration, msUntilAgeChanges } from '@common/format/duration'

const s = 1000
const min = 60 * s
const h = 60 * min
const d = 24 * h

describe('formatDuration', () => {
  it.each([
    [0, '0 s'],
    [999, '0 s'],
    [47 * s, '47 s'],
    [59 * s + 999, '59 s'],
    [60 * s, '1 min'],
    [5 * min + 3 * s, '5 min 3 s'],
    [59 * min + 59 * s, '59 min 59 s'],
    [h, '1 h'],
    [2 * h + 14 * min + 59 * s, '2 h 14 min'],
    [23 * h + 59 * min, '23 h 59 min'],
    [d, '1 d'],
    [3 * d + 4 * h + 30 * min, '3 d 4 h'],
    [400 * d, '400 d'],
    [-47 * s, '47 s'],
  ])('%i ms -> %j', (ms, text) => {
    expect(formatDuration(ms)).toBe(text)
  })

  it.each([Number.NaN, Number.POSITIVE_INFINITY])('%j -> "—"', (ms) => {
    expect(formatDuration(ms)).toBe('—')
  })
})

describe('formatAge', () => {
  it.each([
    [47 * s, '47 s ago'],
    [2 * h + 14 * min, '2 h 14 min ago'],
    [3 * d + 4 * h, '3 d 4 h ago'],
    [0, 'just now'],
    [999, 'just now'],
    [-999, 'just now'],
    [1000, '1 s ago'],
    [59 * s + 999, '59 s ago'],
    [min, '1 min ago'],
    [min + 59 * s, '1 min ago'],
    [5 * min + 3 * s, '5 min ago'],
    [59 * min + 59 * s + 999, '59 min ago'],
    [h, '1 h ago'],
    [h + 59 * s, '1 h ago'],
    [h + min, '1 h 1 min ago'],
    [d - 1, '23 h 59 min ago'],
    [d, '1 d ago'],
    [-12 * s, '12 s in the future'],
    [-(5 * min + 3 * s), '5 min in the future'],
    [-(2 * h + 5 * min), '2 h 5 min in the future'],
    [Number.NaN, '—'],
  ])('%i ms -> %j', (ms, text) => {
    expect(formatAge(ms)).toBe(text)
  })
})

describe('formatAgeSince', () => {
  const now = Date.parse('2026-11-23T14:05:09Z')
  it.each([
    ['2026-11-23T14:04:22Z', '47 s ago'],
    ['2026-11-23T11:51:09Z', '2 h 14 min ago'],
    ['2026-11-23T15:05:09+01:00', 'just now'],
    ['2026-11-23T14:06:09Z', '1 min in the future'],
    [now - 5 * min, '5 min ago'],
    [null, '—'],
    [undefined, '—'],
    ['yesterday', '—'],
  ])('%j -> %j', (timestamp, text) => {
    expect(formatAgeSince(timestamp, now)).toBe(text)
  })
})

describe('msUntilAgeChanges', () => {
  const ages = [0, 1, 999, s, 47 * s + 300, 59 * s + 999, min, min + 1, 5 * min + 3 * s + 10, 59 * min + 59 * s + 1, h, 2 * h + 14 * min + 5 * s, 23 * h + 59 * min + 59 * s, d + 17, 3 * d + 4 * h + 30 * min + 7 * s]

  it.each(ages)('an age of %i ms reads the same until then, and differently from then on', (age) => {
    const wait = msUntilAgeChanges(age)
    expect(wait).toBeGreaterThan(0)
    expect(formatAge(age + wait - 1)).toBe(formatAge(age))
    expect(formatAge(age + wait)).not.toBe(formatAge(age))
  })

  it('waits a second at most while seconds are shown (under a minute), a minute while minutes are, an hour after a day', () => {
    expect(msUntilAgeChanges(47 * s + 300)).toBe(700)
    expect(msUntilAgeChanges(59 * s + 10)).toBe(990)
    expect(msUntilAgeChanges(min)).toBe(min)
    expect(msUntilAgeChanges(5 * min + 3 * s)).toBe(57 * s)
    expect(msUntilAgeChanges(59 * min + 10)).toBe(min - 10)
    expect(msUntilAgeChanges(2 * h + 14 * min + 5 * s)).toBe(55 * s)
    expect(msUntilAgeChanges(3 * d + 30 * min)).toBe(30 * min)
  })

  it('checks again within a second for an age in the future (clock skew) or one that is not a number', () => {
    expect(msUntilAgeChanges(-5 * min)).toBeLessThanOrEqual(s)
    expect(msUntilAgeChanges(Number.NaN)).toBe(Number.POSITIVE_INFINITY)
  })
})
