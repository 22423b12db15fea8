/** Shared fixtures for the snapshot tests: device payloads, save inputs, fs errors. */
import type { Snapshot } from '@common/snapshot-types'
import type { SaveSnapshotInput } from '@main/snapshots/stored-snapshot'

/** A device payload like `GET /v1/operator/devices/{id}` returns. */
export function devicePayload(deviceId: string, overrides: Record<string, unknown> = {}): Record<string, unknown> {
  return {
    device_id: deviceId,
    sn: 'SN1234567890',
    model: 'AC-7kW-V2',
    manufacturer: 'ChargeTech',
    firmware_version: '2.1.0',
    status: 'online',
    last_heartbeat: '2025-03-15T11:00:00Z',
    site_id: 'site_001',
    connectors: [
      { connector_id: 1, status: 'charging', power: 7.2, voltage: 223, current: 30.5, energy_delivered: 12.4, soc: 55, temperature: 38, last_telemetry_time: '2025-03-15T10:59:55Z' },
      { connector_id: 2, status: 'idle', power: 0, voltage: 224, current: 0, energy_delivered: 0, soc: null, temperature: 31, last_telemetry_time: '2025-03-15T10:59:50Z' },
    ],
    ...overrides,
  }
}

/** Save input for `deviceId` fetched `minute` minutes after a fixed start. */
export function saveInput(deviceId: string, minute = 0, data: unknown = devicePayload(deviceId)): SaveSnapshotInput {
  return {
    deviceId,
    fetchedAt: new Date(Date.parse('2025-03-15T11:00:00Z') + minute * 60_000).toISOString(),
    profileId: 'prof_1',
    profileName: 'Depot operator',
    baseUrl: 'https://api.example.com/v1',
    data,
  }
}

/** A snapshot value for pure tests (compare, export). */
export function snapshotOf(deviceId: string, data: unknown, fetchedAt = '2025-03-15T11:00:00.000Z', id = `${deviceId}~20250315T110000000Z-00abcdef`): Snapshot {
  return { schemaVersion: 1, id, deviceId, fetchedAt, profileId: 'prof_1', profileName: 'Depot operator', baseUrl: 'https://api.example.com/v1', data }
}

/** An error shaped like Node's fs errors. */
export function fsError(code: string): NodeJS.ErrnoException {
  return Object.assign(new Error(`${code}: simulated`), { code })
}

