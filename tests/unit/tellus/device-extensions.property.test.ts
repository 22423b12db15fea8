/**
 * Property test of the response parser over the proposed device extensions: random well-formed
 * extensions survive exactly; random and malformed extension payloads never fail the device, never
 * change its core fields, and every value left out is named by `findExtensionIssues`.
 */
import fc from 'fast-check'
import { describe, expect, it } from 'vitest'
import { diagnoseDevice } from '@common/diagnostics/diagnose-device'
import { findExtensionIssues } from '@common/tellus/device-extensions'
import { DeviceSchema } from '@common/tellus/schemas'
import { parseEnvelopeResponse, type ParseContext } from '@main/tellus/parse-response'
import { createRedactor } from '@common/redact'
import { httpResponse } from './support'

const context: ParseContext = { host: 'api.example.com', endpoint: 'device', deviceId: 'dvc_a1b2c3d4e5f6', redact: createRedactor(() => []) }
const core = {
  device_id: 'dvc_a1b2c3d4e5f6',
  model: 'TP-DC180',
  firmware_version: '3.1.0',
  status: 'online',
  last_heartbeat: '2026-05-01T11:59:50Z',
  site_id: 'site_001',
}
const NOW = Date.parse('2026-05-01T12:00:00Z')

const count = fc.integer({ min: 0, max: 500_000 })
const positive = fc.integer({ min: 1, max: 500_000 })
const temp = fc.double({ min: -40, max: 150, noNaN: true })
const time = fc.date({ min: new Date('2020-01-01'), max: new Date('2030-01-01'), noInvalidDate: true }).map((d) => d.toISOString())
const word = fc.string({ minLength: 1, maxLength: 12 })

const wellFormedHealth = fc.record(
  {
    contactor_cycles: count,
    contactor_max_cycles: positive,
    cooling_fan_rpm: fc.integer({ min: 0, max: 5_000 }),
    cooling_fan_status: fc.oneof(fc.constantFrom('ok', 'warning', 'fault'), word),
    internal_temps: fc.record({ power_module: temp, control_board: temp, ac_inlet: temp, dc_outlet: temp }, { requiredKeys: [] }),
    relay_state: fc.oneof(fc.constantFrom('closed', 'open', 'fault'), word),
    isolation_test_kohms: fc.integer({ min: 0, max: 100_000 }),
    last_isolation_test: time,
    bidirectional_inverter_cycles: count,
    bidirectional_inverter_max_cycles: positive,
    harmonic_distortion_v2g_pct: fc.double({ min: 0, max: 40, noNaN: true }),
    discharge_contactor_cycles: count,
  },
  { requiredKeys: [] },
)
const wellFormedExtensions = fc.record(
  {
    component_health: wellFormedHealth,
    ocpp_version: fc.oneof(fc.constantFrom('1.6-J', '2.0.1'), word),
    ocpp_csms_messages_per_minute: fc.double({ min: 0, max: 600, noNaN: true }),
    ocpp_csms_last_message_at: time,
    ocpp_negotiated_features: fc.array(fc.string(), { maxLength: 4 }),
    product: fc.record({ brand: word, rated_power_kw: positive, current_type: fc.constantFrom('AC', 'DC'), phases: fc.constantFrom(1, 3), connector_types: fc.array(word, { maxLength: 3 }) }, { requiredKeys: [] }),
    connectivity: fc.record({ type: fc.constantFrom('cellular', 'wifi', 'ethernet'), signal_strength_dbm: fc.integer({ min: -130, max: -30 }), last_heartbeat_at: time }, { requiredKeys: [] }),
    lifecycle: fc.record({ activation_status: fc.constantFrom('activated', 'suspended', 'decommissioned'), warranty_expires_at: time, usage_duration_days: count }, { requiredKeys: [] }),
  },
  { requiredKeys: [] },
)

const EXTENSION_KEYS = ['component_health', 'ocpp_version', 'ocpp_csms_messages_per_minute', 'ocpp_csms_last_message_at', 'ocpp_negotiated_features', 'product', 'connectivity', 'lifecycle']
const HEALTH_KEYS = ['contactor_cycles', 'contactor_max_cycles', 'cooling_fan_rpm', 'cooling_fan_status', 'internal_temps', 'relay_state', 'isolation_test_kohms', 'last_isolation_test', 'harmonic_distortion_v2g_pct']
// A "__proto__" key is dropped by design (never copied onto an object, so it cannot reach a prototype);
// it is neither kept nor reported, so the junk leaves it out.
const jsonWithoutProto = fc.jsonValue().filter((value) => !JSON.stringify(value).includes('"__proto__"'))
const junk = fc.oneof(jsonWithoutProto, fc.constantFrom('', -1, 1.5, 'NaN', [], {}, [1, 'a'], { power_module: 'hot' }))

/** A well-formed extension set with some values, or whole extensions, replaced by junk. */
const malformedExtensions = fc
  .record({
    base: wellFormedExtensions,
    top: fc.dictionary(fc.constantFrom(...EXTENSION_KEYS), junk, { maxKeys: 3 }),
    inHealth: fc.dictionary(fc.constantFrom(...HEALTH_KEYS), junk, { maxKeys: 3 }),
  })
  .map(({ base, top, inHealth }) => ({ ...base, component_health: { ...base.component_health, ...inHealth }, ...top }))

const connectorsWith = (health: unknown) => [
  { connector_id: 1, status: 'charging', power: 50, component_health: health },
  { connector_id: 2, status: 'idle' },
]

const parseDevice = (data: unknown) => parseEnvelopeResponse(httpResponse(200, JSON.stringify({ code: 0, message: 'success', data })), DeviceSchema, context)

/** Every path of a value's present leaves (objects are walked, arrays are leaves, null/undefined skipped). */
function leafPaths(value: unknown, prefix = ''): string[] {
  if (value === undefined || value === null) return []
  if (typeof value !== 'object' || value === null || Array.isArray(value)) return [prefix]
  return Object.entries(value).flatMap(([key, inner]) => leafPaths(inner, prefix ? `${prefix}.${key}` : key))
}

describe('response parser over proposed extensions', () => {
  it('keeps well-formed extensions exactly, on the device and per connector', () => {
    fc.assert(
      fc.property(wellFormedExtensions, wellFormedHealth, (extensions, health) => {
        const data = { ...core, ...extensions, connectors: connectorsWith(health) }
        const result = parseDevice(data)
        expect(result.ok).toBe(true)
        if (!result.ok) return
        expect(result.value.data).toEqual(JSON.parse(JSON.stringify(data)))
        expect(findExtensionIssues(result.value.raw)).toEqual([])
      }),
      { numRuns: 200 },
    )
  })

  it('never lets a malformed extension hide the device, and names every value it leaves out', () => {
    fc.assert(
      fc.property(malformedExtensions, fc.oneof(junk, wellFormedHealth), (extensions, health) => {
        const data = JSON.parse(JSON.stringify({ ...core, ...extensions, connectors: connectorsWith(health) })) as Record<string, unknown>
        const result = parseDevice(data)
        expect(result.ok).toBe(true)
        if (!result.ok) return
        const device = result.value.data
        for (const [key, value] of Object.entries(core)) expect(device[key]).toEqual(value)
        expect(device.connectors?.map((c) => c.connector_id)).toEqual([1, 2])
        // What the parser kept plus what the issues name covers every non-null leaf that was sent.
        const issues = findExtensionIssues(result.value.raw).map((issue) => issue.path)
        const kept = new Set(leafPaths({ ...device, connectors: undefined }))
        const sent = leafPaths({ ...data, connectors: undefined })
        for (const path of sent) {
          const covered = kept.has(path) || issues.some((issue) => path === issue || path.startsWith(`${issue}.`))
          expect(covered, `${path} was neither kept nor reported`).toBe(true)
        }
        for (const issue of issues.filter((path) => !path.startsWith('connectors['))) expect(kept.has(issue)).toBe(false)
        expect(() => diagnoseDevice(device, { now: NOW })).not.toThrow()
      }),
      { numRuns: 400 },
    )
  })
})
