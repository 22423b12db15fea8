/**
 * A small site visit on real files for the report tests: a visit with two DC chargers prepared at
 * the depot, one repaired on site (fetched again: its connector fault gone, firmware upgraded),
 * the other never fetched again, one recorded test charge, and the power-up runbook resolved on
 * the first and escalated on the second.
 */
import { join } from 'node:path'
import type { Visit } from '@common/visits/visit-types'
import { RecordingStore } from '@main/recordings/recording-store'
import type { ReportStores } from '@main/reports/report-sources'
import { RunbookStore } from '@main/runbooks/runbook-store'
import { SnapshotStore } from '@main/snapshots/snapshot-store'
import { VisitStore } from '@main/visits/visit-store'
import { asDeviceId } from '../../support/device-ids'
import { tempRoot, unwrap } from '../../support/common-fixtures'

export const REPAIRED = asDeviceId('dvc_3f9a1c7e5b20')
export const UNTOUCHED = asDeviceId('dvc_8b2e4d6f1a93')
export const VIN = 'WVWZZZ1KZAW123456'
const BASE = Date.parse('2026-11-23T07:00:00Z')
export const at = (minutes: number): number => BASE + minutes * 60_000

/** A DC charger payload; `fault` puts connector 2 in fault; `firmware` sets the version. */
export function dcCharger(deviceId: string, minutes: number, { fault, firmware }: { fault: boolean; firmware: string }): Record<string, unknown> {
  const time = new Date(at(minutes) - 5_000).toISOString()
  return {
    device_id: deviceId,
    sn: 'SN-TP-0042',
    model: 'TP-DC180',
    manufacturer: 'Tellus Power',
    firmware_version: firmware,
    status: 'online',
    last_heartbeat: time,
    site_id: 'site_north',
    connectors: [
      { connector_id: 1, status: 'idle', power: 0, voltage: 400, current: 0, energy_delivered: 0, soc: null, temperature: 31, last_telemetry_time: time },
      { connector_id: 2, status: fault ? 'fault' : 'idle', power: 0, voltage: 400, current: 0, energy_delivered: 0, soc: null, temperature: 33, last_telemetry_time: time },
    ],
  }
}

export interface VisitWorld {
  root: string
  stores: ReportStores
  snapshots: SnapshotStore
  visits: VisitStore
  recordings: RecordingStore
  runbooks: RunbookStore
  visit: Visit
  clock: { now: number }
  cleanup(): Promise<void>
}

/** Builds the visit on disk under a fresh temp folder. */
export async function visitWorld(): Promise<VisitWorld> {
  const { root, cleanup: removeRoot } = await tempRoot('tellus-report-')
  const clock = { now: at(0) }
  const now = () => clock.now
  const snapshots = new SnapshotStore({ root: join(root, 'snapshots'), now })
  const visits = new VisitStore(join(root, 'visits'), now)
  const recordings = new RecordingStore({ root: join(root, 'recordings'), now, syncIntervalMs: 0 })
  const runbooks = new RunbookStore(join(root, 'runbook-sessions'), now)
  const save = async (deviceId: string, minutes: number, data: unknown) =>
    unwrap(await snapshots.save({ deviceId, fetchedAt: new Date(at(minutes)).toISOString(), profileId: 'p1', profileName: 'Depot', baseUrl: 'https://api.example.com/v1', data }))

  const created = unwrap(await visits.create({ name: 'Depot North', site: 'North car park', notes: `Customer car ${VIN} waits at bay 2.` }))
  const before1 = await save(REPAIRED, 1, dcCharger(REPAIRED, 1, { fault: true, firmware: '3.0.2' }))
  const before2 = await save(UNTOUCHED, 2, dcCharger(UNTOUCHED, 2, { fault: true, firmware: '3.1.0' }))
  const visit = unwrap(
    await visits.update(created.id, (v) => ({
      ok: true,
      value: {
        ...v,
        devices: [
          { deviceId: REPAIRED, origin: 'work-order', prepared: { snapshotId: before1.id, fetchedAt: before1.fetchedAt } },
          { deviceId: UNTOUCHED, origin: 'work-order', prepared: { snapshotId: before2.id, fetchedAt: before2.fetchedAt } },
        ],
      },
    })),
  )
  // On site, 90 minutes later: a test charge on the repaired charger, then a fetch after the repair.
  clock.now = at(90)
  unwrap(await recordings.start({ deviceId: REPAIRED, profileName: 'Depot', baseUrl: 'https://api.example.com/v1' }))
  for (let i = 0; i < 30; i++) {
    clock.now = at(90) + i * 10_000
    await recordings.append({
      receivedAt: clock.now,
      frame: { device_id: REPAIRED, timestamp: new Date(clock.now).toISOString(), connectors: [{ connector_id: 2, state: 'charging', power: Math.min(150, i * 10), energy_delivered: i * 0.3, soc: 40 + i }] },
    })
  }
  clock.now = at(95)
  unwrap(await recordings.stop(REPAIRED))
  // The power-up runbook walked to a resolution on the repaired charger, escalated on the other.
  clock.now = at(96)
  const iso = (minutes: number) => new Date(at(minutes)).toISOString()
  unwrap(
    await runbooks.create({
      runbookId: 'charger-faulting-on-power-up',
      runbookTitle: 'Charger faulting on power-up',
      deviceId: REPAIRED,
      visitId: created.id,
      status: 'resolved',
      currentStepId: null,
      steps: [
        { stepId: 'heartbeat', title: 'Heartbeat after the reboot', kind: 'auto', outcome: 'pass', evidence: 'heartbeat 12 s old at 08:33:10', evidenceAt: iso(93), usedOfflineCopy: false, note: null, at: iso(93) },
        { stepId: 'contactor', title: 'Replace the contactor', kind: 'manual', outcome: 'done', evidence: null, evidenceAt: null, usedOfflineCopy: false, note: `Tested with ${VIN}`, at: iso(96) },
        { stepId: 'l2', title: 'Escalate to L2', kind: 'manual', outcome: 'skipped', evidence: null, evidenceAt: null, usedOfflineCopy: false, note: null, at: null },
      ],
      escalation: null,
    }),
  )
  clock.now = at(97)
  unwrap(
    await runbooks.create({
      runbookId: 'charger-faulting-on-power-up',
      runbookTitle: 'Charger faulting on power-up',
      deviceId: UNTOUCHED,
      visitId: created.id,
      status: 'escalated',
      currentStepId: null,
      steps: [{ stepId: 'supply', title: 'Supply voltage in the nominal envelope', kind: 'auto', outcome: 'fail', evidence: 'L1 372 V, outside 400 V ±5 % (380–420 V)', evidenceAt: iso(2), usedOfflineCopy: true, note: null, at: iso(97) }],
      escalation: { at: iso(97), attachments: ['Fault code: F-0203', `Vehicle: ${VIN}`], note: 'Site supply looks low.' },
    }),
  )
  await save(REPAIRED, 100, dcCharger(REPAIRED, 100, { fault: false, firmware: '3.1.0' }))
  clock.now = at(101)

  return {
    root,
    stores: { visits, snapshots, recordings, runbooks },
    snapshots,
    visits,
    recordings,
    runbooks,
    visit,
    clock,
    cleanup: async () => {
      await snapshots.flush()
      await removeRoot()
    },
  }
}
