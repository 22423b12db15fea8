/**
 * The report's HTML: self-contained (no script, no external URL or asset, a strict CSP), every
 * value escaped, rows and charts never split across pages, the chosen paper size, and the
 * charger's parts in words.
 */
import { afterAll, beforeAll, describe, expect, it } from 'vitest'
import { buildWorkOrderReport } from '@common/reports/build-work-order-report'
import type { WorkOrderReport } from '@common/reports/report-types'
import { buildReportHtml } from '@main/reports/report-html'
import { recordingChartSvg, niceCeiling } from '@main/reports/recording-chart-svg'
import { gatherReport } from '@main/reports/report-sources'
import { at, visitWorld, type VisitWorld } from './report-fixtures'
import { unwrap, useTimeZone } from '../../support/common-fixtures'

const HOSTILE = '<img src=x onerror=alert(1)><script>alert(2)</script>'

describe('work-order report HTML', () => {
  let world: VisitWorld
  let report: WorkOrderReport
  // The report's times are local with the zone and UTC beside it: pin the zone to UTC so the layout checks read one time.
  useTimeZone('UTC')
  beforeAll(async () => {
    world = await visitWorld()
    const gathered = unwrap(await gatherReport(world.stores, { kind: 'visit', visitId: world.visit.id }))
    report = buildWorkOrderReport({ scope: 'visit', fields: { technician: HOSTILE, workOrder: 'WO-4711 "quoted" & more' }, ...gathered, appVersion: '9.9.9', generatedAt: new Date(at(102)).toISOString() })
  })
  afterAll(async () => {
    await world.cleanup()
  })

  it('gives every time in local time with the zone and UTC beside it (Europe/Berlin here), and says so', () => {
    process.env.TZ = 'Europe/Berlin'
    try {
      const html = buildReportHtml(report, 'A4')
      expect(html).toMatch(/first activity 2026-11-23 09:30:00 UTC\+01:00 \(2026-11-23 08:30:00 UTC\), last 2026-11-23 09:40:00 UTC\+01:00 \(2026-11-23 08:40:00 UTC\)/)
      expect(html).toContain('times in local time with the zone, UTC in brackets')
    } finally {
      process.env.TZ = 'UTC'
    }
  })

  it('has no script, no external URL and no external asset, and a CSP that forbids them', () => {
    const html = buildReportHtml(report, 'A4')
    expect(html).not.toMatch(/<script/i)
    expect(html).not.toMatch(/https?:\/\//i)
    expect(html).not.toMatch(/\s(src|srcset|href)="(?!#)/i)
    expect(html).not.toMatch(/@import|url\(/i)
    expect(html).not.toMatch(/<[^>]*\son[a-z]+=/i)
    expect(html).toContain(`<meta http-equiv="Content-Security-Policy" content="default-src 'none'; style-src 'unsafe-inline'; img-src data:; base-uri 'none'; form-action 'none'">`)
  })

  it('escapes what the technician typed', () => {
    const html = buildReportHtml(report, 'A4')
    expect(html).toContain('&lt;img src=x onerror=alert(1)&gt;&lt;script&gt;alert(2)&lt;/script&gt;')
    expect(html).toContain('WO-4711 &quot;quoted&quot; &amp; more')
  })

  it('keeps table rows, findings and charts whole across pages and repeats table heads', () => {
    const html = buildReportHtml(report, 'A4')
    expect(html).toMatch(/tr, li, figure, \.escalation \{ break-inside: avoid; page-break-inside: avoid; \}/)
    expect(html).toContain('thead { display: table-header-group; }')
  })

  it.each(['A4', 'Letter'] as const)('lays the page out on %s', (size) => {
    expect(buildReportHtml(report, size)).toContain(`@page { size: ${size}; margin: 14mm; }`)
  })

  it('says what was found, done and measured for each charger', () => {
    const html = buildReportHtml(report, 'Letter')
    expect(html).toContain('<h1>Work-order report WO-4711 &quot;quoted&quot; &amp; more: Depot North</h1>')
    expect(html).toContain('North car park')
    expect(html).toMatch(/Time on site<\/th><td>10 min \(first activity 2026-11-23 08:30:00 UTC, last 2026-11-23 08:40:00 UTC\)/)
    expect(html).toContain('Findings resolved (')
    expect(html).toContain('Connector 2 reports a fault and cannot charge.')
    expect(html).toContain('Firmware 3.1.0 is the latest stable build for TP-DC180.')
    expect(html).toMatch(/<polyline class="power" points="[\d., ]+"\/>/)
    expect(html).toContain('Not fetched again')
    expect(html).toContain('Runbook: Charger faulting on power-up · <span class="outcome outcome-resolved">resolved</span>')
    expect(html).toContain('heartbeat 12 s old at 08:33:10 <span class="meta">(data of 2026-11-23 08:33:00 UTC)</span>')
    expect(html).toContain('(data of 2026-11-23 07:02:00 UTC, offline copy)')
    expect(html).toMatch(/<div class="escalation"><strong>Escalated to L2<\/strong> at 2026-11-23 08:37:00 UTC: Site supply looks low\.\n<ul><li>Fault code: F-0203<\/li><li>Vehicle: …123456<\/li><\/ul><\/div>/)
    expect(html).not.toContain('WVWZZZ1KZAW123456')
  })
})

describe('recording chart', () => {
  it.each([
    [0, 1],
    [7.2, 10],
    [150, 200],
    [11, 20],
    [0.3, 0.5],
    [22, 25],
  ])('niceCeiling(%d) = %d', (max, top) => {
    expect(niceCeiling(max)).toBeCloseTo(top)
  })

  it('draws power and SoC lines inside the plot and labels the axes with units', () => {
    const svg = recordingChartSvg(
      [
        { tMs: 0, powerKw: 0, socPercent: 20 },
        { tMs: 60_000, powerKw: 50, socPercent: 60 },
        { tMs: 120_000, powerKw: 100, socPercent: 100 },
      ],
      'dvc_x connector 1',
    ).value
    expect(svg).toContain('Power (kW)')
    expect(svg).toContain('SoC (%)')
    expect(svg).toContain('<polyline class="power" points="52.0,166.0 322.0,89.0 592.0,12.0"/>')
    expect(svg).toContain('<polyline class="soc" points="52.0,135.2 322.0,73.6 592.0,12.0"/>')
    expect(svg).toContain('Minutes since the recording started')
    expect(svg).toMatch(/text-anchor="end">1\.25<\/text>|text-anchor="end">25<\/text>/)
  })

  it('reads a short test charge in seconds', () => {
    const svg = recordingChartSvg(
      [
        { tMs: 0, powerKw: 1, socPercent: 35 },
        { tMs: 4_000, powerKw: 3.6, socPercent: 35 },
      ],
      'dvc_x connector 1',
    ).value
    expect(svg).toContain('Seconds since the recording started')
    expect(svg).toContain('text-anchor="middle">4</text>')
    expect(svg).toContain('text-anchor="end">3.75</text>')
  })

  it('says when a series has no readings instead of drawing an empty line', () => {
    const svg = recordingChartSvg([{ tMs: 0, powerKw: 3, socPercent: null }], 'dvc_x connector 1').value
    expect(svg).not.toContain('class="soc"')
    expect(svg).toContain('no state-of-charge readings')
  })
})
