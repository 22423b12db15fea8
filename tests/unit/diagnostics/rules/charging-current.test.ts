import { describe, expect, it } from 'vitest'
import { chargingWithoutCurrentRule } from '@common/diagnostics/rules/charging-current'
import { deviceWith, NOW } from '../device-fixtures'

const judge = (fields: { status: string; current?: number | null; soc?: number | null }) =>
  chargingWithoutCurrentRule(deviceWith('TP-DC180', { connector_id: 2, ...fields }), { now: NOW })

describe('chargingWithoutCurrentRule', () => {
  it.each([
    [{ status: 'charging', current: 0.5 }],
    [{ status: 'charging', current: 32 }],
    [{ status: 'charging', current: -0.5 }],
    [{ status: 'charging', current: null }],
    [{ status: 'charging' }],
    [{ status: 'charging', current: 0, soc: 100 }],
    [{ status: 'idle', current: 0 }],
    [{ status: 'discharging', current: 0 }],
    [{ status: 'preparing', current: 0 }],
  ])('%o: no finding', (fields) => {
    expect(judge(fields)).toEqual([])
  })

  it.each([
    [{ status: 'charging', current: 0 }, 'Connector 2 is charging but draws 0.0 A (under 0.5 A).'],
    [{ status: 'charging', current: 0.4 }, 'Connector 2 is charging but draws 0.4 A (under 0.5 A).'],
    [{ status: 'charging', current: 0, soc: 42 }, 'Connector 2 is charging at 42 % state of charge but draws 0.0 A (under 0.5 A).'],
    [{ status: 'charging', current: 0.1, soc: 99 }, 'Connector 2 is charging at 99 % state of charge but draws 0.1 A (under 0.5 A).'],
  ])('%o: warning pointing at F-0421', (fields, message) => {
    expect(judge(fields)).toEqual([
      expect.objectContaining({
        ruleId: 'charging-without-current',
        severity: 'warning',
        connectorId: 2,
        message,
        reference: { kind: 'fault', id: 'F-0421', title: 'Contactor failed to engage on session start' },
      }),
    ])
  })
})
