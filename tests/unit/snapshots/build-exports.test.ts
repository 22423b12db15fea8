import { describe, expect, it } from 'vitest'
import type { Finding } from '@common/diagnostics/finding'
import { formatExportTime } from '@common/format/timestamp'
import { buildHtmlReport } from '@main/snapshots/export/build-html-report'
import { buildJsonExport, type JsonExport } from '@main/snapshots/export/build-json-export'
import { devicePayload, snapshotOf } from './support'

const meta = { appVersion: '0.1.0', exportedAt: '2025-03-15T12:00:00.000Z' }
const before = snapshotOf('dvc_a', devicePayload('dvc_a'), '2025-03-15T09:00:00.000Z', 'dvc_a~20250315T090000000Z-00aaaaaa')
const after = snapshotOf(
  'dvc_a',
  devicePayload('dvc_a', { firmware_version: '2.2.0', connectors: [{ connector_id: 1, status: 'fault', power: 0, temperature: 71 }] }),
  '2025-03-15T11:14:00.000Z',
  'dvc_a~20250315T111400000Z-00bbbbbb',
)

describe('buildJsonExport', () => {
  it('exports one snapshot as pretty, versioned JSON without a comparison', () => {
    const text = buildJsonExport([before], meta)
    expect(text).toContain('\n  "format": "tellus-field-snapshot-export"')
    const parsed = JSON.parse(text) as JsonExport
    expect(parsed).toEqual({ format: 'tellus-field-snapshot-export', formatVersion: 1, ...meta, exportedAtLocal: formatExportTime(meta.exportedAt), snapshots: [before] })
  })

  it('exports two snapshots older first with their comparison', () => {
    const parsed = JSON.parse(buildJsonExport([after, before], meta)) as JsonExport
    expect(parsed.snapshots.map((s) => s.id)).toEqual([before.id, after.id])
    expect(parsed.comparison?.older.id).toBe(before.id)
    expect(parsed.comparison?.device.find((c) => c.field === 'firmware_version')).toMatchObject({ before: '2.1.0', after: '2.2.0', changed: true })
  })

  it('refuses zero or three snapshots', () => {
    expect(() => buildJsonExport([], meta)).toThrow(RangeError)
    expect(() => buildJsonExport([before, after, before], meta)).toThrow(RangeError)
  })
})

describe('buildHtmlReport', () => {
  it('is one self-contained, script-free document with a strict CSP and print styles', () => {
    const report = buildHtmlReport({ snapshots: [before], ...meta })
    expect(report.startsWith('<!doctype html>')).toBe(true)
    expect(report).toContain("default-src 'none'")
    expect(report).toContain('@media print')
    expect(report).not.toMatch(/<script|<link|<img|<iframe|src=|href=|url\(/i)
    expect(report).toContain('Charger report: dvc_a')
  })

  it('shows identity, firmware and a connectors table with units on every number', () => {
    const report = buildHtmlReport({ snapshots: [before], ...meta })
    for (const text of ['SN1234567890', 'AC-7kW-V2', 'ChargeTech', '2.1.0', 'site_001', '2025-03-15 11:00:00 UTC']) expect(report).toContain(text)
    for (const text of ['7.2 kW', '223 V', '30.5 A', '12.4 kWh', '55 %', '38 °C', '0 kW', '31 °C']) expect(report).toContain(`>${text}<`)
    const cells = [...report.matchAll(/<td class="num">([^<]*)<\/td>/g)].map((match) => match[1]!)
    expect(cells.length).toBeGreaterThan(0)
    for (const cell of cells) expect(cell, cell).toMatch(/^(—|-?[\d.,]+ (kW|V|A|kWh|%|°C))$/)
    expect(report).toContain('status-good">online<')
  })

  it('shows findings when given, next to the snapshot they belong to', () => {
    const findings: Finding[] = [
      { ruleId: 'connector-over-temperature', severity: 'critical', connectorId: 1, message: 'Connector 1 at 71 °C: over the 65 °C AC warning level.', action: 'Check the cable and contactor.' },
    ]
    const report = buildHtmlReport({ snapshots: [after, before], findings: [findings, []], ...meta })
    expect(report).toContain('Connector 1 at 71 °C: over the 65 °C AC warning level.')
    expect(report).toContain('What to do: Check the cable and contactor.')
    expect(report).toContain('No findings')
    expect(report.indexOf('No findings')).toBeLessThan(report.indexOf('71 °C: over')) // older (before) comes first
    expect(buildHtmlReport({ snapshots: [before], ...meta })).not.toContain('Findings')
  })

  it('shows a comparison table that marks changes in text, with deltas and units', () => {
    const report = buildHtmlReport({ snapshots: [before, after], ...meta })
    expect(report).toContain('Charger comparison: dvc_a')
    expect(report).toContain('2 h 14 min apart')
    expect(report).toMatch(/<tr class="changed"><th scope="row">Firmware<\/th><td>2.1.0<\/td><td>2.2.0<\/td><td><span class="change-mark">Changed<\/span><\/td><\/tr>/)
    expect(report).toContain('Changed −7.2 kW')
    expect(report).toContain('Connector 2 (missing from the later snapshot)')
    expect(report).toMatch(/<th scope="row">Current<\/th><td>30.5 A<\/td><td>—<\/td><td><span class="change-mark">No longer reported<\/span>/)
    expect(report).toMatch(/<tr class=""><th scope="row">Model<\/th><td>AC-7kW-V2<\/td><td>AC-7kW-V2<\/td><td>Same<\/td>/)
  })

  it('reports a difference within the reading tolerance as the same, naming the tolerance', () => {
    const noisy = snapshotOf('dvc_a', devicePayload('dvc_a', { connectors: [{ connector_id: 1, status: 'charging', voltage: 231 }] }), '2025-03-15T09:05:00.000Z', 'dvc_a~20250315T090500000Z-00cccccc')
    const steady = snapshotOf('dvc_a', devicePayload('dvc_a', { connectors: [{ connector_id: 1, status: 'charging', voltage: 230 }] }), '2025-03-15T09:00:00.000Z', 'dvc_a~20250315T090000000Z-00dddddd')
    const report = buildHtmlReport({ snapshots: [steady, noisy], ...meta })
    expect(report).toMatch(/<tr class=""><th scope="row">Voltage<\/th><td>230 V<\/td><td>231 V<\/td><td>Same \(within ±2 %\)<\/td>/)
    expect(report).toContain('Differences smaller than a reading’s tolerance (power ±0.2 kW, voltage ±2 %')
  })

  it('shows an unreadable payload as such instead of failing', () => {
    const broken = snapshotOf('dvc_a', { model: 'no id here' })
    const report = buildHtmlReport({ snapshots: [broken, after], ...meta })
    expect(report).toContain('Unreadable payload')
    expect(report).toContain('cannot be compared')
  })

  it('escapes every value from a payload, profile or finding', () => {
    const hostile = snapshotOf(
      'dvc_a',
      devicePayload('dvc_a', {
        model: '<script>alert(1)</script>',
        sn: '"><img src=x onerror=alert(1)>',
        firmware_version: "' onmouseover='alert(1)",
        connectors: [{ connector_id: 1, status: '<b onclick="x()">fault</b>', power: 1 }],
      }),
    )
    const withHostileMeta = { ...hostile, profileName: '</title><script>x()</script>', baseUrl: 'https://a.example/<svg onload=alert(1)>' }
    const finding: Finding = { ruleId: 'x', severity: 'warning', message: '<iframe src="javascript:alert(1)">', action: '<a href="javascript:x">' }
    const report = buildHtmlReport({ snapshots: [withHostileMeta, after], findings: [[finding], []], ...meta })
    expect(report).not.toMatch(/<script|<img|<svg|<iframe|<a |<b /i)
    const tags = report.match(/<[^>]*>/g) ?? [] // every real tag: text has no raw "<"
    for (const tag of tags) expect(tag, tag).not.toMatch(/\son[a-z]+\s*=|javascript:/i)
    expect(tags.map((tag) => /^<\/?([a-z0-9!]+)/i.exec(tag)?.[1]?.toLowerCase())).not.toContain(undefined)
    expect(report).toContain('&lt;script&gt;alert(1)&lt;/script&gt;')
    expect(report).toContain('&quot;&gt;&lt;img src=x onerror=alert(1)&gt;')
    expect(report).toContain('&#39; onmouseover=&#39;alert(1)')
  })
})

describe('exports never contain a secret', () => {
  const secretData = devicePayload('dvc_a', {
    client_secret: 'sec_CLIENT',
    Authorization: 'Bearer tok_AUTH',
    nested: { access_token: 'tok_ACCESS', deeper: [{ 'Refresh-Token': 'tok_REFRESH', keep: 'visible-value' }] },
    connectors: [{ connector_id: 1, status: 'idle', device_secret: 'sec_DEVICE', authorization: 'Basic abc' }],
  })
  const leaky = { ...snapshotOf('dvc_a', secretData, '2025-03-15T09:00:00.000Z', 'dvc_a~20250315T090000000Z-00aaaaaa'), baseUrl: 'https://user:pw_URL@api.example.com/v1?access_token=tok_QUERY' }
  const exports = {
    'JSON, one': buildJsonExport([leaky], meta),
    'JSON, two': buildJsonExport([leaky, after], meta),
    'HTML, one': buildHtmlReport({ snapshots: [{ ...leaky, data: { broken: true, ...secretData, device_id: 1 } }], ...meta }),
    'HTML, two': buildHtmlReport({ snapshots: [leaky, after], ...meta }),
  }

  it.each(Object.entries(exports))('%s: no secret-named field or secret value', (_name, text) => {
    expect(text).not.toMatch(/client_secret|access_token|authorization|refresh.token|device_secret/i)
    expect(text).not.toMatch(/sec_CLIENT|tok_AUTH|tok_ACCESS|tok_REFRESH|sec_DEVICE|pw_URL|tok_QUERY|Basic abc/)
  })

  it('keeps everything else in the payload', () => {
    const parsed = JSON.parse(exports['JSON, one']) as JsonExport
    expect(parsed.snapshots[0]!.data).toMatchObject({ device_id: 'dvc_a', nested: { deeper: [{ keep: 'visible-value' }] } })
    expect(parsed.snapshots[0]!.baseUrl).toBe('https://api.example.com/v1')
  })

  it('does not change the snapshot it was given', () => {
    expect((leaky.data as Record<string, unknown>).client_secret).toBe('sec_CLIENT')
  })
})
