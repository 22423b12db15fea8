/** Every automatic runbook check, table-driven: pass, fail, and unknown when the data it needs is missing. */
import { describe, expect, it } from 'vitest'
import type { Device } from '@common/tellus/schemas'
import { runRunbookCheck, type RunbookCheckId, type RunbookCheckInput } from '@common/runbooks/runbook-checks'

const FETCHED = '2026-05-01T12:02:10Z'
const FETCHED_MS = Date.parse(FETCHED)

function device(overrides: Partial<Device> = {}): Device {
  return { device_id: 'dvc_a1b2c3d4e5f6', model: 'AC-7kW-V2', firmware_version: '2.1.0', status: 'online', last_heartbeat: '2026-05-01T12:01:58Z', connectors: [], ...overrides }
}
const connector = (id: number, status: string, readings: Record<string, number | null> = {}) => ({ connector_id: id, status, ...readings })
function input(d: Device | null, extra: Partial<RunbookCheckInput> = {}): RunbookCheckInput {
  return { device: d, fetchedAt: FETCHED, usedOfflineCopy: false, rebootAt: null, ...extra }
}

type Row = [label: string, RunbookCheckId, Record<string, unknown>, RunbookCheckInput, 'pass' | 'fail' | 'unknown', RegExp]
const SUPPLY = { nominalVolts: 230, tolerancePercent: 5 }
const REBOOT = { onlineWithinSeconds: 90 }
const ISO = { minimum: '260420.0107', purpose: 'ISO 15118-20 bidirectional charging' }

const ROWS: Row[] = [
  // supply voltage: AC connectors with power flowing, 230 V ±5 % = 218.5 to 241.5 V
  ['supply inside the envelope', 'supply-voltage', SUPPLY, input(device({ connectors: [connector(1, 'charging', { voltage: 231.4, power: 7.2 })] })), 'pass', /Connector 1 231\.4 V at .*: inside 230 V ±5 % \(218\.5 V to 241\.5 V, the app's envelope/],
  ['supply at the upper edge', 'supply-voltage', SUPPLY, input(device({ connectors: [connector(1, 'charging', { voltage: 241.5, power: 7.2 })] })), 'pass', /241\.5 V/],
  ['supply just above the envelope', 'supply-voltage', SUPPLY, input(device({ connectors: [connector(1, 'charging', { voltage: 241.6, power: 7.2 })] })), 'fail', /241\.6 V at .*: outside 230 V ±5 %/],
  ['supply low on one of two connectors', 'supply-voltage', SUPPLY, input(device({ model: 'TP-AC22', connectors: [connector(1, 'charging', { voltage: 229, power: 7 }), connector(2, 'charging', { voltage: 205, power: 6 })] })), 'fail', /Connector 2 205\.0 V/],
  ['supply with no power flowing', 'supply-voltage', SUPPLY, input(device({ connectors: [connector(1, 'idle', { voltage: 0, power: 0 })] })), 'unknown', /No connector is delivering power/],
  ['supply with the voltage missing', 'supply-voltage', SUPPLY, input(device({ connectors: [connector(1, 'charging', { voltage: null, power: 7 })] })), 'unknown', /no supply voltage was read/],
  ['supply on a DC charger', 'supply-voltage', SUPPLY, input(device({ model: 'TP-DC180', connectors: [connector(1, 'charging', { voltage: 412, power: 120 })] })), 'unknown', /TP-DC180 is a DC charger at .*: it reports only the voltage it delivers/],
  // firmware against the catalogue and the two-minor-versions rule
  ['firmware current', 'firmware-current', {}, input(device({ model: 'TP-DC180', firmware_version: '3.1.0' })), 'pass', /Firmware 3\.1\.0 at .* is the latest stable build for TP-DC180/],
  ['firmware 1 minor version behind, no known issue', 'firmware-current', {}, input(device({ model: 'TP-DC180', firmware_version: '3.0.3' })), 'pass', /3\.0\.3 at .* is 1 minor version behind 3\.1\.0.*within 2 minor versions/],
  ['firmware a major version behind', 'firmware-current', {}, input(device({ model: 'TP-DC360', firmware_version: '3.1.0' })), 'fail', /1 major version behind 4\.1\.0.*upgrade/],
  ['firmware behind with a known issue', 'firmware-current', {}, input(device({ model: 'TP-DC180', firmware_version: '3.0.1' })), 'fail', /1 minor version behind 3\.1\.0.*Known issue: Firmware 3\.0\.0 to 3\.0\.2/],
  ['firmware missing', 'firmware-current', {}, input(device({ model: 'TP-DC180', firmware_version: null })), 'unknown', /reported no firmware version/],
  ['firmware of an uncatalogued model', 'firmware-current', {}, input(device({ model: 'XYZ-1', firmware_version: '1.0.0' })), 'unknown', /no latest stable build for XYZ-1/],
  // back after a reboot: online, heartbeat < 60 s, within 90 s
  ['recovered: online, heartbeat 12 s old', 'recovered-after-reboot', REBOOT, input(device(), { rebootAt: FETCHED_MS - 70_000 }), 'pass', /status online, heartbeat 12 s old at .*online with a fresh heartbeat/],
  ['recovered without a recorded reboot', 'recovered-after-reboot', REBOOT, input(device()), 'pass', /heartbeat 12 s old/],
  ['not back after 120 s', 'recovered-after-reboot', REBOOT, input(device({ status: 'offline', last_heartbeat: '2026-05-01T09:00:00Z' }), { rebootAt: FETCHED_MS - 120_000 }), 'fail', /status offline.*no heartbeat since the reboot, 90 s after the reboot/],
  ['offline, heartbeat after the reboot but 100 s on', 'recovered-after-reboot', REBOOT, input(device({ status: 'offline', last_heartbeat: '2026-05-01T12:00:45Z' }), { rebootAt: FETCHED_MS - 100_000 }), 'fail', /status offline.*not online, 90 s after the reboot/],
  ['online but the heartbeat predates the reboot', 'recovered-after-reboot', REBOOT, input(device({ last_heartbeat: '2026-05-01T12:00:00Z' }), { rebootAt: FETCHED_MS - 100_000 }), 'fail', /no heartbeat since the reboot/],
  ['heartbeat stale without a reboot time', 'recovered-after-reboot', REBOOT, input(device({ last_heartbeat: '2026-05-01T12:00:00Z' })), 'fail', /heartbeat 2 min 10 s old.*not under 60 s old/],
  ['still inside the 90 s', 'recovered-after-reboot', REBOOT, input(device({ status: 'offline', last_heartbeat: '2026-05-01T11:00:00Z' }), { rebootAt: FETCHED_MS - 30_000 }), 'unknown', /not back yet, 1 min left of the 90 s/],
  ['no heartbeat time', 'recovered-after-reboot', REBOOT, input(device({ last_heartbeat: null })), 'unknown', /no last heartbeat time/],
  // SoC above the 20 % discharge floor
  ['SoC 55 % while discharging', 'soc-above-floor', {}, input(device({ connectors: [connector(1, 'charging', { soc: 10 }), connector(2, 'discharging', { soc: 55 })] })), 'pass', /Connector 2 SoC 55 % at .*above the 20 % discharge floor/],
  ['SoC exactly at the floor', 'soc-above-floor', {}, input(device({ connectors: [connector(1, 'discharging', { soc: 20 })] })), 'fail', /SoC 20 %.*at or below the 20 % discharge floor/],
  ['SoC below the floor while charging (no discharge)', 'soc-above-floor', {}, input(device({ connectors: [connector(1, 'charging', { soc: 12 })] })), 'fail', /SoC 12 %/],
  ['no SoC reported', 'soc-above-floor', {}, input(device({ connectors: [connector(1, 'discharging', { soc: null })] })), 'unknown', /No connector reported a vehicle state of charge/],
  ['implausible SoC', 'soc-above-floor', {}, input(device({ connectors: [connector(1, 'discharging', { soc: 140 })] })), 'unknown', /No connector reported/],
  // firmware ≥ 260420.0107 for ISO 15118-20
  ['firmware exactly 260420.0107', 'firmware-minimum', ISO, input(device({ firmware_version: '260420.0107' })), 'pass', /260420\.0107 or later, as ISO 15118-20/],
  ['firmware a later build', 'firmware-minimum', ISO, input(device({ firmware_version: '260611.0002' })), 'pass', /260611\.0002/],
  ['firmware an earlier build', 'firmware-minimum', ISO, input(device({ firmware_version: '260420.0106' })), 'fail', /older than 260420\.0107, which ISO 15118-20 bidirectional charging needs/],
  ['semver firmware', 'firmware-minimum', ISO, input(device({ firmware_version: '4.1.0' })), 'unknown', /4\.1\.0 .*cannot be compared with 260420\.0107/],
  ['firmware missing for ISO 15118-20', 'firmware-minimum', ISO, input(device({ firmware_version: '' })), 'unknown', /reported no firmware version/],
  // charging again after a restart
  ['charging after the restart', 'connector-charging', {}, input(device({ connectors: [connector(1, 'charging', { power: 48.2 }), connector(2, 'idle', { power: 0 })] })), 'pass', /Connector 1 charging 48\.2 kW, Connector 2 idle 0\.0 kW at .*power is flowing/],
  ['still preparing', 'connector-charging', {}, input(device({ connectors: [connector(1, 'preparing', { power: 0 })] })), 'fail', /Connector 1 preparing 0\.0 kW at .*still preparing/],
  ['nothing preparing, nothing charging', 'connector-charging', {}, input(device({ connectors: [connector(1, 'idle', { power: 0 })] })), 'unknown', /none is charging either/],
  ['no connectors reported', 'connector-charging', {}, input(device({ connectors: null })), 'unknown', /reported no connectors/],
]

describe('runbook checks', () => {
  it.each(ROWS)('%s', (_label, id, params, checkInput, outcome, evidence) => {
    const result = runRunbookCheck(id, params, checkInput)
    expect(result.outcome).toBe(outcome)
    expect(result.evidence).toMatch(evidence)
  })

  it.each(['supply-voltage', 'firmware-current', 'recovered-after-reboot', 'soc-above-floor', 'firmware-minimum', 'connector-charging'] as const)(
    '%s is unknown when there is no data at all',
    (id) => {
      const params = { 'supply-voltage': SUPPLY, 'recovered-after-reboot': REBOOT, 'firmware-minimum': ISO }[id as string] ?? {}
      expect(runRunbookCheck(id, params, input(null))).toEqual({ outcome: 'unknown', evidence: expect.stringContaining('No data for this charger') })
    },
  )

  it('says when the evidence comes from an offline copy, with the time of that copy', () => {
    const result = runRunbookCheck('firmware-current', {}, input(device({ model: 'TP-DC180', firmware_version: '3.1.0' }), { usedOfflineCopy: true }))
    expect(result.evidence).toMatch(/at 2026-05-01 \d\d:02:10 UTC.*\(offline copy: the newest snapshot, the live fetch failed\)/)
  })
})
