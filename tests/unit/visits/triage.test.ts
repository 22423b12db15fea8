/** Triage rows and their order: critical first, then warnings, then chargers with no offline copy. */
import { describe, expect, it } from 'vitest'
import { buildTriageRow, needsAttention, sortTriageRows } from '@common/visits/triage'
import type { VisitDevice } from '@common/visits/visit-types'
import { devicePayload, snapshotOf } from '../snapshots/support'
import { asDeviceId } from '../../support/device-ids'

const FETCHED = '2025-03-15T11:00:00.000Z'
const prepared = (deviceId: string, fetchedAt = FETCHED): VisitDevice => ({ deviceId: asDeviceId(deviceId), origin: 'work-order', prepared: { snapshotId: `${deviceId}~20250315T110000000Z-00abcdef`, fetchedAt } })
/** 71 °C on an AC connector: over the 65 °C warning level. */
const hot = (id: string) => devicePayload(id, { connectors: [{ connector_id: 1, status: 'charging', power: 7.2, voltage: 223, current: 30.5, temperature: 71, last_telemetry_time: '2025-03-15T10:59:55Z' }] })
const offline = (id: string) => devicePayload(id, { status: 'offline', last_heartbeat: '2025-03-15T08:00:00Z' })

describe('triage', () => {
  it('judges a charger from its newest snapshot, at that snapshot\'s fetch time', () => {
    const row = buildTriageRow(prepared('dvc_000000000001'), snapshotOf('dvc_000000000001', hot('dvc_000000000001')))
    expect(row).toMatchObject({ worst: 'warning', status: 'online', siteId: 'site_001', model: 'AC-7kW-V2', snapshotId: expect.any(String), afterSnapshotId: null })
    expect(row.problem).toMatch(/71(\.0)? °C/)
    expect(needsAttention(row)).toBe(true)
  })

  it('carries the runbook of its worst finding that names one, so the board can open it', () => {
    const stuck = devicePayload('dvc_000000000009', { model: 'TP-DC180', connectors: [{ connector_id: 1, status: 'preparing', power: 0 }, { connector_id: 2, status: 'fault' }] })
    const row = buildTriageRow(prepared('dvc_000000000009'), snapshotOf('dvc_000000000009', stuck))
    expect(row.runbook).toEqual({ kind: 'runbook', id: 'charger-faulting-on-power-up', title: 'Charger faulting on power-up' })
    expect(buildTriageRow(prepared('dvc_000000000001'), snapshotOf('dvc_000000000001', hot('dvc_000000000001'))).runbook).toBeUndefined()
  })

  it('says why a charger has no offline copy', () => {
    const failed: VisitDevice = { deviceId: asDeviceId('dvc_000000000002'), origin: 'work-order', failure: { error: { kind: 'api', code: 3001, message: 'Device dvc_000000000002 was not found (3001).' }, at: FETCHED } }
    expect(buildTriageRow(failed, null)).toMatchObject({ snapshotId: null, worst: null, failed: true, problem: 'Not prepared: Device dvc_000000000002 was not found (3001).' })
    expect(buildTriageRow({ deviceId: asDeviceId('dvc_000000000003'), origin: 'recent' }, null).problem).toMatch(/No offline copy yet/)
  })

  it('marks a later fetch as the "after" of the prepared snapshot', () => {
    const device = prepared('dvc_000000000004')
    const later = snapshotOf('dvc_000000000004', devicePayload('dvc_000000000004'), '2025-03-15T12:00:00.000Z', 'dvc_000000000004~20250315T120000000Z-00abcdef')
    expect(buildTriageRow(device, later)).toMatchObject({ beforeSnapshotId: device.prepared!.snapshotId, afterSnapshotId: later.id })
    const same = snapshotOf('dvc_000000000004', devicePayload('dvc_000000000004'), FETCHED, device.prepared!.snapshotId)
    expect(buildTriageRow(device, same).afterSnapshotId).toBeNull()
  })

  it('sorts critical, warning, no offline copy, then the rest; equal ranks keep the work-list order', () => {
    const rows = [
      buildTriageRow(prepared('dvc_0000000000a1'), snapshotOf('dvc_0000000000a1', devicePayload('dvc_0000000000a1'))),
      buildTriageRow({ deviceId: asDeviceId('dvc_0000000000a2'), origin: 'work-order' }, null),
      buildTriageRow(prepared('dvc_0000000000a3'), snapshotOf('dvc_0000000000a3', hot('dvc_0000000000a3'))),
      buildTriageRow(prepared('dvc_0000000000a4'), snapshotOf('dvc_0000000000a4', offline('dvc_0000000000a4'))),
      buildTriageRow(prepared('dvc_0000000000a5'), snapshotOf('dvc_0000000000a5', hot('dvc_0000000000a5'))),
    ]
    const sorted = sortTriageRows(rows)
    expect(sorted.map((r) => [r.deviceId, r.worst])).toEqual([
      ['dvc_0000000000a4', 'critical'],
      ['dvc_0000000000a3', 'warning'],
      ['dvc_0000000000a5', 'warning'],
      ['dvc_0000000000a2', null],
      ['dvc_0000000000a1', sorted[4]!.worst],
    ])
    expect(sorted.map((r) => needsAttention(r))).toEqual([true, true, true, true, false])
  })
})
