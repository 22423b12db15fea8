import { describe, expect, it } from 'vitest'
import { historyPatterns, isFailedStart, sessionDurationMs } from '@common/history/session-patterns'
import type { ChargingRecord } from '@common/tellus/schemas'

const NOW = Date.parse('2026-05-31T12:00:00Z')
const HOUR = 3_600_000
const DAY = 24 * HOUR
let seq = 0

/** A record that started `agoMs` before NOW and lasted `minutes`. */
function rec(connector: number, agoMs: number, minutes: number, energy: number, soc: [number, number] = [30, 60]): ChargingRecord {
  const start = NOW - agoMs
  return {
    record_id: `rec_${String(seq++).padStart(10, '0')}`,
    device_id: 'dvc_a1b2c3d4e5f6',
    connector_id: connector,
    start_time: new Date(start).toISOString(),
    end_time: new Date(start + minutes * 60_000).toISOString(),
    energy,
    vehicle_info: { vin: 'WVWZZZ1JZXW000001', soc_start: soc[0], soc_end: soc[1] },
  }
}
const failed = (connector: number, agoMs: number) => rec(connector, agoMs, 2, 0.05, [40, 40])
const normal = (connector: number, agoMs: number) => rec(connector, agoMs, 90, 20)

describe('isFailedStart / sessionDurationMs', () => {
  it.each([
    ['2 min, 0.05 kWh', rec(1, HOUR, 2, 0.05), true],
    ['4.9 min, 0.49 kWh', rec(1, HOUR, 4.9, 0.49), true],
    ['5 min is not short', rec(1, HOUR, 5, 0.05), false],
    ['short but 0.5 kWh delivered', rec(1, HOUR, 2, 0.5), false],
    ['90 min, 20 kWh', rec(1, HOUR, 90, 20), false],
    ['no end time (still running)', { ...rec(1, HOUR, 2, 0.01), end_time: null }, false],
  ])('%s → %s', (_label, record, expected) => {
    expect(isFailedStart(record)).toBe(expected)
  })

  it('is null for a running session or an unreadable time', () => {
    expect(sessionDurationMs({ ...rec(1, HOUR, 2, 0), end_time: null })).toBeNull()
    expect(sessionDurationMs({ ...rec(1, HOUR, 2, 0), start_time: 'yesterday' })).toBeNull()
    expect(sessionDurationMs(rec(1, HOUR, 2, 0))).toBe(120_000)
  })
})

describe('historyPatterns', () => {
  const base = { now: NOW, rangeDays: 30 }

  it.each([
    {
      name: 'three failed starts in 7 days on one connector: critical (the runbook escalates at 3 in 7 days)',
      records: [failed(2, 1 * DAY), failed(2, 2 * DAY), failed(2, 3 * DAY), normal(1, HOUR), normal(2, 10 * DAY)],
      expected: [{ ruleId: 'history-short-sessions', severity: 'critical', connectorId: 2 }],
    },
    {
      name: 'three failed starts spread over a month: a warning',
      records: [failed(1, 8 * DAY), failed(1, 15 * DAY), failed(1, 25 * DAY), normal(1, HOUR)],
      expected: [{ ruleId: 'history-short-sessions', severity: 'warning', connectorId: 1 }],
    },
    {
      name: 'two failed starts are not a pattern',
      records: [failed(1, DAY), failed(1, 2 * DAY), normal(1, HOUR)],
      expected: [],
    },
    {
      name: 'a connector silent for 6 days while its sibling charged an hour ago',
      records: [normal(1, HOUR), normal(1, 5 * HOUR), normal(2, 6 * DAY)],
      expected: [{ ruleId: 'history-silent-connector', severity: 'warning', connectorId: 2 }],
    },
    {
      name: 'a quiet day on both connectors is normal',
      records: [normal(1, 20 * HOUR), normal(2, 30 * HOUR)],
      expected: [],
    },
    {
      name: 'a single-connector charger has no sibling to compare with',
      records: [normal(1, 20 * DAY)],
      expected: [],
    },
    {
      name: 'a battery ending far below its start on a unit that cannot discharge',
      records: [rec(1, HOUR, 60, 12, [60, 35]), normal(1, 2 * HOUR)],
      expected: [{ ruleId: 'history-soc-drop', severity: 'warning', connectorId: 1 }],
    },
    {
      name: 'a small SoC dip (under 10 points) is noise',
      records: [rec(1, HOUR, 60, 12, [60, 52])],
      expected: [],
    },
    {
      name: 'a V2G unit (negative energy in its history) may lower the SoC',
      records: [rec(1, HOUR, 60, -12, [80, 40]), rec(1, 3 * HOUR, 60, 12, [60, 35])],
      expected: [],
    },
  ])('$name', ({ records, expected }) => {
    const findings = historyPatterns({ ...base, records })
    expect(findings.map(({ ruleId, severity, connectorId }) => ({ ruleId, severity, connectorId }))).toEqual(expected)
  })

  it('counts a connector with no session at all in the range as silent when the device lists it', () => {
    const findings = historyPatterns({ ...base, records: [normal(1, HOUR)], connectorIds: [1, 2] })
    expect(findings).toHaveLength(1)
    expect(findings[0]).toMatchObject({ ruleId: 'history-silent-connector', connectorId: 2 })
    expect(findings[0]?.message).toContain('no session in the last 30 days')
  })

  it('respects an explicit bidirectional flag over the inference', () => {
    const records = [rec(1, HOUR, 60, 12, [60, 35])]
    expect(historyPatterns({ ...base, records, bidirectional: true })).toEqual([])
  })

  it('says it in one sentence with numbers, units and the runbook', () => {
    const [finding] = historyPatterns({ ...base, records: [failed(2, 1 * DAY), failed(2, 2 * DAY), failed(2, 3 * DAY)] })
    expect(finding?.message).toBe(
      'Connector 2 had 3 sessions shorter than 5 min with under 0.5 kWh in the last 30 days (3 in the last 7 days, the newest 1 d ago): the “stuck in Preparing” / F-0421 signature.',
    )
    expect(finding?.reference).toMatchObject({ kind: 'runbook', id: 'connector-stuck-preparing' })
  })
})
