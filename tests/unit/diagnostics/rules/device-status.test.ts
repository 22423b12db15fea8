import { describe, expect, it } from 'vitest'
import { unknownDeviceStatusRule } from '@common/diagnostics/rules/device-status'
import { device, NOW } from '../device-fixtures'

describe('unknownDeviceStatusRule', () => {
  it.each(['online', 'offline', null, undefined])('status %j: no finding', (status) => {
    expect(unknownDeviceStatusRule(device({ status }), { now: NOW })).toEqual([])
  })

  it.each([
    ['fault', /fault code/],
    ['maintenance', /exactly as received/],
    ['ONLINE', /exactly as received/],
  ])('status %j: warning quoting it', (status, action) => {
    const [finding, ...rest] = unknownDeviceStatusRule(device({ status }), { now: NOW })
    expect(rest).toEqual([])
    expect(finding).toMatchObject({
      ruleId: 'device-status-unknown',
      severity: 'warning',
      message: `The device reports the status "${status}", which the Tellus API v1.3 does not list (only online and offline).`,
    })
    expect(finding?.action).toMatch(action)
  })
})
