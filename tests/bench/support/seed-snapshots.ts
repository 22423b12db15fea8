/**
 * Writes a snapshot store the way the app leaves it, fast: one file per snapshot and one index per
 * device, from the store's own serialisation (`prepareSnapshot`, `metaOf`), without fsync. A
 * benchmark then opens it like the app would (the first open writes the catalog).
 */
import { mkdir, writeFile } from 'node:fs/promises'
import { join } from 'node:path'
import { mapLimited } from '@main/snapshots/map-limited'
import { SnapshotIdGenerator } from '@main/snapshots/snapshot-id'
import { INDEX_FORMAT_VERSION, metaOf, newestFirst, prepareSnapshot, type DeviceIndexFile } from '@main/snapshots/stored-snapshot'

const START = Date.parse('2025-01-01T00:00:00Z')

/** The bench fleet's device id number `index`. */
export const benchDeviceId = (index: number) => `dvc_${index.toString(16).padStart(12, '0')}`

/** A device response like the API's, varying by round. */
export function benchDevice(index: number, round: number): unknown {
  return {
    device_id: benchDeviceId(index),
    sn: `SN${String(index).padStart(10, '0')}`,
    model: index % 2 ? 'AC-22kW-V3' : 'TP-DC180',
    manufacturer: 'ChargeTech',
    firmware_version: `2.${round % 4}.0`,
    status: round % 7 ? 'online' : 'offline',
    last_heartbeat: new Date(START + round * 60_000).toISOString(),
    site_id: `site_${String(index % 20).padStart(3, '0')}`,
    connectors: [1, 2, 3, 4].map((connector_id) => ({
      connector_id,
      status: (round + connector_id) % 3 ? 'idle' : 'charging',
      power: 7.2 * connector_id,
      voltage: 229.5,
      current: 31.4,
      energy_delivered: round * 0.5,
      soc: (round * 3) % 100,
      temperature: 30 + connector_id,
      last_telemetry_time: new Date(START + round * 60_000).toISOString(),
    })),
  }
}

/** Save input for device `index` in round `round` (one minute apart). */
export function benchInput(index: number, round: number) {
  return {
    deviceId: benchDeviceId(index),
    fetchedAt: new Date(START + round * 60_000 + index).toISOString(),
    profileId: 'prof_1',
    profileName: 'Bench operator',
    baseUrl: 'https://api.example.com/v1',
    data: benchDevice(index, round),
  }
}

/** Seeds `devices` x `perDevice` snapshots under `<root>/devices`. */
export async function seedSnapshots(root: string, devices: number, perDevice: number): Promise<void> {
  const ids = new SnapshotIdGenerator()
  await mapLimited(
    Array.from({ length: devices }, (_, index) => index),
    16,
    async (index) => {
      const dir = join(root, 'devices', benchDeviceId(index))
      await mkdir(dir, { recursive: true })
      const metas = []
      for (let round = 0; round < perDevice; round++) {
        const prepared = prepareSnapshot(benchInput(index, round), ids)
        if (!prepared.ok) throw new Error(prepared.error.message)
        await writeFile(join(dir, `${prepared.value.snapshot.id}.json`), prepared.value.json)
        metas.push(metaOf(prepared.value.snapshot))
      }
      const file: DeviceIndexFile = { formatVersion: INDEX_FORMAT_VERSION, deviceId: benchDeviceId(index), items: metas.sort(newestFirst) }
      await writeFile(join(dir, 'index.json'), JSON.stringify(file))
    },
  )
}
