/** Table-driven tests of the OCPP metadata rules (proposed extension, item 3). */
import { describe, expect, it } from 'vitest'
import { csmsSilenceRule } from '@common/diagnostics/rules/csms-silence'
import { secondBackendRule } from '@common/diagnostics/rules/second-backend'
import { ago, device, NOW } from '../device-fixtures'

const MIN = 60_000

describe('csmsSilenceRule', () => {
  it.each([
    ['recent message', { ocpp_csms_last_message_at: ago(2 * MIN), ocpp_csms_messages_per_minute: 4.2 }],
    ['exactly 10 min', { ocpp_csms_last_message_at: ago(10 * MIN) }],
    ['offline charger: the heartbeat rule speaks', { status: 'offline', ocpp_csms_last_message_at: ago(60 * MIN), ocpp_csms_messages_per_minute: 0 }],
    ['no OCPP metadata', {}],
    ['unparseable time', { ocpp_csms_last_message_at: 'yesterday' }],
  ])('%s: no finding', (_label, fields) => {
    expect(csmsSilenceRule(device(fields), { now: NOW })).toEqual([])
  })

  it.each([
    [{ ocpp_csms_last_message_at: ago(25 * MIN) }, 'The charger is online here but its last OCPP message to the CSMS was 25 min ago, longer than the 10 min the app allows.'],
    [{ ocpp_csms_last_message_at: ago(MIN), ocpp_csms_messages_per_minute: 0 }, 'The charger is online here but its OCPP message rate to the CSMS is 0 per minute.'],
  ])('%j: warning', (fields, message) => {
    expect(csmsSilenceRule(device(fields), { now: NOW })).toEqual([expect.objectContaining({ ruleId: 'csms-silent', severity: 'warning', message })])
  })
})

describe('secondBackendRule', () => {
  it.each([
    ['no OCPP metadata', { firmware_version: '250101.0001' }],
    ['exactly the required build', { firmware_version: '260420.0107', ocpp_version: '2.0.1' }],
    ['a newer build', { firmware_version: '260611.0003', ocpp_version: '1.6-J' }],
    ['no firmware version (the firmware rule speaks)', { firmware_version: null, ocpp_version: '2.0.1' }],
  ])('%s: no finding', (_label, fields) => {
    expect(secondBackendRule(device(fields), { now: NOW })).toEqual([])
  })

  it.each([
    [{ firmware_version: '260301.0042', ocpp_version: '1.6-J' }, 'warning', 'The charger reports OCPP 1.6-J to a CSMS next to this API, which needs firmware 260420.0107 or later; it runs 260301.0042.'],
    [{ firmware_version: '260420.0106', ocpp_csms_messages_per_minute: 3 }, 'warning', 'The charger reports OCPP to a CSMS next to this API, which needs firmware 260420.0107 or later; it runs 260420.0106.'],
    [{ firmware_version: '3.1.0', ocpp_version: '2.0.1' }, 'info', 'The charger reports OCPP 2.0.1 to a CSMS next to this API; that needs firmware 260420.0107 or later, and firmware 3.1.0 cannot be compared with it.'],
  ] as const)('%j: %s', (fields, severity, message) => {
    expect(secondBackendRule(device(fields), { now: NOW })).toEqual([expect.objectContaining({ ruleId: 'second-backend-firmware', severity, message })])
  })
})
