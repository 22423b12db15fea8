import { describe, expect, it } from 'vitest'
import type { Finding } from '@common/diagnostics/finding'
import type { ValueChange } from '@common/snapshots/compare-snapshots'
import { compareReadiness } from '@renderer/views/snapshots/compare-selection'
import { describeChange } from '@renderer/views/snapshots/compared-value'
import { diffFindings } from '@renderer/views/snapshots/finding-changes'
import { parseRetention } from '@renderer/views/snapshots/retention'
import { metaOf } from '../support/fixtures'

const finding = (ruleId: string, connectorId?: number, message = ruleId): Finding => ({ ruleId, severity: 'warning', message, ...(connectorId !== undefined ? { connectorId } : {}) })

describe('diffFindings', () => {
  it('matches findings by rule and connector', () => {
    const older = [finding('device-offline'), finding('connector-over-temperature', 1, 'old wording')]
    const newer = [finding('connector-over-temperature', 1, 'new wording'), finding('connector-over-temperature', 2)]
    const { added, resolved, persisting } = diffFindings(older, newer)
    expect(added.map((f) => [f.ruleId, f.connectorId])).toEqual([['connector-over-temperature', 2]])
    expect(resolved.map((f) => f.ruleId)).toEqual(['device-offline'])
    expect(persisting.map((f) => f.message)).toEqual(['new wording'])
  })
})

describe('describeChange', () => {
  const change = (over: Partial<ValueChange>): ValueChange => ({ field: 'power', label: 'Power', unit: 'kW', before: 1, after: 1, changed: false, delta: 0, withinTolerance: false, tolerance: null, ...over })
  it('gives signed deltas with units, more decimals for tiny ones', () => {
    expect(describeChange(change({ before: 7.2, after: 3.1, changed: true, delta: -4.1 }))).toBe('−4.1 kW')
    expect(describeChange(change({ before: 7.2, after: 7.23, changed: true, delta: 0.03 }))).toBe('+0.030 kW')
    expect(describeChange(change({}))).toBe('Same')
  })
  it('names appearing, vanishing and text changes', () => {
    expect(describeChange(change({ before: null, after: 2, changed: true, delta: null }))).toBe('Appeared')
    expect(describeChange(change({ before: 2, after: null, changed: true, delta: null }))).toBe('Gone')
    expect(describeChange(change({ field: 'status', unit: null, before: 'idle', after: 'preparing', changed: true, delta: null }))).toBe('Changed')
  })
})

describe('compareReadiness', () => {
  const a1 = metaOf('dvc_a', '2026-03-15T09:00:00Z', { id: 'a1' })
  const a2 = metaOf('dvc_a', '2026-03-15T10:00:00Z', { id: 'a2' })
  const b1 = metaOf('dvc_b', '2026-03-15T11:00:00Z', { id: 'b1' })
  const items = [a1, a2, b1]
  it('is ready for exactly two of one charger', () => {
    expect(compareReadiness(['a1', 'a2'], items)).toEqual({ ready: true, ids: ['a1', 'a2'] })
  })
  it('is not ready otherwise', () => {
    for (const ids of [[], ['a1'], ['a1', 'b1'], ['a1', 'a2', 'b1'], ['a1', 'gone']]) {
      expect(compareReadiness(ids, items).ready).toBe(false)
    }
  })
})

describe('parseRetention', () => {
  it('accepts whole numbers from 1 to 10000 only', () => {
    expect(parseRetention(' 1 ')).toEqual({ ok: true, value: 1 })
    expect(parseRetention('10000')).toEqual({ ok: true, value: 10000 })
    for (const bad of ['', '0', '10001', '2.5', '-3', '1e3', 'ten']) expect(parseRetention(bad).ok).toBe(false)
  })
})
