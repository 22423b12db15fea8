/** The proposed device extensions: accepted on the device and per connector, tolerant field by field. */
import { describe, expect, it } from 'vitest'
import { findExtensionIssues } from '@common/tellus/device-extensions'
import { DeviceSchema, TelemetryFrameSchema } from '@common/tellus/schemas'

const health = {
  contactor_cycles: 84_500,
  contactor_max_cycles: 100_000,
  cooling_fan_rpm: 1_810,
  cooling_fan_status: 'ok',
  internal_temps: { power_module: 48.5, control_board: 39, ac_inlet: 31.2, dc_outlet: 44 },
  relay_state: 'closed',
  isolation_test_kohms: 12_500,
  last_isolation_test: '2026-04-30T06:00:00Z',
}
const full = {
  device_id: 'dvc_a1b2c3d4e5f6',
  model: 'TP-DC180',
  status: 'online',
  component_health: health,
  ocpp_version: '2.0.1',
  ocpp_csms_messages_per_minute: 4.2,
  ocpp_csms_last_message_at: '2026-05-01T11:59:30Z',
  ocpp_negotiated_features: ['SmartCharging', 'FirmwareManagement'],
  product: { brand: 'Tellus', product_name: 'TP-DC180', rated_power_kw: 180, current_type: 'DC', phases: 3, connector_types: ['CCS2', 'CCS2'], ip_rating: 'IP55' },
  connectivity: { type: 'cellular', signal_strength_dbm: -97, imei: '356938035643809', last_heartbeat_at: '2026-05-01T11:59:50Z' },
  lifecycle: { activation_status: 'activated', activation_date: '2024-06-01', usage_duration_days: 699, warranty_expires_at: '2027-06-01T00:00:00Z', manufacturing_batch: 'B-2403-07' },
  connectors: [{ connector_id: 1, status: 'charging', component_health: { contactor_cycles: 12_000, relay_state: 'closed' } }],
}

describe('device extensions', () => {
  it('accepts every proposed field on the device and component health per connector, unchanged', () => {
    const device = DeviceSchema.parse(full)
    expect(device).toEqual(full)
    expect(findExtensionIssues(full)).toEqual([])
  })

  it('keeps unknown values and unknown fields verbatim', () => {
    const raw = {
      device_id: 'dvc_1',
      ocpp_version: '2.1',
      component_health: { cooling_fan_status: 'degraded', relay_state: 'welded', inverter_sync_status: 'synced' },
      connectivity: { type: 'satellite', roaming: true },
    }
    expect(DeviceSchema.parse(raw)).toEqual(raw)
    expect(findExtensionIssues(raw)).toEqual([])
  })

  it.each([
    ['component_health is a string', { component_health: 'broken' }, ['component_health']],
    ['a cycle count is text', { component_health: { ...health, contactor_cycles: '84k' } }, ['component_health.contactor_cycles']],
    ['a temperature is text', { component_health: { internal_temps: { power_module: 'hot', ac_inlet: 30 } } }, ['component_health.internal_temps.power_module']],
    ['negative isolation', { component_health: { isolation_test_kohms: -5 } }, ['component_health.isolation_test_kohms']],
    ['ocpp_version is a number', { ocpp_version: 2 }, ['ocpp_version']],
    ['a feature is not text', { ocpp_negotiated_features: ['SmartCharging', 7] }, ['ocpp_negotiated_features']],
    ['half a phase', { product: { brand: 'Tellus', phases: 1.5 } }, ['product.phases']],
    ['connectivity is a list', { connectivity: [1, 2] }, ['connectivity']],
    ['per connector', { connectors: [{ connector_id: 1, status: 'idle', component_health: { relay_state: 3 } }] }, ['connectors[0].component_health.relay_state']],
  ])('%s: the rest of the device survives and the issue is named', (_label, fields, paths) => {
    const raw = { ...full, ...fields }
    const parsed = DeviceSchema.safeParse(raw)
    expect(parsed.success).toBe(true)
    expect(parsed.data?.device_id).toBe('dvc_a1b2c3d4e5f6')
    expect(parsed.data?.model).toBe('TP-DC180')
    expect(findExtensionIssues(raw).map((issue) => issue.path)).toEqual(paths)
  })

  it('drops only the malformed field of an extension and keeps its siblings', () => {
    const device = DeviceSchema.parse({ ...full, component_health: { ...health, cooling_fan_rpm: 'fast' } })
    expect(device.component_health).toEqual(Object.fromEntries(Object.entries(health).filter(([key]) => key !== 'cooling_fan_rpm')))
  })

  it('shows a malformed value verbatim, shortened past 80 characters', () => {
    const [issue] = findExtensionIssues({ device_id: 'd', lifecycle: { manufacturing_batch: 'x'.repeat(200).split('') } })
    expect(issue?.path).toBe('lifecycle.manufacturing_batch')
    expect(issue?.verbatim).toHaveLength(80)
    expect(issue?.verbatim.endsWith('…')).toBe(true)
    expect(findExtensionIssues({ device_id: 'd', ocpp_version: 2 })).toEqual([{ path: 'ocpp_version', verbatim: '2' }])
  })

  it('finds no issues in payloads that are not objects', () => {
    for (const raw of [null, 'text', 42, [full]]) expect(findExtensionIssues(raw)).toEqual([])
  })

  it('accepts component health in stream frames, on the frame and per connector', () => {
    const frame = {
      device_id: 'dvc_1',
      timestamp: '2026-05-01T12:00:00Z',
      component_health: { cooling_fan_rpm: 1_240 },
      connectors: [{ connector_id: 1, state: 'charging', power: 7, energy_delivered: 1, component_health: { contactor_cycles: 'x', relay_state: 'closed' } }],
    }
    const parsed = TelemetryFrameSchema.parse(frame)
    expect(parsed.component_health).toEqual({ cooling_fan_rpm: 1_240 })
    expect(parsed.connectors[0]?.component_health).toEqual({ relay_state: 'closed' })
  })
})
