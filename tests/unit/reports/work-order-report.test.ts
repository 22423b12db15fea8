/**
 * The work-order report model over real files: a visit's prepared ("before") and later ("after")
 * snapshots, findings resolved / still open, the firmware verdict, a recorded test charge, time on
 * site, VINs shortened, and the standalone (no visit) report of one charger.
 */
import { afterEach, beforeEach, describe, expect, it } from 'vitest'
import { buildWorkOrderReport } from '@common/reports/build-work-order-report'
import { diffFindings } from '@common/reports/charger-report'
import { REPORT_CHART_POINTS, thinPoints } from '@common/reports/recording-chart-points'
import { shortenVinsInText } from '@common/reports/shorten-vins'
import type { Finding } from '@common/diagnostics/finding'
import { gatherReport, STANDALONE_WINDOW_MS } from '@main/reports/report-sources'
import { at, dcCharger, REPAIRED, UNTOUCHED, VIN, visitWorld, type VisitWorld } from './report-fixtures'
import { unwrap } from '../../support/common-fixtures'
import { asDeviceId } from '../../support/device-ids'

const FIELDS = { technician: 'Ada Example', workOrder: 'WO-4711' }

describe('work-order report of a visit (real files)', () => {
  let world: VisitWorld
  beforeEach(async () => {
    world = await visitWorld()
  })
  afterEach(async () => {
    await world.cleanup()
  })

  async function visitReport() {
    const gathered = unwrap(await gatherReport(world.stores, { kind: 'visit', visitId: world.visit.id }))
    return buildWorkOrderReport({ scope: 'visit', fields: FIELDS, ...gathered, appVersion: '9.9.9', generatedAt: new Date(at(102)).toISOString() })
  }

  it('takes the prepared snapshot as "before" and the newest later one as "after"', async () => {
    const report = await visitReport()
    expect(report).toMatchObject({ technician: 'Ada Example', workOrder: 'WO-4711', site: 'North car park', scope: 'visit' })
    const [repaired, untouched] = report.chargers
    expect(repaired?.deviceId).toBe(REPAIRED)
    expect(repaired?.before).toMatchObject({ fetchedAt: new Date(at(1)).toISOString(), firmwareVersion: '3.0.2', verdict: 'needs-attention' })
    expect(repaired?.before?.connectors.find((c) => c.connectorId === 2)?.status).toBe('fault')
    expect(repaired?.after).toMatchObject({ fetchedAt: new Date(at(100)).toISOString(), firmwareVersion: '3.1.0', verdict: 'healthy' })
    expect(untouched?.deviceId).toBe(UNTOUCHED)
    expect(untouched?.after).toBeNull()
  })

  it('lists the findings resolved by the repair, and keeps the untouched charger\'s open', async () => {
    const [repaired, untouched] = (await visitReport()).chargers
    const resolved = repaired!.findings.resolved.map((f) => `${f.ruleId}:${f.connectorId ?? ''}`)
    expect(resolved).toContain('connector-fault:2')
    expect(resolved.some((r) => r.startsWith('firmware'))).toBe(true)
    expect(repaired!.findings.stillOpen).toEqual([])
    expect(untouched!.findings.resolved).toEqual([])
    expect(untouched!.findings.stillOpen.map((f) => f.ruleId)).toContain('connector-fault')
  })

  it('gives the firmware verdict of the newest state', async () => {
    const [repaired] = (await visitReport()).chargers
    expect(repaired!.firmware).toMatchObject({ version: '3.1.0', status: 'current', latest: '3.1.0' })
    expect(repaired!.firmware!.verdict).toContain('latest stable build for TP-DC180')
  })

  it('draws the test charge recorded on site from its samples', async () => {
    const [repaired, untouched] = (await visitReport()).chargers
    expect(repaired!.recordings).toHaveLength(1)
    const series = repaired!.recordings[0]!.connectors
    expect(series.map((s) => s.connectorId)).toEqual([2])
    expect(series[0]!.points).toHaveLength(30)
    expect(series[0]!.points[0]).toEqual({ tMs: 0, powerKw: 0, socPercent: 40 })
    expect(series[0]!.points.at(-1)).toEqual({ tMs: 290_000, powerKw: 150, socPercent: 69 })
    expect(untouched!.recordings).toEqual([])
  })

  it('lists the runbooks walked with evidence, notes and the escalation, VINs shortened', async () => {
    const [repaired, untouched] = (await visitReport()).chargers
    expect(repaired!.runbooks).toHaveLength(1)
    expect(repaired!.runbooks[0]).toMatchObject({ title: 'Charger faulting on power-up', status: 'resolved', escalation: null })
    expect(repaired!.runbooks[0]!.steps.map((s) => [s.title, s.outcome, s.evidence, s.note])).toEqual([
      ['Heartbeat after the reboot', 'pass', 'heartbeat 12 s old at 08:33:10', null],
      ['Replace the contactor', 'done', null, 'Tested with …123456'],
      ['Escalate to L2', 'skipped', null, null],
    ])
    expect(untouched!.runbooks[0]).toMatchObject({ status: 'escalated', escalation: { attachments: ['Fault code: F-0203', 'Vehicle: …123456'], note: 'Site supply looks low.' } })
    expect(untouched!.runbooks[0]!.steps[0]).toMatchObject({ outcome: 'fail', usedOfflineCopy: true })
  })

  it('measures time on site from the first to the last activity after preparing', async () => {
    const report = await visitReport()
    expect(report.timeOnSite).toEqual({ start: new Date(at(90)).toISOString(), end: new Date(at(100)).toISOString(), durationMs: 10 * 60_000 })
    expect(report.visit).toMatchObject({ name: 'Depot North', preparedAt: new Date(at(1)).toISOString() })
  })

  it('shortens a VIN in the visit notes', async () => {
    const report = await visitReport()
    expect(report.visit!.notes).toBe('Customer car …123456 waits at bay 2.')
    expect(JSON.stringify(report)).not.toContain(VIN)
  })

  it('says so when the prepared snapshot is gone, and refuses a charger that is not on the work list', async () => {
    const prepared = world.visit.devices[1]!.prepared!
    unwrap(await world.snapshots.delete(prepared.snapshotId))
    const gathered = unwrap(await gatherReport(world.stores, { kind: 'device', deviceId: UNTOUCHED, visitId: world.visit.id }))
    expect(gathered.chargers).toHaveLength(1)
    expect(gathered.chargers[0]!.before).toBeNull()
    expect(gathered.chargers[0]!.notes.join(' ')).toContain('could not be opened')
    const refused = await gatherReport(world.stores, { kind: 'device', deviceId: asDeviceId('dvc_000000000000'), visitId: world.visit.id })
    expect(refused).toMatchObject({ ok: false, error: { kind: 'invalid-input', message: expect.stringContaining('not on the work list') } })
  })
})

describe('standalone report of one charger (real files)', () => {
  let world: VisitWorld
  beforeEach(async () => {
    world = await visitWorld()
  })
  afterEach(async () => {
    await world.cleanup()
  })

  it('takes the first snapshot of the 12 h before the newest as "before"', async () => {
    const old = at(100) - STANDALONE_WINDOW_MS - 60_000
    unwrap(
      await world.snapshots.save({ deviceId: REPAIRED, fetchedAt: new Date(old).toISOString(), profileId: 'p1', profileName: 'Depot', baseUrl: 'https://api.example.com/v1', data: dcCharger(REPAIRED, -800, { fault: false, firmware: '2.0.0' }) }),
    )
    const gathered = unwrap(await gatherReport(world.stores, { kind: 'device', deviceId: REPAIRED, visitId: null }))
    expect(gathered.visit).toBeNull()
    expect(gathered.chargers[0]!.before?.fetchedAt).toBe(new Date(at(1)).toISOString())
    expect(gathered.chargers[0]!.after?.fetchedAt).toBe(new Date(at(100)).toISOString())
    expect(gathered.chargers[0]!.runbooks).toEqual([])
    const report = buildWorkOrderReport({ scope: 'device', fields: FIELDS, ...gathered, appVersion: '9.9.9', generatedAt: new Date(at(102)).toISOString() })
    expect(report.site).toBe('site_north')
    expect(report.timeOnSite?.start).toBe(new Date(at(1)).toISOString())
  })

  it('refuses a charger with no snapshot on this laptop', async () => {
    const result = await gatherReport(world.stores, { kind: 'device', deviceId: asDeviceId('dvc_000000000000'), visitId: null })
    expect(result).toMatchObject({ ok: false, error: { kind: 'invalid-input', message: expect.stringContaining('no snapshot of dvc_000000000000') } })
  })
})

describe('report rules', () => {
  const finding = (ruleId: string, connectorId?: number): Finding => ({ ruleId, severity: 'warning', message: ruleId, ...(connectorId ? { connectorId } : {}) })

  it.each([
    { name: 'fixed', before: [finding('a', 1)], after: [], resolved: ['a'], open: [], appeared: [] },
    { name: 'still there', before: [finding('a', 1)], after: [finding('a', 1)], resolved: [], open: ['a'], appeared: [] },
    { name: 'other connector is another finding', before: [finding('a', 1)], after: [finding('a', 2)], resolved: ['a'], open: [], appeared: ['a'] },
    { name: 'no after: all still open', before: [finding('a'), finding('b')], after: null, resolved: [], open: ['a', 'b'], appeared: [] },
    { name: 'no before: all still open', before: null, after: [finding('c')], resolved: [], open: ['c'], appeared: [] },
  ])('diffFindings: $name', ({ before, after, resolved, open, appeared }) => {
    const diff = diffFindings(before, after)
    expect(diff.resolved.map((f) => f.ruleId)).toEqual(resolved)
    expect(diff.stillOpen.map((f) => f.ruleId)).toEqual(open)
    expect(diff.appeared.map((f) => f.ruleId)).toEqual(appeared)
  })

  it.each([
    ['VIN WVWZZZ1KZAW123456 at bay 2', 'VIN …123456 at bay 2'],
    ['vin: 1hgcm82633a004352.', 'vin: …004352.'],
    ['order 12345678901234567 has no letters', 'order 12345678901234567 has no letters'],
    ['SERIALNUMBERABCDEF has no digit', 'SERIALNUMBERABCDEF has no digit'],
    ['WVWZZZ1KZAW1234567 is 18 characters', 'WVWZZZ1KZAW1234567 is 18 characters'],
  ])('shortenVinsInText(%j)', (text, expected) => {
    expect(shortenVinsInText(text)).toBe(expected)
  })

  it('thins a long series to the chart limit and keeps both ends', () => {
    const points = Array.from({ length: 5000 }, (_, i) => i)
    const thinned = thinPoints(points, REPORT_CHART_POINTS)
    expect(thinned).toHaveLength(REPORT_CHART_POINTS)
    expect(thinned[0]).toBe(0)
    expect(thinned.at(-1)).toBe(4999)
    expect(thinPoints([1, 2, 3], REPORT_CHART_POINTS)).toEqual([1, 2, 3])
  })
})
