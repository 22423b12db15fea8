import { describe, expect, it } from 'vitest'
import { compareFirmware } from '@common/diagnostics/firmware'

const issueIds = (model: string | null, version: string | null) => compareFirmware(model, version).knownIssues.map((i) => i.id)

describe('compareFirmware status', () => {
  it.each([
    ['TP-DC180', '3.1.0', { status: 'current', latest: '3.1.0' }],
    ['tp-dc180', ' 3.1.0', { status: 'current', latest: '3.1.0' }],
    ['TP-DC180', '3.0.3', { status: 'behind', latest: '3.1.0', minorVersionsBehind: 1 }],
    ['TP-DC180', '3.1.0-rc.1', { status: 'behind', minorVersionsBehind: 0 }],
    ['TP-DC180', '2.1.0', { status: 'behind', majorVersionsBehind: 1 }],
    ['TP-DC180', '3.2.0', { status: 'ahead', latest: '3.1.0' }],
    ['TP-DC180', '3.10.0', { status: 'ahead' }],
    ['TP-DC360', '4.1.0', { status: 'current', latest: '4.1.0' }],
    ['TP-DC360', '4.0.0', { status: 'behind', latest: '4.1.0', minorVersionsBehind: 1 }],
    ['TP-DC360', '3.1.0', { status: 'behind', majorVersionsBehind: 1 }],
    ['TP-DC180', '260420.0107', { status: 'unparseable', latest: '3.1.0' }],
    ['TP-DC180', 'banana', { status: 'unparseable', latest: '3.1.0' }],
    ['TP-DC180', null, { status: 'unparseable', latest: '3.1.0' }],
  ] as const)('%s %j -> %o', (model, version, expected) => {
    expect(compareFirmware(model, version)).toMatchObject(expected)
  })

  it('explains the two TP-DC360 stable builds', () => {
    expect(compareFirmware('TP-DC360', '4.0.0').note).toMatch(/4\.0\.0 is the baseline stable build; 4\.1\.0 adds the V2G fixes/)
  })

  it.each(['AC-7kW-V2', 'TP-AC22', 'TP-DC60', 'TP-DC180 V2G', null, ''])(
    'model %j has no catalogue entry: unknown-model and no latest build guessed',
    (model) => {
      const result = compareFirmware(model, '3.1.0')
      expect(result.status).toBe('unknown-model')
      expect(result.latest).toBeUndefined()
      expect(result.minorVersionsBehind).toBeUndefined()
    },
  )
})

describe('compareFirmware known issues', () => {
  it.each([
    ['TP-DC180', '2.9.9', []],
    ['TP-DC180', '3.0.0', ['contactor-engage-3.0']],
    ['TP-DC180', '3.0.2', ['contactor-engage-3.0']],
    ['TP-DC180', '3.0.3', []],
    ['TP-DC180', '3.1.0', []],
    ['TP-DC360', '3.0.1', ['contactor-engage-3.0']],
    ['TP-DC360', '4.0.0', ['v2g-sync-4.0.0']],
    ['TP-DC360', '4.0.5', ['v2g-sync-4.0.0']],
    ['TP-DC360', '4.1.0', []],
    ['TP-DC180', '260420.0106', ['second-backend-260420.0107']],
    ['TP-DC180', '260420.0107', []],
    ['TP-AC22', '260101.0001', ['second-backend-260420.0107']],
    ['TP-AC22', '3.0.1', []],
    [null, '3.0.1', []],
    ['TP-DC180', 'garbage', []],
  ] as const)('%s %s -> %j', (model, version, ids) => {
    expect(issueIds(model, version)).toEqual(ids)
  })
})
