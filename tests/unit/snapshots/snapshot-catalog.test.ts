/**
 * The store-wide catalog: a new store lists from it without opening the folders that did not
 * change, loads the ones that did (a save after the catalog was written, a file or folder added or
 * removed by hand), and lists correctly when the catalog is damaged or missing.
 */
import { copyFile, cp, readdir, readFile, rm, utimes, writeFile } from 'node:fs/promises'
import { join } from 'node:path'
import { crc32 } from 'node:zlib'
import { afterEach, beforeEach, describe, expect, it } from 'vitest'
import { nodeSnapshotFs, type SnapshotFs } from '@main/snapshots/snapshot-fs'
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
const catalogFile = () => join(root, 'catalog.txt')

/** Sets every device folder's time an hour back, as if the last change were long ago. */
async function ageFolders(): Promise<void> {
  const past = new Date(Date.now() - 3_600_000)
  for (const name of await readdir(devicesDir())) await utimes(join(devicesDir(), name), past, past)
}

/** The real fs, recording which files are read. */
function readRecordingFs(): { fs: SnapshotFs; reads: string[] } {
  const reads: string[] = []
  const fs: SnapshotFs = {
    ...nodeSnapshotFs,
    readFile: (path, max) => (reads.push(path), nodeSnapshotFs.readFile(path, max)),
    readBytes: (path, max) => (reads.push(path), nodeSnapshotFs.readBytes(path, max)),
  }
  return { fs, reads }
}

/** A new store over `root` after its full load (which any call but the first page waits for). */
async function loadedStore(): Promise<SnapshotStore> {
  const store = new SnapshotStore({ root })
  unwrap(await store.list({ deviceId: asDeviceId('dvc_a') }))
  return store
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

  it.each<[string, (text: string) => string]>([
    ['garbage', () => 'not a catalog'],
    ['format 1 (JSON, older versions)', () => JSON.stringify({ formatVersion: 1, shared: [], width: 1, folders: [], order: '' })],
    ['a file cut short', (text) => text.slice(0, -5)],
    ['entries of a device out of order', (text) => editFolderLine(text, ([device, time, suffixes, rows]) => [device, time, suffixes.slice(28, 56) + suffixes.slice(0, 28) + suffixes.slice(56), rows])],
    ['a malformed id', (text) => editFolderLine(text, ([device, time, suffixes, rows]) => [device, time, `x${suffixes.slice(1)}`, rows])],
    ['a reference to a row it does not have', (text) => editFolderLine(text, ([device, time, suffixes, rows]) => [device, time, suffixes, `z${rows.slice(1)}`])],
    ['a device twice (checksum made to match)', (text) => resealed(`${text}${text.split('\n')[2]}\n`)],
    ['an id cut short (checksum made to match)', (text) => resealed(editFolderLine(text, ([device, time, suffixes, rows]) => [device, time, suffixes.slice(1), rows]))],
    ['a row reference missing (checksum made to match)', (text) => resealed(editFolderLine(text, ([device, time, suffixes, rows]) => [device, time, suffixes, rows.slice(1)]))],
    ['no line for a device whose folder exists (checksum made to match)', (text) => resealed(text.split('\n').filter((_line, i) => i !== 2).join('\n'))],
  ])('lists correctly from the folders when the catalog holds %s, and writes it again', async (_name, damage) => {
    const first = new SnapshotStore({ root })
    await fleet(first)
    await ageFolders()
    await first.flush()
    const expected = unwrap(await first.list()).items
    await writeFile(catalogFile(), damage(await readFile(catalogFile(), 'utf8')))

    expect(unwrap(await new SnapshotStore({ root }).list()).items).toEqual(expected)
    expect(await readFile(catalogFile(), 'utf8')).toMatch(/^tellus-snapshot-catalog 2 /) // written again
    expect(unwrap(await new SnapshotStore({ root }).list({ limit: 5 })).items).toEqual(expected.slice(0, 5))
  })

  it('lists correctly without a catalog, writes one, and removes the format-1 catalog.json of older versions', async () => {
    const first = new SnapshotStore({ root })
    await fleet(first)
    const expected = unwrap(await first.list()).items
    await writeFile(join(root, 'catalog.json'), JSON.stringify({ formatVersion: 1 }))

    expect(unwrap(await new SnapshotStore({ root }).list({ limit: 4 })).items).toEqual(expected.slice(0, 4))
    expect(await readFile(catalogFile(), 'utf8')).toMatch(/^tellus-snapshot-catalog 2 /)
    expect(await readdir(root)).not.toContain('catalog.json')
  })

  it('lists a snapshot file dropped by hand into a folder the catalog trusted, and forgets one deleted by hand', async () => {
    const first = new SnapshotStore({ root })
    const ids = await fleet(first)
    await ageFolders()
    await first.flush()
    const dropped = unwrap(await new SnapshotStore({ root: join(root, 'elsewhere') }).save(saveInput('dvc_c', 500)))
    await copyFile(join(root, 'elsewhere', 'devices', 'dvc_c', `${dropped.id}.json`), join(devicesDir(), 'dvc_c', `${dropped.id}.json`))
    const gone = ids.find((id) => id.startsWith('dvc_a~'))!
    await rm(join(devicesDir(), 'dvc_a', `${gone}.json`))

    const store = await loadedStore() // the first page still shows the old newest (snapshot-first-page.test.ts)
    const listed = unwrap(await store.list({ limit: 3 })).items
    expect(listed[0]!.id).toBe(dropped.id)
    const all = unwrap(await new SnapshotStore({ root }).list()).items.map((meta) => meta.id)
    expect(all).not.toContain(gone)
    expect(all).toHaveLength(ids.length)
  })

  it('lists a device folder added by hand and forgets one removed by hand', async () => {
    const first = new SnapshotStore({ root })
    await fleet(first)
    await ageFolders()
    await first.flush()
    const other = new SnapshotStore({ root: join(root, 'elsewhere') })
    const added = unwrap(await other.save(saveInput('dvc_new', 600)))
    await cp(join(root, 'elsewhere', 'devices', 'dvc_new'), join(devicesDir(), 'dvc_new'), { recursive: true })
    await rm(join(devicesDir(), 'dvc_b'), { recursive: true })

    const listed = unwrap(await (await loadedStore()).list({ limit: 2 })).items
    expect(listed[0]!.id).toBe(added.id)
    const devices = new Set(unwrap(await new SnapshotStore({ root }).list()).items.map((meta) => meta.deviceId))
    expect([...devices].sort()).toEqual(['dvc_a', 'dvc_c', 'dvc_new'])
  })

  it('pages, filters by site and prunes from the catalog without unpacking other devices wrongly', async () => {
    const first = new SnapshotStore({ root })
    await fleet(first)
    await ageFolders()
    await first.flush()
    const expected = unwrap(await first.list()).items

    const store = new SnapshotStore({ root })
    expect(unwrap(await store.list({ limit: 7 })).items).toEqual(expected.slice(0, 7))
    expect(unwrap(await store.list({ siteId: 'site_1', limit: 3 })).items).toEqual(expected.filter((meta) => meta.siteId === 'site_1').slice(0, 3))
    expect(unwrap(await store.list({ deviceId: asDeviceId('dvc_b') })).items).toEqual(expected.filter((meta) => meta.deviceId === 'dvc_b'))
    expect(unwrap(await store.setRetention(2))).toEqual({ deleted: 6 })
    const kept = unwrap(await store.list()).items
    expect(kept).toEqual(['dvc_a', 'dvc_b', 'dvc_c'].flatMap((deviceId) => expected.filter((meta) => meta.deviceId === deviceId).slice(0, 2)).sort(newestFirst))
    await store.flush()
    expect(unwrap(await new SnapshotStore({ root }).list()).items).toEqual(kept)
  })

  it('forgets the catalog with deleteAll', async () => {
    const first = new SnapshotStore({ root })
    await fleet(first)
    await first.flush()
    unwrap(await first.deleteAll())
    expect(unwrap(await new SnapshotStore({ root }).list()).items).toEqual([])
  })
})

/** The catalog text with its header's checksum computed again for the (edited) rest. */
function resealed(text: string): string {
  const [header, ...rest] = text.split('\n')
  const body = rest.join('\n')
  return `${header!.replace(/ [0-9a-f]{8}$/, ` ${crc32(body).toString(16).padStart(8, '0')}`)}\n${body}`
}

/** The catalog text with its first device line changed by `edit` (fields: device, time, id suffixes, rows). */
function editFolderLine(text: string, edit: (fields: [string, string, string, string]) => string[]): string {
  const lines = text.split('\n')
  lines[2] = edit(lines[2]!.split('\t') as [string, string, string, string]).join('\t')
  return lines.join('\n')
}

