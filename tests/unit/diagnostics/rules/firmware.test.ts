import { describe, expect, it } from 'vitest'
import { firmwareBehindFinding, firmwareRule } from '@common/diagnostics/rules/firmware'
import { device, NOW } from '../device-fixtures'

const judge = (model: string | null, firmware_version: string | null) => firmwareRule(device({ model, firmware_version }), { now: NOW })
const summary = (model: string | null, version: string | null) =>
  judge(model, version).map((f) => [f.ruleId, f.severity, f.reference?.id ?? null])

describe('firmwareRule', () => {
  it.each([
    ['TP-DC180', '3.1.0'],
    ['TP-DC360', '4.1.0'],
  ])('%s on the latest build %s: no finding', (model, version) => {
    expect(judge(model, version)).toEqual([])
  })

  it.each([
    ['TP-DC180', '3.0.3', [['firmware-behind', 'info', null]]],
    ['TP-DC180', '3.1.0-rc.2', [['firmware-behind', 'info', null]]],
    ['TP-DC180', '3.0.1', [['firmware-behind', 'info', null], ['firmware-known-issue', 'warning', 'F-0421']]],
    ['TP-DC180', '2.1.0', [['firmware-behind', 'warning', null]]],
    ['TP-DC360', '4.0.0', [['firmware-behind', 'info', null], ['firmware-known-issue', 'warning', 'F-0701']]],
    ['TP-DC360', '3.0.2', [['firmware-behind', 'warning', null], ['firmware-known-issue', 'warning', 'F-0421']]],
    ['TP-DC180', '3.2.0', [['firmware-ahead', 'info', null]]],
    ['TP-DC180', '260420.0107', [['firmware-not-comparable', 'info', null]]],
    ['TP-DC180', '260301.0001', [['firmware-not-comparable', 'info', null], ['firmware-known-issue', 'info', null]]],
    ['TP-DC180', 'beta-7', [['firmware-not-comparable', 'info', null]]],
    // No catalogue entry: the firmware panel says so; it is not a finding on every charger of the model.
    ['TP-AC22', '2.1.0', []],
    ['AC-7kW-V2', '2.1.0', []],
    [null, '3.1.0', []],
    ['TP-DC180', null, [['firmware-missing', 'info', null]]],
    ['TP-DC180', '  ', [['firmware-missing', 'info', null]]],
  ] as const)('%s %j -> %j', (model, version, expected) => {
    expect(summary(model, version)).toEqual(expected)
  })

  it('explains a major version gap with the model note', () => {
    expect(judge('TP-DC360', '3.1.0')[0]?.message).toBe('Firmware 3.1.0 is 1 major version behind 4.1.0, the latest stable build for TP-DC360. 4.0.0 is the baseline stable build; 4.1.0 adds the V2G fixes (inverter sync with some Stellantis / Free2move DrossOne vehicles).')
  })

  it.each([
    ['TP-DC180', '3.0.3', 'Firmware 3.0.3 is 1 minor version behind 3.1.0, the latest stable build for TP-DC180.'],
    ['TP-DC180', '3.1.0-rc.2', 'Firmware 3.1.0-rc.2 is a patch release behind 3.1.0, the latest stable build for TP-DC180.'],
    ['TP-DC180', '3.2.0', 'Firmware 3.2.0 is newer than 3.1.0, the latest stable build the app knows for TP-DC180.'],
  ])('%s %s says: %s', (model, version, message) => {
    expect(judge(model, version)[0]?.message).toBe(message)
  })

  it('names the installed version in a known-issue finding', () => {
    const issue = judge('TP-DC180', '3.0.2').find((f) => f.ruleId === 'firmware-known-issue')
    expect(issue?.message).toMatch(/3\.0\.0 to 3\.0\.2 .* This charger runs 3\.0\.2\.$/)
    expect(issue?.action).toMatch(/Upgrade/)
  })
})

describe('firmwareBehindFinding: upgrade when more than two minor versions behind', () => {
  it.each([
    [{ minorVersionsBehind: 0 }, 'info', 'Firmware 3.7.0 is a patch release behind 3.7.2, the latest stable build for TP-X.'],
    [{ minorVersionsBehind: 1 }, 'info', 'Firmware 3.7.0 is 1 minor version behind 3.7.2, the latest stable build for TP-X.'],
    [{ minorVersionsBehind: 2 }, 'info', 'Firmware 3.7.0 is 2 minor versions behind 3.7.2, the latest stable build for TP-X.'],
    [{ minorVersionsBehind: 3 }, 'warning', 'Firmware 3.7.0 is 3 minor versions behind 3.7.2, the latest stable build for TP-X.'],
    [{ majorVersionsBehind: 2 }, 'warning', 'Firmware 3.7.0 is 2 major versions behind 3.7.2, the latest stable build for TP-X.'],
    [{}, 'warning', 'Firmware 3.7.0 is older than 3.7.2, the latest stable build for TP-X.'],
  ] as const)('%o -> %s', (distance, severity, message) => {
    const finding = firmwareBehindFinding('TP-X', '3.7.0', { status: 'behind', latest: '3.7.2', knownIssues: [], ...distance })
    expect(finding).toMatchObject({ ruleId: 'firmware-behind', severity, message })
    expect(finding.action).toMatch(severity === 'warning' ? /^Plan an upgrade to 3\.7\.2/ : /^No upgrade needed yet/)
  })
})
