/**
 * Chargers found in the operator's charging records: the ids taken from records (checked,
 * deduplicated, counted, newest session first), and the search over real HTTP to the simulator:
 * no device id sent, full pages within the pacing, bounded, site and model from snapshots on disk.
 */
import { afterEach, beforeEach, describe, expect, it } from 'vitest'
import { MAX_RECORD_SEARCH_PAGES } from '@common/visits/charging-record-devices'
import { SnapshotStore } from '@main/snapshots/snapshot-store'
import { TellusClient } from '@main/tellus/tellus-client'
import { devicesInRecords, searchRecordDevices } from '@main/visits/record-device-search'
import { saveInput } from '../snapshots/support'
import { tempRoot, unwrap } from '../../support/common-fixtures'
import { useSimulators } from '../tellus/support'

const startSimulator = useSimulators()

describe('devicesInRecords', () => {
  it.each([
    { name: 'no records', records: [], devices: [], badIds: 0 },
    {
      name: 'one charger, three sessions: counted once, its newest session kept',
      records: [
        { device_id: 'dvc_a1b2c3d4e5f6', start_time: '2026-05-01T08:00:00Z' },
        { device_id: 'dvc_a1b2c3d4e5f6', start_time: '2026-05-01T11:30:00Z' },
        { device_id: 'dvc_a1b2c3d4e5f6', start_time: '2026-04-30T22:10:00Z' },
      ],
      devices: [{ deviceId: 'dvc_a1b2c3d4e5f6', sessions: 3, lastSessionAt: '2026-05-01T11:30:00Z' }],
      badIds: 0,
    },
    {
      name: 'several chargers in any order: newest session first, ties by id',
      records: [
        { device_id: 'dvc_c47d19e2a6f8', start_time: '2026-05-01T07:00:00Z' },
        { device_id: 'dvc_8b2e4d6f1a93', start_time: '2026-05-01T09:00:00Z' },
        { device_id: 'dvc_3f9a1c7e5b20', start_time: '2026-05-01T09:00:00Z' },
        { device_id: 'dvc_c47d19e2a6f8', start_time: '2026-04-29T07:00:00Z' },
      ],
      devices: [
        { deviceId: 'dvc_3f9a1c7e5b20', sessions: 1, lastSessionAt: '2026-05-01T09:00:00Z' },
        { deviceId: 'dvc_8b2e4d6f1a93', sessions: 1, lastSessionAt: '2026-05-01T09:00:00Z' },
        { deviceId: 'dvc_c47d19e2a6f8', sessions: 2, lastSessionAt: '2026-05-01T07:00:00Z' },
      ],
      badIds: 0,
    },
    {
      name: 'ids that break the device-id rule are left out and counted',
      records: [
        { device_id: '../oauth/token', start_time: '2026-05-01T07:00:00Z' },
        { device_id: 'dvc 1', start_time: '2026-05-01T07:00:00Z' },
        { device_id: 'dvc_e5a7c9b1d3f4', start_time: 'not a time' },
      ],
      devices: [{ deviceId: 'dvc_e5a7c9b1d3f4', sessions: 1, lastSessionAt: 'not a time' }],
      badIds: 2,
    },
  ])('$name', ({ records, devices, badIds }) => {
    expect(devicesInRecords(records)).toEqual({ devices, badIds })
  })
})

describe('searchRecordDevices over the simulator', () => {
  let root: string
  let cleanup: () => Promise<void>
  beforeEach(async () => ({ root, cleanup } = await tempRoot()))
  afterEach(() => cleanup())

  it('reads full pages of the whole operator (no device id) and names every charger with its sessions', async () => {
    const { sim, time, clientOptions } = await startSimulator()
    const client = new TellusClient(clientOptions())
    const snapshots = new SnapshotStore({ root, now: time.now })
    const first = sim.deviceIds[0]!
    unwrap(await snapshots.save(saveInput(first)))
    const found = unwrap(await searchRecordDevices(1, { source: client, latestSnapshot: (id) => snapshots.latest(id), now: time.now }))

    const reads = sim.control.requests().filter((r) => r.path.includes('charging-records'))
    expect(reads).toHaveLength(found.pages)
    expect(reads.every((r) => r.status === 200 && !r.path.includes('device_id') && r.path.includes('size=100') && r.path.includes('start_time='))).toBe(true)
    expect(found).toMatchObject({ days: 1, truncated: false, badIds: 0 })
    expect(found.recordsRead).toBe(found.recordsTotal)
    expect(found.devices.length).toBeGreaterThan(1)
    expect(found.devices.reduce((sum, d) => sum + d.sessions, 0)).toBe(found.recordsRead)
    expect(new Set(found.devices.map((d) => d.deviceId)).size).toBe(found.devices.length)
    const times = found.devices.map((d) => d.lastSessionAt)
    expect(times).toEqual([...times].sort().reverse())
    expect(found.devices.every((d) => sim.deviceIds.includes(d.deviceId))).toBe(true)
    // Site and model come from the snapshot on disk when there is one, and are unknown otherwise.
    const known = found.devices.find((d) => d.deviceId === first)
    expect(known).toMatchObject({ siteId: 'site_001', model: 'AC-7kW-V2' })
    expect(found.devices.filter((d) => d.deviceId !== first).every((d) => d.siteId === null && d.model === null)).toBe(true)
  })

  it(`reads at most ${MAX_RECORD_SEARCH_PAGES} pages and says the rest was not read`, async () => {
    const { sim, time, clientOptions } = await startSimulator()
    const client = new TellusClient(clientOptions())
    const found = unwrap(await searchRecordDevices(30, { source: client, latestSnapshot: async () => ({ ok: true, value: null }), now: time.now }))
    expect(sim.control.requests().filter((r) => r.path.includes('charging-records'))).toHaveLength(MAX_RECORD_SEARCH_PAGES)
    expect(found).toMatchObject({ pages: MAX_RECORD_SEARCH_PAGES, recordsRead: MAX_RECORD_SEARCH_PAGES * 100, truncated: true })
    expect(found.recordsTotal).toBeGreaterThan(found.recordsRead)
  })

  it('fails with the client error when the network is down (no partial list)', async () => {
    const { sim, time, clientOptions } = await startSimulator()
    const client = new TellusClient(clientOptions({ retry: { maxAttempts: 1 } }))
    sim.control.setFault('*', { kind: 'connection-reset' })
    const result = await searchRecordDevices(7, { source: client, latestSnapshot: async () => ({ ok: true, value: null }), now: time.now })
    expect(result).toMatchObject({ ok: false, error: { kind: 'network' } })
  })
})
