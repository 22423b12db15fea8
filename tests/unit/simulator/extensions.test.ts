/**
 * The simulator's `extensions` switch: some chargers report the proposed device extensions over
 * real HTTP and on the stream, the rest report none, and with the switch off nobody does.
 */
import { describe, expect, it } from 'vitest'
import { diagnoseDevice } from '@common/diagnostics/diagnose-device'
import { findExtensionIssues } from '@common/tellus/device-extensions'
import { DeviceSchema, TelemetryFrameSchema } from '@common/tellus/schemas'
import { parseCliArgs } from '@main/simulator/cli'
import { DEVICES_WITH_EXTENSIONS } from '@main/simulator/extensions'
import { connectStream, streamUrl, waitForFrames, type OpenStream } from './stream-client'
import { dataOf, get, issueToken, useSimulators } from './support'

const start = useSimulators()
const EXTENSION_KEYS = ['component_health', 'ocpp_version', 'ocpp_csms_messages_per_minute', 'ocpp_csms_last_message_at', 'ocpp_negotiated_features', 'product', 'connectivity', 'lifecycle']

async function fetchAll(extensions: boolean) {
  const { sim, clock } = await start({ extensions })
  const token = await issueToken(sim)
  const raws = await Promise.all(sim.deviceIds.map(async (id) => dataOf<Record<string, unknown>>(await get(sim, `/operator/devices/${id}`, token))))
  return { sim, token, clock, raws }
}

const reportsExtensions = (raw: Record<string, unknown>) =>
  EXTENSION_KEYS.some((key) => key in raw) || (raw['connectors'] as Array<Record<string, unknown>>).some((c) => 'component_health' in c)

describe('simulator --extensions', () => {
  it('off by default: no charger reports an extension', async () => {
    const { raws } = await fetchAll(false)
    expect(raws.filter(reportsExtensions)).toEqual([])
  })

  it('on: five chargers report well-formed extensions, the others none', async () => {
    const { raws } = await fetchAll(true)
    const withExtensions = raws.filter(reportsExtensions).map((raw) => raw['device_id'])
    expect(withExtensions.sort()).toEqual([...DEVICES_WITH_EXTENSIONS].sort())
    expect(raws.length - withExtensions.length).toBeGreaterThanOrEqual(7)
    for (const raw of raws) {
      expect(findExtensionIssues(raw)).toEqual([])
      expect(DeviceSchema.parse(raw)).toEqual(raw)
    }
  })

  it.each([
    ['dvc_3f9a1c7e5b20', 'warning 1 contactor-wear', 'a worn contactor'],
    ['dvc_b8f3a0c6e2d5', 'warning - cooling-fan', 'a slow fan'],
    ['dvc_6a4c2f8e0d37', 'critical 2 isolation-failed', 'a failed isolation test'],
    ['dvc_c47d19e2a6f8', 'warning 2 v2g-inverter-wear', 'an inverter near its rated cycles'],
    ['dvc_e5a7c9b1d3f4', 'warning - csms-silent', 'a silent CSMS'],
  ])('%s reports %s (%s)', async (id, finding) => {
    const { raws, clock } = await fetchAll(true)
    const device = DeviceSchema.parse(raws.find((raw) => raw['device_id'] === id))
    const brief = diagnoseDevice(device, { now: clock.now() }).map((f) => `${f.severity} ${f.connectorId ?? '-'} ${f.ruleId}`)
    expect(brief).toContain(finding)
  })

  it('the OCPP 2.0.1 charger says so, with its negotiated features', async () => {
    const { raws } = await fetchAll(true)
    expect(raws.find((raw) => raw['device_id'] === 'dvc_c47d19e2a6f8')).toMatchObject({
      ocpp_version: '2.0.1',
      ocpp_negotiated_features: expect.arrayContaining(['ISO15118', 'SmartCharging']),
    })
  })

  it('stream frames carry component health on the frame and per connector, matching the device endpoint', async () => {
    const { sim, token } = await fetchAll(true)
    const id = 'dvc_b8f3a0c6e2d5'
    const stream = (await connectStream(streamUrl(sim.baseUrl, `devices=${id},dvc_c47d19e2a6f8&token=${token}`))) as OpenStream
    expect(stream.ok).toBe(true)
    await waitForFrames(stream.frames, 2)
    const frames = stream.frames.map((frame) => TelemetryFrameSchema.parse(frame))
    const slowFan = frames.find((frame) => frame.device_id === id)!
    const device = dataOf<{ component_health: Record<string, unknown> }>(await get(sim, `/operator/devices/${id}`, token))
    expect(slowFan.component_health).toEqual(device.component_health)
    const v2g = frames.find((frame) => frame.device_id === 'dvc_c47d19e2a6f8')!
    expect(v2g.connectors[1]?.component_health).toMatchObject({ bidirectional_inverter_cycles: 46_200 })
  })

  it('is switched on by --extensions on the command line', () => {
    expect(parseCliArgs(['--extensions'])).toEqual({ kind: 'run', options: { port: 4010, controlEndpoint: true, extensions: true } })
    expect(parseCliArgs([])).toEqual({ kind: 'run', options: { port: 4010, controlEndpoint: true } })
  })
})
