import { describe, expect, it } from 'vitest'
import { v2gSocFloorRule } from '@common/diagnostics/rules/v2g'
import { deviceWith, NOW } from '../device-fixtures'

const judge = (status: string, soc: number | null) => v2gSocFloorRule(deviceWith('TP-DC360', { connector_id: 1, status, soc, power: -10 }), { now: NOW })

describe('v2gSocFloorRule', () => {
  it.each([
    ['discharging', 20],
    ['discharging', 55],
    ['discharging', null],
    ['discharging', -5],
    ['charging', 10],
    ['idle', 5],
  ])('%s at %j %%: no finding', (status, soc) => {
    expect(judge(status, soc)).toEqual([])
  })

  it.each([
    [19, 'Connector 1 is discharging a vehicle at 19 %, below the usual 20 % discharge floor.'],
    [0, 'Connector 1 is discharging a vehicle at 0 %, below the usual 20 % discharge floor.'],
  ])('discharging at %j %%: warning with F-0702', (soc, message) => {
    expect(judge('discharging', soc)).toEqual([
      expect.objectContaining({
        ruleId: 'v2g-soc-below-floor',
        severity: 'warning',
        message,
        reference: { kind: 'fault', id: 'F-0702', title: 'EV battery management refused discharge' },
      }),
    ])
  })
})
