/** The proposed device extensions in the snapshot comparison and the exported reports. */
import { describe, expect, it } from 'vitest'
import { formatExportTime } from '@common/format/timestamp'
import { compareSnapshots } from '@common/snapshots/compare-snapshots'
import { findingsOf } from '@main/services/snapshot-exporter'
import { buildHtmlReport } from '@main/snapshots/export/build-html-report'
import { buildJsonExport, type JsonExport } from '@main/snapshots/export/build-json-export'
import { devicePayload, snapshotOf } from './support'

const meta = { appVersion: '0.1.0', exportedAt: '2025-03-15T12:00:00.000Z' }
const extensions = (cycles: number, fanRpm: number) => ({
  component_health: { cooling_fan_rpm: fanRpm, cooling_fan_status: 'ok', internal_temps: { power_module: 48.5 } },
  ocpp_version: '2.0.1',
  ocpp_csms_messages_per_minute: 4.2,
  ocpp_csms_last_message_at: '2025-03-15T10:59:40Z',
  ocpp_negotiated_features: ['SmartCharging', 'ISO15118'],
  connectivity: { type: 'cellular', signal_strength_dbm: -97 },
  lifecycle: { activation_status: 'activated', warranty_expires_at: '2027-06-01T00:00:00Z' },
  connectors: [
    { connector_id: 1, status: 'charging', power: 7.2, component_health: { contactor_cycles: cycles, relay_state: 'closed' } },
    { connector_id: 2, status: 'idle', power: 0 },
  ],
})
const before = snapshotOf('dvc_a', devicePayload('dvc_a', extensions(47_000, 1_800)), '2025-03-15T09:00:00.000Z', 'dvc_a~20250315T090000000Z-00aaaaaa')
const after = snapshotOf('dvc_a', devicePayload('dvc_a', extensions(49_500, 1_240)), '2025-03-15T11:14:00.000Z', 'dvc_a~20250315T111400000Z-00bbbbbb')

describe('comparison of extension values', () => {
  it('adds rows for the extension values either side reports, with units and deltas', () => {
    const result = compareSnapshots(before, after)
    const row = (field: string) => result.device.find((change) => change.field === field)
    expect(row('component_health.cooling_fan_rpm')).toMatchObject({ label: 'Cooling fan speed', unit: 'RPM', before: 1_800, after: 1_240, delta: -560, changed: true })
    expect(row('ocpp_version')).toMatchObject({ before: '2.0.1', after: '2.0.1', changed: false })
    expect(row('ocpp_negotiated_features')).toMatchObject({ before: 'SmartCharging, ISO15118' })
    expect(row('ocpp_csms_last_message_at')).toMatchObject({ isTime: true })
    expect(row('connectivity.signal_strength_dbm')).toMatchObject({ unit: 'dBm', before: -97 })
    expect(row('product.brand')).toBeUndefined()
    const one = result.connectors.find((c) => c.connectorId === 1)!
    expect(one.readings.find((r) => r.field === 'component_health.contactor_cycles')).toMatchObject({ unit: 'cycles', delta: 2_500, changed: true })
    const two = result.connectors.find((c) => c.connectorId === 2)!
    expect(two.readings.some((r) => r.field.startsWith('component_health.'))).toBe(false)
    expect(result.changedCount).toBe(2)
  })

  it('adds no rows for chargers without extensions', () => {
    const result = compareSnapshots(snapshotOf('dvc_a', devicePayload('dvc_a')), snapshotOf('dvc_a', devicePayload('dvc_a')))
    expect(result.device.map((c) => c.field)).toEqual(['firmware_version', 'status', 'last_heartbeat', 'model', 'manufacturer', 'sn', 'site_id'])
  })

  it('shows an extension that appears in the newer snapshot as new', () => {
    const result = compareSnapshots(snapshotOf('dvc_a', devicePayload('dvc_a')), after)
    expect(result.device.find((c) => c.field === 'ocpp_version')).toMatchObject({ before: null, after: '2.0.1', changed: true })
  })
})

describe('exports with extensions', () => {
  it('the JSON comparison carries the extension rows', () => {
    const parsed = JSON.parse(buildJsonExport([before, after], meta)) as JsonExport
    expect(parsed.comparison?.device.find((c) => c.field === 'component_health.cooling_fan_rpm')).toMatchObject({ before: 1_800, after: 1_240 })
  })

  it('the HTML report shows component health per column, connectivity and protocol, and the findings', () => {
    const report = buildHtmlReport({ snapshots: [after], findings: [findingsOf(after)], ...meta })
    expect(report).toContain('Component health (proposed extension)')
    for (const text of ['1,240 RPM', '48.5 °C', '49,500 cycles']) expect(report).toContain(`>${text}<`)
    expect(report).toMatch(/<th scope="col">Charger<\/th><th scope="col">Connector 1<\/th><\/tr>/)
    expect(report).toContain('Connectivity and protocol (proposed extension)')
    for (const text of ['2.0.1', '4.2 msg/min', '-97 dBm', 'SmartCharging, ISO15118', formatExportTime('2027-06-01T00:00:00Z')]) expect(report).toContain(`>${text}<`)
    expect(report).toContain('The charger has its cooling fan running below nominal speed at 1,240 RPM (nominal 1,800 RPM).')
    expect(report).toContain('See fault F-0601')
  })

  it('the HTML comparison shows extension changes with units', () => {
    const report = buildHtmlReport({ snapshots: [before, after], ...meta })
    expect(report).toMatch(/Cooling fan speed<\/th><td>1,800 RPM<\/td><td>1,240 RPM<\/td><td><span class="change-mark">Changed −560 RPM/)
  })

  it('the HTML report lists unreadable extension values verbatim, escaped, and still shows the rest', () => {
    const odd = snapshotOf('dvc_a', devicePayload('dvc_a', { ocpp_version: 2, component_health: { cooling_fan_rpm: '<b>fast</b>', cooling_fan_status: 'ok' } }))
    const report = buildHtmlReport({ snapshots: [odd], ...meta })
    expect(report).toContain('Extension values that could not be read')
    expect(report).toContain('<code>component_health.cooling_fan_rpm</code> = <code>&quot;&lt;b&gt;fast&lt;/b&gt;&quot;</code>')
    expect(report).toContain('<code>ocpp_version</code> = <code>2</code>')
    expect(report).toContain('>ok<')
    expect(report).toContain('SN1234567890')
  })

  it('a charger without extensions gets no extension sections', () => {
    const report = buildHtmlReport({ snapshots: [snapshotOf('dvc_a', devicePayload('dvc_a'))], ...meta })
    expect(report).not.toContain('proposed extension')
  })
})
