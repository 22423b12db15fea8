import { describe, expect, it } from 'vitest'
import { deviceOfflineRule, heartbeatStaleRule, telemetryStaleRule } from '@common/diagnostics/rules/freshness'
import { ago, connector, device, NOW } from '../device-fixtures'

const F0301 = { kind: 'fault', id: 'F-0301', title: 'Heartbeat lost' }

describe('deviceOfflineRule', () => {
  it.each(['online', 'fault', null, undefined])('status %j: no finding', (status) => {
    expect(deviceOfflineRule(device({ status, last_heartbeat: ago(3_600_000) }), { now: NOW })).toEqual([])
  })

  it.each([
    [ago(8_040_000), 'The device is offline: its last heartbeat was 2 h 14 min ago.'],
    [ago(45_000), 'The device is offline: its last heartbeat was 45 s ago.'],
    [null, 'The device is offline: the platform gives no last heartbeat time.'],
    ['not a time', 'The device is offline: the platform gives no last heartbeat time.'],
  ])('offline with heartbeat %j is critical F-0301', (last_heartbeat, message) => {
    expect(deviceOfflineRule(device({ status: 'offline', last_heartbeat }), { now: NOW })).toEqual([
      expect.objectContaining({ ruleId: 'device-offline', severity: 'critical', message, reference: F0301 }),
    ])
  })
})

describe('heartbeatStaleRule', () => {
  it.each([
    ['online', ago(59_999)],
    ['online', ago(60_000)],
    ['online', ago(-120_000)], // in the future: clock skew, not stale
    ['online', null],
    ['offline', ago(600_000)], // the offline rule covers it
  ])('%s with heartbeat %j: no finding', (status, last_heartbeat) => {
    expect(heartbeatStaleRule(device({ status, last_heartbeat }), { now: NOW })).toEqual([])
  })

  it.each([
    ['online', ago(60_001), /^The last heartbeat was 1 min ago although the device is reported online; a fresh one is under 60 s old \(they normally come every 30 s\)\.$/],
    ['online', ago(185_000), /3 min ago although the device is reported online/],
    ['fault', ago(120_000), /2 min ago although the device is not reported offline/],
    [null, ago(120_000), /not reported offline/],
  ])('%j with heartbeat %s is a warning F-0301', (status, last_heartbeat, message) => {
    const [finding, ...rest] = heartbeatStaleRule(device({ status, last_heartbeat }), { now: NOW })
    expect(rest).toEqual([])
    expect(finding).toMatchObject({ ruleId: 'heartbeat-stale', severity: 'warning', reference: F0301 })
    expect(finding?.message).toMatch(message)
  })
})

describe('telemetryStaleRule', () => {
  const judge = (status: string, last_telemetry_time: string | null, deviceStatus = 'online') =>
    telemetryStaleRule(device({ status: deviceStatus, connectors: [connector({ connector_id: 2, status, last_telemetry_time })] }), { now: NOW })

  it.each([
    ['charging', ago(60_000), 'online'],
    ['charging', ago(5_000), 'online'],
    ['idle', ago(3_600_000), 'online'],
    ['fault', ago(3_600_000), 'online'],
    ['charging', null, 'online'],
    ['charging', ago(-300_000), 'online'],
    ['charging', ago(3_600_000), 'offline'],
  ])('%s, telemetry %j, device %s: no finding', (status, time, deviceStatus) => {
    expect(judge(status, time, deviceStatus)).toEqual([])
  })

  it.each([
    ['charging', ago(60_001), 'Connector 2 is charging but its last telemetry is 1 min old; while active it normally reports every 5 s.'],
    ['discharging', ago(610_000), 'Connector 2 is discharging but its last telemetry is 10 min 10 s old; while active it normally reports every 5 s.'],
  ])('%s with telemetry %s: warning', (status, time, message) => {
    expect(judge(status, time)).toEqual([expect.objectContaining({ ruleId: 'telemetry-stale', severity: 'warning', connectorId: 2, message })])
  })
})
