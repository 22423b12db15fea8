import { chmod, mkdir, readdir, readFile, rm, stat, writeFile } from 'node:fs/promises'
import { join } from 'node:path'
import { afterEach, beforeEach, describe, expect, it } from 'vitest'
import { nodeSnapshotFs, type SnapshotFs } from '@main/snapshots/snapshot-fs'
import { SnapshotStore } from '@main/snapshots/snapshot-store'
import { fsError, saveInput } from './support'
import { tempRoot, unwrap } from '../../support/common-fixtures'
import { asDeviceId } from '../../support/device-ids'

let root: string
let cleanup: () => Promise<void>
beforeEach(async () => ({ root, cleanup } = await tempRoot()))
afterEach(() => cleanup())

const deviceDir = (deviceId: string) => join(root, 'devices', deviceId)
const fileOf = (id: string) => join(deviceDir(id.split('~')[0]!), `${id}.json`)
const quarantined = async () => readdir(join(root, 'quarantine')).catch(() => [] as string[])

describe('SnapshotStore: damaged files are moved aside, never fatal', () => {
  it('quarantines an unreadable file found on open and lists the rest', async () => {
    const good = unwrap(await new SnapshotStore({ root }).save(saveInput('dvc_a', 1)))
    const badId = 'dvc_a~20250315T120000000Z-00abcdef'
    await writeFile(fileOf(badId), '{"schemaVersion": 1, "id": "dvc_a~2025')
    const store = new SnapshotStore({ root })
    const list = unwrap(await store.list())
    expect(list.items.map((meta) => meta.id)).toEqual([good.id])
    expect(list.quarantined).toHaveLength(1)
    expect(list.quarantined[0]).toMatchObject({ file: fileOf(badId), reason: expect.stringContaining('not valid JSON') })
    expect(list.quarantined[0]!.movedTo.startsWith(join(root, 'quarantine'))).toBe(true)
    expect(await readFile(list.quarantined[0]!.movedTo, 'utf8')).toBe('{"schemaVersion": 1, "id": "dvc_a~2025')
    await expect(stat(fileOf(badId))).rejects.toThrow()
    expect(unwrap(await store.list()).quarantined).toEqual([])
    expect(unwrap(await new SnapshotStore({ root }).list()).quarantined).toEqual([])
  })

  it('moves aside a listed snapshot that turns out damaged when opened, and falls back to an older one', async () => {
    const store = new SnapshotStore({ root, now: () => Date.parse('2025-04-01T08:00:00Z') })
    const older = unwrap(await store.save(saveInput('dvc_a', 1)))
    const newer = unwrap(await store.save(saveInput('dvc_a', 2)))
    await writeFile(fileOf(newer.id), 'garbage')

    const opened = await store.get(newer.id)
    expect(opened).toMatchObject({ ok: false, error: { kind: 'storage', message: expect.stringContaining('moved aside') } })
    expect(await quarantined()).toEqual([expect.stringMatching(/^20250401T080000000Z-[0-9a-f]{4}-dvc_a~.*\.json$/)])
    const list = unwrap(await store.list())
    expect(list.items.map((meta) => meta.id)).toEqual([older.id])
    expect(list.quarantined).toHaveLength(1)
    expect(unwrap(await store.latest(asDeviceId('dvc_a')))?.id).toBe(older.id)
    expect(unwrap(await new SnapshotStore({ root }).list()).items.map((meta) => meta.id)).toEqual([older.id])
  })

  it('latest skips damaged snapshots and returns null when none is readable', async () => {
    const store = new SnapshotStore({ root })
    const only = unwrap(await store.save(saveInput('dvc_a', 1)))
    await writeFile(fileOf(only.id), '[]')
    expect(unwrap(await store.latest(asDeviceId('dvc_a')))).toBeNull()
    expect(await quarantined()).toHaveLength(1)
  })

  it.each([
    ['valid JSON that is not a snapshot', (id: string) => JSON.stringify({ hello: 'world', id }), 'not a snapshot'],
    ['a snapshot from a newer app version', (id: string) => JSON.stringify({ schemaVersion: 99, id, deviceId: 'dvc_a', data: {} }), 'newer version'],
    ['content of another snapshot', () => JSON.stringify({ schemaVersion: 1, id: 'dvc_a~20200101T000000000Z-00000000', deviceId: 'dvc_a', fetchedAt: '2020-01-01T00:00:00.000Z', profileId: 'p', profileName: 'P', baseUrl: 'https://x', data: {} }), 'another snapshot'],
    ['an empty file', () => '', 'not valid JSON'],
  ])('quarantines %s', async (_name, content, reason) => {
    unwrap(await new SnapshotStore({ root }).save(saveInput('dvc_a', 1)))
    const id = 'dvc_a~20250315T130000000Z-00abcdef'
    await writeFile(fileOf(id), content(id))
    const list = unwrap(await new SnapshotStore({ root }).list())
    expect(list.items).toHaveLength(1)
    expect(list.quarantined).toEqual([expect.objectContaining({ file: fileOf(id), reason: expect.stringContaining(reason) })])
  })

  it('never lists temp files left by a killed save, and removes them on open', async () => {
    const saved = unwrap(await new SnapshotStore({ root }).save(saveInput('dvc_a', 1)))
    const temp = `${fileOf('dvc_a~20250315T140000000Z-00abcdef')}.tmp-0123456789ab`
    await writeFile(temp, '{"schemaVersion": 1, "id": "dvc_a~20250315T1400')
    await writeFile(join(deviceDir('dvc_a'), 'index.json.tmp-aaaaaaaaaaaa'), '{"formatVer')
    const list = unwrap(await new SnapshotStore({ root }).list())
    expect(list.items.map((meta) => meta.id)).toEqual([saved.id])
    expect(list.quarantined).toEqual([])
    expect((await readdir(deviceDir('dvc_a'))).sort()).toEqual([`${saved.id}.json`, 'index.json'].sort())
  })

  it('ignores files and folders that are not snapshots', async () => {
    const saved = unwrap(await new SnapshotStore({ root }).save(saveInput('dvc_a', 1)))
    await writeFile(join(deviceDir('dvc_a'), 'notes.txt'), 'hello')
    await writeFile(join(root, 'devices', 'stray-file'), 'x')
    await mkdir(join(root, 'devices', '.hidden'))
    const list = unwrap(await new SnapshotStore({ root }).list())
    expect(list).toEqual({ items: [expect.objectContaining({ id: saved.id })], quarantined: [] })
  })
})

describe('SnapshotStore: the index is rebuilt when it is missing, damaged or out of step', () => {
  async function threeSnapshots(): Promise<string[]> {
    const store = new SnapshotStore({ root })
    const ids: string[] = []
    for (let minute = 0; minute < 3; minute++) ids.push(unwrap(await store.save(saveInput('dvc_a', minute))).id)
    return ids.reverse()
  }

  it('rebuilds a deleted index file from the snapshot files', async () => {
    const ids = await threeSnapshots()
    await rm(join(deviceDir('dvc_a'), 'index.json'))
    expect(unwrap(await new SnapshotStore({ root }).list()).items.map((meta) => meta.id)).toEqual(ids)
    expect(JSON.parse(await readFile(join(deviceDir('dvc_a'), 'index.json'), 'utf8')).items).toHaveLength(3)
  })

  it.each([
    ['garbage', 'not json'],
    ['the wrong shape', JSON.stringify({ formatVersion: 1, deviceId: 'dvc_a', items: [{ id: 'x' }] })],
    ['another device', JSON.stringify({ formatVersion: 1, deviceId: 'dvc_b', items: [] })],
  ])('rebuilds an index file holding %s', async (_name, content) => {
    const ids = await threeSnapshots()
    await writeFile(join(deviceDir('dvc_a'), 'index.json'), content)
    expect(unwrap(await new SnapshotStore({ root }).list()).items.map((meta) => meta.id)).toEqual(ids)
  })

  it('drops entries whose file is gone and adds files the index lacks', async () => {
    const ids = await threeSnapshots()
    const index = JSON.parse(await readFile(join(deviceDir('dvc_a'), 'index.json'), 'utf8'))
    await rm(fileOf(ids[0]!))
    index.items = index.items.filter((meta: { id: string }) => meta.id !== ids[2])
    await writeFile(join(deviceDir('dvc_a'), 'index.json'), JSON.stringify(index))
    expect(unwrap(await new SnapshotStore({ root }).list()).items.map((meta) => meta.id)).toEqual([ids[1], ids[2]])
  })
})

/** The real fs, with a switch that makes chosen operations fail with an errno code. */
function faultyFs(): { fs: SnapshotFs; fail: (op: keyof SnapshotFs, code: string | null, afterCalls?: number) => void } {
  const faults = new Map<keyof SnapshotFs, { code: string; skip: number }>()
  const fs = { ...nodeSnapshotFs } as Record<keyof SnapshotFs, (...args: never[]) => Promise<unknown>>
  for (const op of Object.keys(nodeSnapshotFs) as (keyof SnapshotFs)[]) {
    fs[op] = async (...args: never[]) => {
      const fault = faults.get(op)
      if (fault && fault.skip-- <= 0) throw fsError(fault.code)
      return (nodeSnapshotFs[op] as (...a: never[]) => Promise<unknown>)(...args)
    }
  }
  return {
    fs: fs as unknown as SnapshotFs,
    fail: (op, code, afterCalls = 0) => (code ? faults.set(op, { code, skip: afterCalls }) : faults.delete(op)),
  }
}

describe('SnapshotStore: file-system failures become storage errors and the store keeps working', () => {
  it.each([
    ['ENOSPC', 'The disk is full: snapshot not saved.', 'Delete files'],
    ['EACCES', 'No permission to write to the snapshot folder', 'owns this folder'],
    ['EPERM', 'No permission to write to the snapshot folder', 'owns this folder'],
    ['EROFS', 'read-only disk: snapshot not saved', 'writable'],
  ])('%s while saving', async (code, message, action) => {
    const { fs, fail } = faultyFs()
    const store = new SnapshotStore({ root, fs })
    const before = unwrap(await store.save(saveInput('dvc_a', 1)))
    fail('writeFileAtomic', code)
    const result = await store.save(saveInput('dvc_a', 2))
    expect(result).toMatchObject({ ok: false, error: { kind: 'storage', message: expect.stringContaining(message), action: expect.stringContaining(action) } })
    expect(unwrap(await store.list()).items.map((meta) => meta.id)).toEqual([before.id])

    fail('writeFileAtomic', null)
    const after = unwrap(await store.save(saveInput('dvc_a', 3)))
    expect(unwrap(await store.list()).items.map((meta) => meta.id)).toEqual([after.id, before.id])
    expect(unwrap(await new SnapshotStore({ root }).list()).items.map((meta) => meta.id)).toEqual([after.id, before.id])
  })

  it('saves the snapshot even when only the index write fails; the next start finds it', async () => {
    const { fs, fail } = faultyFs()
    const store = new SnapshotStore({ root, fs })
    fail('writeFileAtomic', 'ENOSPC', 1) // the snapshot file succeeds, the index file fails
    const saved = unwrap(await store.save(saveInput('dvc_a', 1)))
    fail('writeFileAtomic', null)
    expect(unwrap(await store.list()).items.map((meta) => meta.id)).toEqual([saved.id])
    expect(unwrap(await new SnapshotStore({ root }).list()).items.map((meta) => meta.id)).toEqual([saved.id])
  })

  it('reports a permission error on open without moving the file aside', async () => {
    const { fs, fail } = faultyFs()
    const store = new SnapshotStore({ root, fs })
    const saved = unwrap(await store.save(saveInput('dvc_a', 1)))
    fail('readFile', 'EACCES')
    expect(await store.get(saved.id)).toMatchObject({ ok: false, error: { kind: 'storage', message: expect.stringContaining('No permission to read') } })
    fail('readFile', null)
    expect(await quarantined()).toEqual([])
    expect(unwrap(await store.get(saved.id)).id).toBe(saved.id)
  })

  it('surfaces a permission error from latest() instead of reading it as "no offline copy"', async () => {
    const { fs, fail } = faultyFs()
    const store = new SnapshotStore({ root, fs })
    unwrap(await store.save(saveInput('dvc_a', 1)))
    fail('readFile', 'EACCES')
    expect(await store.latest(asDeviceId('dvc_a'))).toMatchObject({ ok: false, error: { kind: 'storage', message: expect.stringContaining('No permission to read') } })
    fail('readFile', null)
    expect(await quarantined()).toEqual([])
  })

  it('reports a failed delete and recovers its listing from disk', async () => {
    const { fs, fail } = faultyFs()
    const store = new SnapshotStore({ root, fs })
    const saved = unwrap(await store.save(saveInput('dvc_a', 1)))
    fail('remove', 'EACCES')
    expect(await store.deleteDevice(asDeviceId('dvc_a'))).toMatchObject({ ok: false, error: { kind: 'storage', message: expect.stringContaining('No permission to delete') } })
    fail('remove', null)
    expect(unwrap(await store.list()).items.map((meta) => meta.id)).toEqual([saved.id])
    expect(unwrap(await store.deleteDevice(asDeviceId('dvc_a')))).toEqual({ deleted: 1 })
  })

  it('reports a snapshot folder it cannot read', async () => {
    const { fs, fail } = faultyFs()
    fail('readdir', 'EACCES')
    const store = new SnapshotStore({ root, fs })
    expect(await store.list()).toMatchObject({ ok: false, error: { kind: 'storage', message: expect.stringContaining('No permission to read') } })
    fail('readdir', null)
    expect(unwrap(await store.list()).items).toEqual([])
  })

  it.skipIf(process.getuid?.() === 0)('refuses to save into a real read-only folder (chmod 0o500; skipped as root)', async () => {
    const store = new SnapshotStore({ root })
    unwrap(await store.save(saveInput('dvc_a', 1)))
    await chmod(deviceDir('dvc_a'), 0o500)
    try {
      const result = await store.save(saveInput('dvc_a', 2))
      expect(result).toMatchObject({ ok: false, error: { kind: 'storage', message: expect.stringContaining('No permission to write') } })
    } finally {
      await chmod(deviceDir('dvc_a'), 0o700)
    }
    unwrap(await store.save(saveInput('dvc_a', 3)))
    expect(unwrap(await store.list()).items).toHaveLength(2)
  })
})
