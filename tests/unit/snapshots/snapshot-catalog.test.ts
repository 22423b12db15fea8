/**
 * The store-wide catalog: a new store lists from it without opening the folders that did not
 * change, loads the ones that did, survives a damaged catalog, and the in-memory list stays in
 * order through saves and deletes without a re-sort.
 */
import { readdir, readFile, utimes, writeFile } from 'node:fs/promises'
import { join } from 'node:path'
import { afterEach, beforeEach, describe, expect, it } from 'vitest'
import type { SnapshotMeta } from '@common/snapshot-types'
import { nodeSnapshotFs, type SnapshotFs } from '@main/snapshots/snapshot-fs'
import { SnapshotIndex } from '@main/snapshots/snapshot-index'
import { SnapshotStore } from '@main/snapshots/snapshot-store'
import { newestFirst } from '@main/snapshots/stored-snapshot'
import { devicePayload, saveInput } from './support'
import { tempRoot, unwrap } from '../../support/common-fixtures'
import { asDeviceId } from '../../support/device-ids'

let root: string
let cleanup: () => Promise<void>
beforeEach(async () => ({ root, cleanup } = await tempRoot()))
afterEach(() => cleanup())

const devicesDir = () => join(root, 'devices')
const catalogFile = () => join(root, 'catalog.json')

/** Sets every device folder's time an hour back, as if the last change were long ago. */
async function ageFolders(): Promise<void> {
  const past = new Date(Date.now() - 3_600_000)
  for (const name of await readdir(devicesDir())) await utimes(join(devicesDir(), name), past, past)
}

/** The real fs, recording which files are read. */
function readRecordingFs(): { fs: SnapshotFs; reads: string[] } {
  const reads: string[] = []
  return { fs: { ...nodeSnapshotFs, readFile: (path, max) => (reads.push(path), nodeSnapshotFs.readFile(path, max)) }, reads }
}

async function fleet(store: SnapshotStore): Promise<string[]> {
  const ids: string[] = []
  for (let minute = 0; minute < 4; minute++) {
    for (const device of ['dvc_a', 'dvc_b', 'dvc_c']) {
      const data = devicePayload(device, { site_id: `site_${minute % 2}`, status: minute % 2 ? 'offline' : 'online', model: null })
      ids.push(unwrap(await store.save(saveInput(device, minute * 3 + ids.length % 3, data))).id)
    }
  }
  return ids
}

describe('SnapshotStore catalog', () => {
  it('lists from the catalog alone when no folder changed since it was written', async () => {
    const first = new SnapshotStore({ root })
    await fleet(first)
    const expected = unwrap(await first.list()).items
    await ageFolders()
    await first.save(saveInput('dvc_a', 100)).then(unwrap) // makes the catalog out of step ...
    await first.delete(unwrap(await first.list({ deviceId: asDeviceId('dvc_a') })).items[0]!.id) // ... and back
    await ageFolders()
    await first.flush()

    const { fs, reads } = readRecordingFs()
    const listed = unwrap(await new SnapshotStore({ root, fs }).list())
    expect(listed.items).toEqual(expected)
    expect(listed.items.every((meta) => Object.getPrototypeOf(meta) === Object.prototype)).toBe(true)
    expect(reads).toEqual([catalogFile()])
  })

  it('loads a folder that changed after the catalog was written (a save, then a crash)', async () => {
    const first = new SnapshotStore({ root })
    await fleet(first)
    await ageFolders()
    await first.flush()
    const later = unwrap(await first.save(saveInput('dvc_b', 200))) // no flush: the process "crashed"

    const { fs, reads } = readRecordingFs()
    const store = new SnapshotStore({ root, fs })
    const listed = unwrap(await store.list())
    expect(listed.items[0]!.id).toBe(later.id)
    expect(listed.items).toEqual(unwrap(await first.list()).items)
    expect(reads.filter((path) => path.endsWith('index.json'))).toEqual([join(devicesDir(), 'dvc_b', 'index.json')])
  })

  it.each([
    ['garbage', 'not json'],
    ['another format', JSON.stringify({ formatVersion: 99 })],
    ['entries out of order', null],
    ['entries of a device it does not list', 'foreign'],
  ])('rebuilds from the folders when the catalog holds %s', async (_name, content) => {
    const first = new SnapshotStore({ root })
    await fleet(first)
    await ageFolders()
    await first.flush()
    const expected = unwrap(await first.list()).items
    const catalog = JSON.parse(await readFile(catalogFile(), 'utf8'))
    if (content === null) catalog.folders[0][2] = catalog.folders[0][2].split('\n').reverse().join('\n')
    if (content === 'foreign') catalog.folders = catalog.folders.slice(1)
    await writeFile(catalogFile(), content === null || content === 'foreign' ? JSON.stringify(catalog) : content)

    expect(unwrap(await new SnapshotStore({ root }).list()).items).toEqual(expected)
    expect(JSON.parse(await readFile(catalogFile(), 'utf8')).formatVersion).toBe(1) // written again
  })

  it('forgets the catalog with deleteAll', async () => {
    const first = new SnapshotStore({ root })
    await fleet(first)
    await first.flush()
    unwrap(await first.deleteAll())
    expect(unwrap(await new SnapshotStore({ root }).list()).items).toEqual([])
  })
})

describe('SnapshotIndex keeps newest-first order in place', () => {
  it('matches a full sort after random adds and removes', () => {
    const index = new SnapshotIndex()
    const live = new Map<string, SnapshotMeta>()
    let seed = 7
    const random = (n: number) => ((seed = (seed * 1103515245 + 12345) % 2 ** 31) % n)
    for (let step = 0; step < 2000; step++) {
      if (live.size > 0 && random(3) === 0) {
        const id = [...live.keys()][random(live.size)]!
        expect(index.remove(id)).toBe(true)
        live.delete(id)
        continue
      }
      const deviceId = `dvc_${random(12)}`
      const stamp = `2025031${random(3)}T1${random(10)}0000${random(10)}00Z`
      const id = `${deviceId}~${stamp}-${String(step).padStart(8, '0').slice(-2)}abcdef`
      if (live.has(id)) continue
      const meta: SnapshotMeta = { id, deviceId, fetchedAt: `2025-03-1${stamp[7]}T1${stamp[10]}:00:00.${stamp[15]}00Z`, profileId: 'p', profileName: 'P', siteId: null, model: null, status: null, firmwareVersion: null }
      index.add(meta)
      live.set(id, meta)
    }
    const expected = [...live.values()].sort(newestFirst)
    expect(index.all()).toEqual(expected)
    expect(index.size).toBe(live.size)
    expect(index.device('dvc_3')).toEqual(expected.filter((meta) => meta.deviceId === 'dvc_3'))
  })
})
