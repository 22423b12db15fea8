import { describe, expect, it } from 'vitest'
import { diagnoseDevice } from '@common/diagnostics/diagnose-device'
import { diagnoseLive, liveDevice } from '@common/diagnostics/live/diagnose-live'
import { liveSessionFindings } from '@common/diagnostics/rules/live-session'
import { followStates, type ConnectorStates } from '@common/live/connector-states'
import type { TelemetryFrame } from '@common/tellus/schemas'
import { NOW, ago, connector, device } from './device-fixtures'

const MINUTE = 60_000
function frame(connectors: TelemetryFrame['connectors'], at = NOW): TelemetryFrame {
  return { device_id: 'dvc_a1b2c3d4e5f6', timestamp: new Date(at).toISOString(), connectors }
}
const since = (state: string, ms: number, sinceKnown = true): ConnectorStates => ({ 1: { state, since: NOW - ms, sinceKnown } })

describe('followStates', () => {
  it('keeps the time a state began and marks a state already on at the first frame as "at least"', () => {
    const first = followStates({}, frame([{ connector_id: 1, state: 'preparing' }]), 1000)
    expect(first).toEqual({ 1: { state: 'preparing', since: 1000, sinceKnown: false } })
    const same = followStates(first, frame([{ connector_id: 1, state: 'preparing' }]), 2000)
    expect(same[1]).toEqual(first[1])
    expect(followStates(same, frame([{ connector_id: 1, state: 'charging' }]), 3000)[1]).toEqual({ state: 'charging', since: 3000, sinceKnown: true })
  })
})

describe('liveSessionFindings', () => {
  const live = (fields: Record<string, unknown>) => device({ connectors: [connector(fields)] })

  it('flags preparing for longer than 3 min (not before), saying "at least" when the start was not seen', () => {
    expect(liveSessionFindings(live({ status: 'preparing' }), { now: NOW, states: since('preparing', 2 * MINUTE) })).toEqual([])
    const [finding] = liveSessionFindings(live({ status: 'preparing' }), { now: NOW, states: since('preparing', 4 * MINUTE, false) })
    expect(finding).toMatchObject({ ruleId: 'preparing-too-long', severity: 'warning', connectorId: 1, reference: { id: 'connector-stuck-preparing' } })
    expect(finding!.message).toBe('Connector 1 has been preparing for at least 4 min without starting to charge.')
  })

  it('flags charging with no power after the ramp-up grace, not during it, not when full', () => {
    expect(liveSessionFindings(live({ status: 'charging', power: 0 }), { now: NOW, states: since('charging', 30_000) })).toEqual([])
    expect(liveSessionFindings(live({ status: 'charging', power: 6.9 }), { now: NOW, states: since('charging', 5 * MINUTE) })).toEqual([])
    expect(liveSessionFindings(live({ status: 'charging', power: 0, soc: 100 }), { now: NOW, states: since('charging', 5 * MINUTE) })).toEqual([])
    const [finding] = liveSessionFindings(live({ status: 'charging', power: 0.02 }), { now: NOW, states: since('charging', 2 * MINUTE) })
    expect(finding).toMatchObject({ ruleId: 'charging-without-power', reference: { id: 'F-0421' } })
    expect(finding!.message).toContain('has been charging for 2 min but delivers 0.0 kW')
  })

  it('flags a discharge with no power flow', () => {
    const [finding] = liveSessionFindings(live({ status: 'discharging', power: 0 }), { now: NOW, states: since('discharging', 2 * MINUTE) })
    expect(finding).toMatchObject({ ruleId: 'discharge-without-power', reference: { id: 'v2g-discharge-no-power-flow' } })
  })
})

describe('diagnoseLive', () => {
  const fetchedDevice = device({
    connectors: [
      connector({ connector_id: 1, status: 'charging', power: 7.2, voltage: 230, current: 1, temperature: 71, last_telemetry_time: ago(10 * MINUTE) }),
      connector({ connector_id: 2, status: 'fault' }),
    ],
    model: 'AC-7kW-V2',
  })
  const fetched = diagnoseDevice(fetchedDevice, { now: NOW })

  it('lays the frame over the fetched connectors, keeping what frames lack', () => {
    const overlaid = liveDevice(fetchedDevice, frame([{ connector_id: 1, state: 'idle', power: 0, energy_delivered: 3, soc: 80 }, { connector_id: 3, state: 'idle' }]))
    expect(overlaid.connectors).toEqual([
      { connector_id: 1, status: 'idle', power: 0, voltage: 230, current: 1, temperature: 71, energy_delivered: 3, soc: 80, last_telemetry_time: new Date(NOW).toISOString() },
      { connector_id: 2, status: 'fault' },
      { connector_id: 3, status: 'idle', power: undefined, energy_delivered: undefined, soc: undefined, last_telemetry_time: new Date(NOW).toISOString() },
    ])
  })

  it('re-evaluates state findings from the frame, keeps temperature from the fetch, drops state-bound ones after a change', () => {
    const ids = (findings: ReturnType<typeof diagnoseLive>) => findings.map((f) => `${f.ruleId}@${f.connectorId ?? '-'}`).sort()
    expect(ids(fetched)).toEqual(expect.arrayContaining(['connector-fault@2', 'connector-over-temperature@1', 'power-mismatch@1', 'telemetry-stale@1']))
    const repaired = diagnoseLive(fetchedDevice, frame([{ connector_id: 1, state: 'idle', power: 0 }, { connector_id: 2, state: 'idle' }]), { now: NOW, states: {}, fetched })
    expect(ids(repaired)).toContain('connector-over-temperature@1') // temperature is not in frames: kept from the fetch
    expect(ids(repaired)).not.toContain('connector-fault@2') // the frame says idle now
    expect(ids(repaired)).not.toContain('power-mismatch@1') // about a charge that has ended
    expect(ids(repaired)).not.toContain('telemetry-stale@1') // the frame is fresh
    const stuck = diagnoseLive(fetchedDevice, frame([{ connector_id: 1, state: 'preparing', power: 0 }]), { now: NOW, states: since('preparing', 5 * MINUTE), fetched })
    expect(ids(stuck)).toEqual(expect.arrayContaining(['preparing-too-long@1', 'connector-state-unknown@1', 'connector-fault@2']))
  })
})
