import { describe, expect, it } from 'vitest'
import { compareSnapshots, readDevice } from '@common/snapshots/compare-snapshots'
import { devicePayload, snapshotOf } from './support'

const older = (data: unknown) => snapshotOf('dvc_a', data, '2025-03-15T09:00:00.000Z', 'dvc_a~20250315T090000000Z-00aaaaaa')
const newer = (data: unknown) => snapshotOf('dvc_a', data, '2025-03-15T11:14:00.000Z', 'dvc_a~20250315T111400000Z-00bbbbbb')

describe('compareSnapshots', () => {
  it('reports nothing changed for identical payloads', () => {
    const result = compareSnapshots(older(devicePayload('dvc_a')), newer(devicePayload('dvc_a')))
    expect(result.comparable).toBe(true)
    expect(result.sameDevice).toBe(true)
    expect(result.changedCount).toBe(0)
    expect(result.elapsedMs).toBe(2 * 3600_000 + 14 * 60_000)
    expect(result.device.map((change) => change.field)).toEqual(['firmware_version', 'status', 'last_heartbeat', 'model', 'manufacturer', 'sn', 'site_id'])
    expect(result.connectors.map((c) => [c.connectorId, c.presence, c.changed])).toEqual([
      [1, 'both', false],
      [2, 'both', false],
    ])
  })

  it('flags device-level changes with before and after', () => {
    const after = devicePayload('dvc_a', { firmware_version: '2.2.0', status: 'offline', last_heartbeat: '2025-03-15T11:10:00Z' })
    const result = compareSnapshots(older(devicePayload('dvc_a')), newer(after))
    const changed = result.device.filter((change) => change.changed)
    expect(changed).toEqual([
      { field: 'firmware_version', label: 'Firmware', unit: null, before: '2.1.0', after: '2.2.0', changed: true, delta: null, withinTolerance: false, tolerance: null },
      { field: 'status', label: 'Status', unit: null, before: 'online', after: 'offline', changed: true, delta: null, withinTolerance: false, tolerance: null },
      { field: 'last_heartbeat', label: 'Last heartbeat', unit: null, before: '2025-03-15T11:00:00Z', after: '2025-03-15T11:10:00Z', changed: true, delta: null, withinTolerance: false, tolerance: null },
    ])
    expect(result.changedCount).toBe(3)
  })

  it('matches connectors by id and gives numeric deltas with units', () => {
    const before = devicePayload('dvc_a')
    const after = devicePayload('dvc_a', {
      connectors: [
        { connector_id: 2, status: 'fault', power: 0, voltage: 224, current: 0, energy_delivered: 0, soc: null, temperature: 71, last_telemetry_time: '2025-03-15T10:59:50Z' },
        { connector_id: 1, status: 'charging', power: 7.4, voltage: 223.1, current: 30.5, energy_delivered: 15.9, soc: 61, temperature: 38, last_telemetry_time: '2025-03-15T11:13:55Z' },
      ],
    })
    const result = compareSnapshots(older(before), newer(after))
    const one = result.connectors.find((c) => c.connectorId === 1)!
    const reading = (field: string) => one.readings.find((r) => r.field === field)!
    expect(reading('power')).toMatchObject({ before: 7.2, after: 7.4, changed: true, delta: 0.2, unit: 'kW' })
    expect(reading('voltage')).toMatchObject({ before: 223, after: 223.1, delta: 0.1, unit: 'V', changed: false, withinTolerance: true })
    expect(reading('current')).toMatchObject({ changed: false, delta: 0 })
    expect(reading('energy_delivered')).toMatchObject({ delta: 3.5, unit: 'kWh' })
    expect(reading('soc')).toMatchObject({ delta: 6, unit: '%' })
    const two = result.connectors.find((c) => c.connectorId === 2)!
    expect(two.readings.find((r) => r.field === 'status')).toMatchObject({ before: 'idle', after: 'fault', changed: true, delta: null })
    expect(two.readings.find((r) => r.field === 'temperature')).toMatchObject({ before: 31, after: 71, delta: 40, unit: '°C' })
    expect(two.readings.find((r) => r.field === 'soc')).toMatchObject({ before: null, after: null, changed: false, delta: null })
  })

  it.each([
    // field, before, after, changed, withinTolerance
    ['voltage', 230, 234.5, false, true],
    ['voltage', 230, 235, true, false],
    ['voltage', 0, 230, true, false],
    ['power', 7.2, 7.3, false, true],
    ['power', 7.2, 7.4, true, false],
    ['power', -7.2, -7.0, true, false],
    ['current', 30, 30.4, false, true],
    ['current', 30, 30.5, true, false],
    ['temperature', 38, 38.9, false, true],
    ['temperature', 38, 39, true, false],
    ['temperature', 38, 36.5, true, false],
    ['energy_delivered', 12.4, 12.44, false, true],
    ['energy_delivered', 12.4, 12.45, true, false],
    ['soc', 60, 61, true, false],
    ['temperature', 38, 38, false, false],
    ['temperature', null, 38, true, false],
  ] as const)('%s %j → %j: changed %s, within tolerance %s', (field, before, after, changed, withinTolerance) => {
    const connector = (value: number | null) => ({ connector_id: 1, status: 'charging', [field]: value })
    const result = compareSnapshots(older(devicePayload('dvc_a', { connectors: [connector(before)] })), newer(devicePayload('dvc_a', { connectors: [connector(after)] })))
    const one = result.connectors[0]!
    expect(one.readings.find((r) => r.field === field)).toMatchObject({ changed, withinTolerance })
    expect(one.changed).toBe(changed)
    expect(result.changedCount).toBe(changed ? 1 : 0)
  })

  it('names the tolerance of each reading', () => {
    const result = compareSnapshots(older(devicePayload('dvc_a')), newer(devicePayload('dvc_a')))
    const tolerances = Object.fromEntries(result.connectors[0]!.readings.map((r) => [r.field, r.tolerance]))
    expect(tolerances).toEqual({
      status: null, power: '±0.2 kW', voltage: '±2 %', current: '±0.5 A', energy_delivered: '±0.05 kWh', soc: null, temperature: '±1 °C', last_telemetry_time: null,
    })
  })

  it('reports added and removed connectors', () => {
    const before = devicePayload('dvc_a')
    const after = devicePayload('dvc_a', { connectors: [{ connector_id: 2, status: 'idle' }, { connector_id: 3, status: 'preparing', power: 0 }] })
    const result = compareSnapshots(older(before), newer(after))
    expect(result.connectors.map((c) => [c.connectorId, c.presence, c.changed])).toEqual([
      [1, 'removed', true],
      [2, 'both', true],
      [3, 'added', true],
    ])
    const added = result.connectors[2]!
    expect(added.readings.find((r) => r.field === 'status')).toMatchObject({ before: null, after: 'preparing', changed: true })
    const removed = result.connectors[0]!
    expect(removed.readings.find((r) => r.field === 'power')).toMatchObject({ before: 7.2, after: null, changed: true, delta: null })
  })

  it.each([
    ['null', null],
    ['a string', 'oops'],
    ['an array', [1, 2]],
    ['an object without device_id', { model: 'X' }],
    ['a connector without an id', { device_id: 'dvc_a', connectors: [{ status: 'idle' }] }],
  ])('reports an unreadable payload (%s) without throwing', (_name, data) => {
    const result = compareSnapshots(older(data), newer(devicePayload('dvc_a')))
    expect(result.comparable).toBe(false)
    expect(result.older).toMatchObject({ readable: false, problem: expect.stringMatching(/^Unreadable payload/) })
    expect(result.newer).toMatchObject({ readable: true, problem: null })
    expect(result.device).toEqual([])
    expect(result.connectors).toEqual([])
    expect(result.changedCount).toBe(0)
  })

  it('says when two snapshots are of different devices, and when a time does not parse', () => {
    const a = snapshotOf('dvc_a', devicePayload('dvc_a'), 'not a time')
    const b = snapshotOf('dvc_b', devicePayload('dvc_b'))
    const result = compareSnapshots(a, b)
    expect(result.sameDevice).toBe(false)
    expect(result.elapsedMs).toBeNull()
    expect(result.older.deviceId).toBe('dvc_a')
  })

  it('keeps unknown enum values verbatim', () => {
    const result = compareSnapshots(older(devicePayload('dvc_a', { status: 'maintenance' })), newer(devicePayload('dvc_a', { status: 'fault' })))
    expect(result.device.find((c) => c.field === 'status')).toMatchObject({ before: 'maintenance', after: 'fault', changed: true })
  })

  it('readDevice accepts unknown fields', () => {
    const read = readDevice({ device_id: 'dvc_a', brand_new_field: { nested: true } })
    expect(read.ok).toBe(true)
  })
})
