import { readdir, readFile } from 'node:fs/promises'
import { join } from 'node:path'
import { afterEach, beforeEach, describe, expect, it } from 'vitest'
import { SNAPSHOT_ID_PATTERN } from '@main/snapshots/snapshot-id'
import { SnapshotStore } from '@main/snapshots/snapshot-store'
import { devicePayload, saveInput } from './support'
import { tempRoot, unwrap } from '../../support/common-fixtures'
import { asDeviceId } from '../../support/device-ids'

let root: string
let cleanup: () => Promise<void>
beforeEach(async () => ({ root, cleanup } = await tempRoot()))
afterEach(() => cleanup())

describe('SnapshotStore: save, get, list', () => {
  it('saves one JSON file per snapshot and reads it back exactly', async () => {
    const store = new SnapshotStore({ root })
    const saved = unwrap(await store.save(saveInput('dvc_a1b2c3d4e5f6')))
    expect(saved).toMatchObject({ schemaVersion: 1, deviceId: 'dvc_a1b2c3d4e5f6', fetchedAt: '2025-03-15T11:00:00.000Z', profileName: 'Depot operator' })
    expect(saved.data).toEqual(devicePayload('dvc_a1b2c3d4e5f6'))
    expect(saved.id).toMatch(SNAPSHOT_ID_PATTERN)
    expect(saved.id.startsWith('dvc_a1b2c3d4e5f6~20250315T110000000Z-')).toBe(true)

    const onDisk = JSON.parse(await readFile(join(root, 'devices', 'dvc_a1b2c3d4e5f6', `${saved.id}.json`), 'utf8'))
    expect(onDisk).toEqual(saved)
    expect(unwrap(await new SnapshotStore({ root }).get(saved.id))).toEqual(saved)
  })

  it('gives unique, save-ordered ids to saves in the same millisecond', async () => {
    const store = new SnapshotStore({ root })
    const ids: string[] = []
    for (let i = 0; i < 5; i++) ids.push(unwrap(await store.save(saveInput('dvc_same'))).id)
    expect(new Set(ids).size).toBe(5)
    expect([...ids].sort()).toEqual(ids)
    const listed = unwrap(await store.list({ deviceId: asDeviceId('dvc_same') })).items.map((meta) => meta.id)
    expect(listed).toEqual([...ids].reverse())
  })

  it('lists newest first with metadata from the payload, without the payload', async () => {
    const store = new SnapshotStore({ root })
    unwrap(await store.save(saveInput('dvc_one', 1)))
    unwrap(await store.save(saveInput('dvc_two', 3, devicePayload('dvc_two', { site_id: 'site_002', status: 'offline', model: 'TP-DC180', firmware_version: '3.0.1' }))))
    unwrap(await store.save(saveInput('dvc_one', 2)))
    const list = unwrap(await new SnapshotStore({ root }).list())
    expect(list.quarantined).toEqual([])
    expect(list.items.map((meta) => [meta.deviceId, meta.fetchedAt])).toEqual([
      ['dvc_two', '2025-03-15T11:03:00.000Z'],
      ['dvc_one', '2025-03-15T11:02:00.000Z'],
      ['dvc_one', '2025-03-15T11:01:00.000Z'],
    ])
    expect(list.items[0]).toEqual({
      id: expect.any(String),
      deviceId: 'dvc_two',
      fetchedAt: '2025-03-15T11:03:00.000Z',
      profileId: 'prof_1',
      profileName: 'Depot operator',
      siteId: 'site_002',
      model: 'TP-DC180',
      status: 'offline',
      firmwareVersion: '3.0.1',
    })
    expect(list.items[0]).not.toHaveProperty('data')
  })

  it('filters by device and site, and honours the limit', async () => {
    const store = new SnapshotStore({ root })
    for (let minute = 0; minute < 4; minute++) {
      unwrap(await store.save(saveInput('dvc_north', minute, devicePayload('dvc_north', { site_id: 'site_north' }))))
      unwrap(await store.save(saveInput('dvc_south', minute, devicePayload('dvc_south', { site_id: 'site_south' }))))
    }
    expect(unwrap(await store.list({ deviceId: asDeviceId('dvc_north') })).items.every((meta) => meta.deviceId === 'dvc_north')).toBe(true)
    expect(unwrap(await store.list({ deviceId: asDeviceId('dvc_north') })).items).toHaveLength(4)
    expect(unwrap(await store.list({ siteId: 'site_south' })).items.map((meta) => meta.deviceId)).toEqual(Array(4).fill('dvc_south'))
    const limited = unwrap(await store.list({ limit: 3 })).items
    expect(limited.map((meta) => meta.fetchedAt)).toEqual(['2025-03-15T11:03:00.000Z', '2025-03-15T11:03:00.000Z', '2025-03-15T11:02:00.000Z'])
    expect(unwrap(await store.list({ deviceId: asDeviceId('dvc_unknown') })).items).toEqual([])
  })

  it('keeps listings independent of what a caller does with them', async () => {
    const store = new SnapshotStore({ root })
    unwrap(await store.save(saveInput('dvc_one')))
    const first = unwrap(await store.list())
    first.items[0]!.deviceId = 'tampered'
    expect(unwrap(await store.list()).items[0]!.deviceId).toBe('dvc_one')
  })

  it('returns the newest snapshot of a device, or null', async () => {
    const store = new SnapshotStore({ root })
    expect(unwrap(await store.latest(asDeviceId('dvc_one')))).toBeNull()
    unwrap(await store.save(saveInput('dvc_one', 5)))
    const newest = unwrap(await store.save(saveInput('dvc_one', 9)))
    unwrap(await store.save(saveInput('dvc_one', 7)))
    expect(unwrap(await store.latest(asDeviceId('dvc_one')))).toEqual(newest)
  })

  it('refuses input it cannot store', async () => {
    const store = new SnapshotStore({ root })
    const badTime = await store.save({ ...saveInput('dvc_one'), fetchedAt: 'yesterday' })
    expect(badTime).toMatchObject({ ok: false, error: { kind: 'invalid-input' } })
    const circular: Record<string, unknown> = {}
    circular.self = circular
    expect(await store.save(saveInput('dvc_one', 0, circular))).toMatchObject({ ok: false, error: { kind: 'invalid-input' } })
    expect(await store.save({ ...saveInput('dvc_one'), data: undefined })).toMatchObject({ ok: false, error: { kind: 'invalid-input' } })
    expect(await readdir(root)).toEqual([])
  })

  it('reports a valid id that is not stored as a storage error', async () => {
    const store = new SnapshotStore({ root })
    const result = await store.get('dvc_one~20250315T110000000Z-00abcdef')
    expect(result).toMatchObject({ ok: false, error: { kind: 'storage' } })
  })
})

describe('SnapshotStore: delete', () => {
  it('deletes one snapshot, one device, or everything', async () => {
    const store = new SnapshotStore({ root })
    const a1 = unwrap(await store.save(saveInput('dvc_a', 1)))
    unwrap(await store.save(saveInput('dvc_a', 2)))
    unwrap(await store.save(saveInput('dvc_b', 1)))
    unwrap(await store.save(saveInput('dvc_c', 1)))

    expect(unwrap(await store.delete(a1.id))).toEqual({ deleted: 1 })
    expect(unwrap(await store.delete(a1.id))).toEqual({ deleted: 0 })
    expect((await store.get(a1.id)).ok).toBe(false)
    expect(unwrap(await new SnapshotStore({ root }).list({ deviceId: asDeviceId('dvc_a') })).items).toHaveLength(1)

    expect(unwrap(await store.deleteDevice(asDeviceId('dvc_a')))).toEqual({ deleted: 1 })
    expect(await readdir(join(root, 'devices'))).not.toContain('dvc_a')
    expect(unwrap(await store.list()).items.map((meta) => meta.deviceId).sort()).toEqual(['dvc_b', 'dvc_c'])

    expect(unwrap(await store.deleteAll())).toEqual({ deleted: 2 })
    expect(unwrap(await store.list()).items).toEqual([])
    expect(unwrap(await new SnapshotStore({ root }).list()).items).toEqual([])
    unwrap(await store.save(saveInput('dvc_b', 3)))
    expect(unwrap(await store.list()).items).toHaveLength(1)
  })

  it('removes a device folder when its last snapshot is deleted', async () => {
    const store = new SnapshotStore({ root })
    const only = unwrap(await store.save(saveInput('dvc_a')))
    unwrap(await store.delete(only.id))
    expect(await readdir(join(root, 'devices'))).toEqual([])
  })
})
