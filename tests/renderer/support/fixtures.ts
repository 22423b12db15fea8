/** Device responses, snapshots and triage-board rows for renderer tests. */
import type { DeviceFetch } from '@common/ipc/contract'
import { SNAPSHOT_SCHEMA_VERSION, type Snapshot, type SnapshotMeta } from '@common/snapshot-types'
import { DeviceSchema } from '@common/tellus/schemas'
import type { TriageRow } from '@common/visits/visit-types'

/** A device `data` payload: a TP-DC180 on 3.0.1 (behind, inside the F-0421 range), two connectors. */
export function deviceData(overrides: Record<string, unknown> = {}, now = Date.now()): Record<string, unknown> {
  const at = (msAgo: number) => new Date(now - msAgo).toISOString()
  return {
    device_id: 'dvc_a1b2c3d4e5f6',
    sn: 'TP180-2303-00457',
    model: 'TP-DC180',
    manufacturer: 'Tellus Power',
    firmware_version: '3.0.1',
    status: 'online',
    last_heartbeat: at(8_000),
    site_id: 'site_001',
    connectors: [
      { connector_id: 1, status: 'charging', power: 120.4, voltage: 398, current: 302.5, energy_delivered: 18.25, soc: 54, temperature: 41, last_telemetry_time: at(4_000) },
      { connector_id: 2, status: 'idle', power: 0, voltage: 0, current: 0, energy_delivered: 0, temperature: 82, last_telemetry_time: at(4_000) },
    ],
    ...overrides,
  }
}

/** A snapshot around a device payload. */
export function snapshotOf(data: Record<string, unknown>, fields: Partial<Snapshot> = {}): Snapshot {
  const deviceId = typeof data['device_id'] === 'string' ? data['device_id'] : 'dvc_unknown'
  return {
    schemaVersion: SNAPSHOT_SCHEMA_VERSION,
    id: `snap-${deviceId}-${fields.fetchedAt ?? 'now'}`,
    deviceId,
    fetchedAt: new Date().toISOString(),
    profileId: 'demo',
    profileName: 'Demo fleet',
    baseUrl: 'http://127.0.0.1:4010',
    data,
    ...fields,
  }
}

/** A live lookup of a device payload, parsed and kept as a snapshot (what main answers when all went well). */
export function liveFetch(data: Record<string, unknown>, fields: Partial<Snapshot> = {}): DeviceFetch {
  return { source: 'live', saved: true, snapshot: snapshotOf(data, fields), device: DeviceSchema.parse(data) }
}

/** Snapshot metadata for the recent-devices list. */
export function metaOf(deviceId: string, fetchedAt: string, fields: Partial<SnapshotMeta> = {}): SnapshotMeta {
  return {
    id: `snap-${deviceId}-${fetchedAt}`,
    deviceId,
    fetchedAt,
    profileId: 'demo',
    profileName: 'Demo fleet',
    siteId: 'site_001',
    model: 'TP-DC180',
    status: 'online',
    firmwareVersion: '3.1.0',
    ...fields,
  }
}

/** A triage-board row of a healthy charger prepared at 07:30, with `extra` fields. */
export function triageRow(deviceId: string, extra: Partial<TriageRow> = {}): TriageRow {
  return {
    deviceId,
    snapshotId: `${deviceId}~20260501T073000000Z-00abcdef`,
    fetchedAt: '2026-05-01T07:30:00.000Z',
    siteId: 'site_001',
    model: 'AC-7kW-V2',
    status: 'online',
    worst: null,
    problem: 'No findings',
    findingCount: 0,
    beforeSnapshotId: null,
    afterSnapshotId: null,
    failed: false,
    history: null,
    ...extra,
  }
}
