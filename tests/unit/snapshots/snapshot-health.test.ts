import { describe, expect, it } from 'vitest'
import type { Finding } from '@common/diagnostics/finding'
import { snapshotHealth, worstFinding } from '@common/snapshots/snapshot-health'
import { NOW, ago, connector, device } from '../diagnostics/device-fixtures'

const fetchedAt = new Date(NOW).toISOString()

describe('snapshotHealth: the mark a list shows for a stored charger', () => {
  it.each([
    ['healthy: online, fresh, one idle connector', device({ connectors: [connector({ status: 'idle', temperature: 30 })] }), 'healthy', null],
    ['warning: a connector at 70.7 °C', device({ model: 'AC-7kW-V2', connectors: [connector({ status: 'charging', power: 6.9, current: 30, voltage: 230, temperature: 70.7 })] }), 'warning', 'connector-over-temperature'],
    ['critical: a connector in fault', device({ connectors: [connector({ connector_id: 2, status: 'fault' })] }), 'critical', 'connector-fault'],
    ['critical: offline', device({ status: 'offline', last_heartbeat: ago(3 * 3600_000) }), 'critical', 'device-offline'],
  ])('%s', (_name, data, level, ruleId) => {
    const health = snapshotHealth({ data, fetchedAt })
    expect(health.level).toBe(level)
    expect(health.worst?.ruleId ?? null).toBe(ruleId)
    if (ruleId === null) expect(health.findingCount).toBe(0)
    else expect(health.findingCount).toBeGreaterThan(0)
  })

  it('judges at the fetch time, not now: a heartbeat fresh when fetched is not stale years later', () => {
    const data = device({ connectors: [connector()] })
    expect(snapshotHealth({ data, fetchedAt }, NOW + 3 * 365 * 86_400_000).level).toBe('healthy')
  })

  it('marks a payload that is not a device as unreadable, with the reason', () => {
    const health = snapshotHealth({ data: { connectors: 'nope' }, fetchedAt })
    expect(health.level).toBe('unreadable')
    expect(health.problem).toMatch(/^Unreadable payload/)
  })
})

describe('worstFinding', () => {
  const finding = (severity: Finding['severity'], ruleId: string, connectorId?: number): Finding => ({
    severity,
    ruleId,
    message: ruleId,
    ...(connectorId === undefined ? {} : { connectorId }),
  })
  it.each([
    [[], null],
    [[finding('info', 'a'), finding('warning', 'b', 2), finding('warning', 'c', 1)], 'c'],
    [[finding('warning', 'a', 1), finding('critical', 'b', 3)], 'b'],
    [[finding('critical', 'a', 1), finding('critical', 'b')], 'b'],
  ])('%#', (findings, ruleId) => {
    expect(worstFinding(findings)?.ruleId ?? null).toBe(ruleId)
  })
})
