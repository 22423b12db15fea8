import fc from 'fast-check'
import { describe, expect, it } from 'vitest'
import { diagnoseDevice, sortFindings } from '@common/diagnostics/diagnose-device'
import { findFault } from '@common/diagnostics/fault-dictionary'
import type { Finding } from '@common/diagnostics/finding'
import { findRunbook } from '@common/diagnostics/runbooks'
import { DeviceSchema } from '@common/tellus/schemas'
import { ago, connector, device, NOW } from './device-fixtures'

const brief = (findings: Finding[]) => findings.map((f) => `${f.severity} ${f.connectorId ?? '-'} ${f.ruleId}`)

describe('diagnoseDevice', () => {
  it.each([
    ['only a device id', { device_id: 'dvc_1' }],
    ['nulls everywhere', { device_id: 'dvc_1', model: null, firmware_version: null, status: null, connectors: null, last_heartbeat: null }],
    ['connectors with only id and status', { device_id: 'dvc_1', model: 'TP-AC22', firmware_version: '1.0.0', status: 'online', last_heartbeat: ago(1000), connectors: [{ connector_id: 1, status: 'charging' }] }],
  ])('a healthy-or-bare device (%s) gives only the info findings its missing data calls for', (_label, raw) => {
    const findings = diagnoseDevice(DeviceSchema.parse(raw), { now: NOW })
    expect(findings.every((f) => f.severity === 'info')).toBe(true)
  })

  it('gives no findings for a healthy, current TP-DC180', () => {
    const healthy = device({
      connectors: [connector({ connector_id: 1, status: 'charging', voltage: 400, current: 100, power: 40, soc: 50, temperature: 40, last_telemetry_time: ago(3000) })],
    })
    expect(diagnoseDevice(healthy, { now: NOW })).toEqual([])
  })

  it('sorts by severity (critical, warning, info), then device before connectors, then connector id', () => {
    const sick = device({
      model: 'TP-AC22',
      firmware_version: '2.1.0',
      status: 'online',
      last_heartbeat: ago(180_000),
      connectors: [
        connector({ connector_id: 3, status: 'fault' }),
        connector({ connector_id: 2, status: 'charging', temperature: 71, voltage: 230, current: 32, power: 22, last_telemetry_time: ago(2000) }),
        connector({ connector_id: 1, status: 'preparing' }),
        connector({ connector_id: 4, status: 'charging', temperature: 90 }),
      ],
    })
    expect(brief(diagnoseDevice(sick, { now: NOW }))).toEqual([
      'critical 3 connector-fault',
      'critical 4 connector-over-temperature',
      'warning - heartbeat-stale',
      'warning 2 connector-over-temperature',
      'info 1 connector-state-unknown',
    ])
  })

  it('judges an old snapshot at the time passed in, not the wall clock', () => {
    const snapshot = device({ status: 'online', last_heartbeat: '2025-03-15T11:00:00Z' })
    expect(diagnoseDevice(snapshot, { now: Date.parse('2025-03-15T11:00:30Z') })).toEqual([])
    expect(brief(diagnoseDevice(snapshot, { now: Date.parse('2025-03-15T11:05:00Z') }))).toEqual(['warning - heartbeat-stale'])
  })

  it('never throws and always gives well-formed findings, whatever the device response holds', () => {
    const maybe = <T>(arb: fc.Arbitrary<T>) => fc.option(arb, { nil: undefined })
    const number = fc.oneof(fc.double({ noNaN: false }), fc.integer({ min: -2000, max: 2000 }), fc.constant(null))
    // Free text in upper case only, so the NaN/undefined/Infinity check below cannot be fooled by the input.
    const text = fc.stringMatching(/^[A-Z0-9. _-]{0,12}$/)
    const time = fc.oneof(fc.constant(null), text, fc.date({ noInvalidDate: true }).map((d) => d.toISOString()))
    const state = fc.constantFrom('idle', 'charging', 'discharging', 'fault', 'unavailable', 'preparing', 'x')
    const connectorArb = fc.record({
      connector_id: fc.integer({ min: 1, max: 8 }),
      status: state,
      power: maybe(number),
      voltage: maybe(number),
      current: maybe(number),
      soc: maybe(number),
      temperature: maybe(number),
      last_telemetry_time: maybe(time),
      fault_code: maybe(fc.oneof(fc.constant('F-0421'), text, fc.integer())),
      phase_details: maybe(fc.oneof(fc.constant(null), fc.object())),
    })
    const deviceArb = fc.record({
      device_id: fc.constant('dvc_prop'),
      model: maybe(fc.oneof(fc.constant(null), fc.constantFrom('TP-DC180', 'TP-DC360', 'TP-AC22', 'AC-7kW-V2', 'TP-DC60'), text)),
      firmware_version: maybe(fc.oneof(fc.constant(null), fc.constantFrom('3.0.1', '4.0.0', '260420.0107', '3.10.0'), text)),
      status: maybe(fc.oneof(fc.constant(null), fc.constantFrom('online', 'offline', 'fault'))),
      last_heartbeat: maybe(time),
      connectors: maybe(fc.oneof(fc.constant(null), fc.array(connectorArb, { maxLength: 4 }))),
    })
    fc.assert(
      fc.property(deviceArb, fc.integer({ min: 0, max: 4_102_444_800_000 }), (raw, now) => {
        const parsed = DeviceSchema.safeParse(raw)
        if (!parsed.success) return
        const findings = diagnoseDevice(parsed.data, { now })
        expect(sortFindings(findings)).toEqual(findings)
        for (const f of findings) {
          expect(f.message).toMatch(/^[A-Z].*\.$/)
          expect(f.message).not.toMatch(/NaN|undefined|Infinity/)
          if (f.reference?.kind === 'fault') expect(findFault(f.reference.id)).toBeDefined()
          if (f.reference?.kind === 'runbook') expect(findRunbook(f.reference.id)).toBeDefined()
        }
      }),
      { numRuns: 400 },
    )
  })
})

describe('sortFindings', () => {
  const f = (severity: Finding['severity'], connectorId?: number, ruleId = 'r'): Finding => ({
    severity,
    ruleId,
    message: 'm.',
    ...(connectorId === undefined ? {} : { connectorId }),
  })

  it('keeps rule order among equals and does not change its input', () => {
    const input = [f('info', 2, 'b'), f('info', 2, 'a'), f('critical', 5), f('warning'), f('critical')]
    const copy = [...input]
    expect(sortFindings(input).map((x) => `${x.severity}${x.connectorId ?? '-'}${x.ruleId}`)).toEqual([
      'critical-r',
      'critical5r',
      'warning-r',
      'info2b',
      'info2a',
    ])
    expect(input).toEqual(copy)
  })
})
