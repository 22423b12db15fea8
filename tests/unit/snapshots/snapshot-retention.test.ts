import { readdir } from 'node:fs/promises'
import { join } from 'node:path'
import { afterEach, beforeEach, describe, expect, it } from 'vitest'
import { SnapshotStore } from '@main/snapshots/snapshot-store'
import { saveInput } from './support'
import { tempRoot, unwrap } from '../../support/common-fixtures'
import { asDeviceId } from '../../support/device-ids'

let root: string
let cleanup: () => Promise<void>
beforeEach(async () => ({ root, cleanup } = await tempRoot()))
afterEach(() => cleanup())

const snapshotFiles = async (deviceId: string) => (await readdir(join(root, 'devices', deviceId))).filter((name) => name !== 'index.json')

describe('SnapshotStore retention', () => {
  it('keeps the newest 50 per device by default: the 51st save drops the oldest', async () => {
    const store = new SnapshotStore({ root })
    const ids: string[] = []
    for (let minute = 0; minute < 50; minute++) ids.push(unwrap(await store.save(saveInput('dvc_busy', minute))).id)
    const other = unwrap(await store.save(saveInput('dvc_quiet', 0)))
    expect(unwrap(await store.list({ deviceId: asDeviceId('dvc_busy') })).items).toHaveLength(50)

    const newest = unwrap(await store.save(saveInput('dvc_busy', 50)))
    const listed = unwrap(await store.list({ deviceId: asDeviceId('dvc_busy') })).items.map((meta) => meta.id)
    expect(listed).toHaveLength(50)
    expect(listed[0]).toBe(newest.id)
    expect(listed).not.toContain(ids[0])
    expect(listed).toContain(ids[1])
    expect(await snapshotFiles('dvc_busy')).toHaveLength(50)
    expect((await snapshotFiles('dvc_busy')).some((name) => name.startsWith(ids[0]!))).toBe(false)
    expect(await store.get(ids[0]!)).toMatchObject({ ok: false, error: { kind: 'storage' } })
    expect(unwrap(await store.get(other.id)).id).toBe(other.id)
    expect(unwrap(await new SnapshotStore({ root }).list({ deviceId: asDeviceId('dvc_busy') })).items.map((meta) => meta.id)).toEqual(listed)
  })

  it('applies a configured retention on save', async () => {
    const store = new SnapshotStore({ root, retentionPerDevice: 2 })
    for (let minute = 0; minute < 4; minute++) unwrap(await store.save(saveInput('dvc_a', minute)))
    const fetched = unwrap(await store.list()).items.map((meta) => meta.fetchedAt)
    expect(fetched).toEqual(['2025-03-15T11:03:00.000Z', '2025-03-15T11:02:00.000Z'])
    expect(await snapshotFiles('dvc_a')).toHaveLength(2)
  })

  it('prunes at once when the retention is lowered, and applies it to later saves', async () => {
    const store = new SnapshotStore({ root })
    for (let minute = 0; minute < 5; minute++) {
      unwrap(await store.save(saveInput('dvc_a', minute)))
      unwrap(await store.save(saveInput('dvc_b', minute)))
    }
    unwrap(await store.save(saveInput('dvc_c', 0)))
    expect(unwrap(await store.setRetention(3))).toEqual({ deleted: 4 })
    expect(store.retentionPerDevice).toBe(3)
    const fresh = unwrap(await new SnapshotStore({ root }).list()).items
    expect(fresh.filter((meta) => meta.deviceId === 'dvc_a').map((meta) => meta.fetchedAt)).toEqual([
      '2025-03-15T11:04:00.000Z',
      '2025-03-15T11:03:00.000Z',
      '2025-03-15T11:02:00.000Z',
    ])
    expect(fresh.filter((meta) => meta.deviceId === 'dvc_c')).toHaveLength(1)
    unwrap(await store.save(saveInput('dvc_a', 9)))
    expect(await snapshotFiles('dvc_a')).toHaveLength(3)
  })

  it('does not prune when the store opens (a lower default must not delete before settings apply)', async () => {
    const big = new SnapshotStore({ root, retentionPerDevice: 10 })
    for (let minute = 0; minute < 6; minute++) unwrap(await big.save(saveInput('dvc_a', minute)))
    const small = new SnapshotStore({ root, retentionPerDevice: 2 })
    expect(unwrap(await small.list()).items).toHaveLength(6)
    expect(await snapshotFiles('dvc_a')).toHaveLength(6)
  })

  it('stays consistent under concurrent saves (one writer queue per store)', async () => {
    const store = new SnapshotStore({ root, retentionPerDevice: 5 })
    const results = await Promise.all(Array.from({ length: 24 }, (_, i) => store.save(saveInput(i % 2 ? 'dvc_a' : 'dvc_b', i))))
    expect(results.every((result) => result.ok)).toBe(true)
    for (const deviceId of [asDeviceId('dvc_a'), asDeviceId('dvc_b')]) {
      const listed = unwrap(await store.list({ deviceId })).items.map((meta) => `${meta.id}.json`)
      expect(listed).toHaveLength(5)
      expect((await snapshotFiles(deviceId)).sort()).toEqual([...listed].sort())
      expect(unwrap(await new SnapshotStore({ root }).list({ deviceId })).items.map((meta) => `${meta.id}.json`)).toEqual(listed)
    }
  })

  it('refuses a retention that is not a whole number from 1 to 10,000', async () => {
    const store = new SnapshotStore({ root })
    for (const bad of [0, -1, 1.5, 10_001, Number.NaN]) {
      expect(await store.setRetention(bad)).toMatchObject({ ok: false, error: { kind: 'invalid-input' } })
    }
    expect(store.retentionPerDevice).toBe(50)
    expect(() => new SnapshotStore({ root, retentionPerDevice: 0 })).toThrow(RangeError)
  })
})
