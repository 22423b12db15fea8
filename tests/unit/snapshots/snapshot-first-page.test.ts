/**
 * The first page: a new store answers the start screen's list from `first-page.txt` and the journal
 * without reading the catalog or any folder, shows the changes made after the last flush, checks
 * the folders in the background right after (a file added or removed by hand then shows), and
 * falls back to the full load when the page or the journal is damaged or cannot answer.
 */
import { copyFile, readdir, readFile, rm, symlink, utimes, writeFile } from 'node:fs/promises'
import { join } from 'node:path'
import { afterEach, beforeEach, describe, expect, it, vi } from 'vitest'
import { decodeFirstPage, encodeFirstPage, firstPageItems, readFirstPage } from '@main/snapshots/first-page'
import { nodeSnapshotFs, type SnapshotFs } from '@main/snapshots/snapshot-fs'
import { SnapshotPaths } from '@main/snapshots/snapshot-paths'
import type { SnapshotMeta } from '@common/snapshot-types'
import { SnapshotStore } from '@main/snapshots/snapshot-store'
import { devicePayload, saveInput } from './support'
import { tempRoot, unwrap } from '../../support/common-fixtures'
import { asDeviceId } from '../../support/device-ids'

let root: string
let cleanup: () => Promise<void>
beforeEach(async () => ({ root, cleanup } = await tempRoot()))
afterEach(() => cleanup())

const devicesDir = () => join(root, 'devices')
const firstPageFile = () => join(root, 'first-page.txt')
const journalFile = () => join(root, 'journal.txt')
const catalogFile = () => join(root, 'catalog.txt')

/** The real fs, recording every file read and folder listed or checked. */
function recordingFs(): { fs: SnapshotFs; touched: string[] } {
  const touched: string[] = []
  const fs: SnapshotFs = {
    ...nodeSnapshotFs,
    readFile: (path, max) => (touched.push(path), nodeSnapshotFs.readFile(path, max)),
    readSmallFile: (path, max) => (touched.push(path), nodeSnapshotFs.readSmallFile(path, max)),
    readBytes: (path, max) => (touched.push(path), nodeSnapshotFs.readBytes(path, max)),
    readdir: (path) => (touched.push(path), nodeSnapshotFs.readdir(path)),
    lstatMany: (paths) => (touched.push(...paths), nodeSnapshotFs.lstatMany(paths)),
  }
  return { fs, touched }
}

/** Sets every device folder's time an hour back, as if the last change were long ago. */
async function ageFolders(): Promise<void> {
  const past = new Date(Date.now() - 3_600_000)
  for (const name of await readdir(devicesDir())) await utimes(join(devicesDir(), name), past, past)
}

/** Saves 4 rounds over 3 devices, flushes, and returns the store. */
async function flushedFleet(retentionPerDevice = 50): Promise<SnapshotStore> {
  const store = new SnapshotStore({ root, retentionPerDevice })
  for (let minute = 0; minute < 4; minute++) {
    for (const device of ['dvc_a', 'dvc_b', 'dvc_c']) unwrap(await store.save(saveInput(device, minute * 3, devicePayload(device, { site_id: `site_${minute % 2}` }))))
  }
  await ageFolders()
  await store.flush()
  return store
}

const ids = (items: ReadonlyArray<{ id: string }>) => items.map((meta) => meta.id)

describe('SnapshotStore first page', () => {
  it('answers the first list from the first page without reading the catalog or any folder', async () => {
    const expected = unwrap(await (await flushedFleet()).list({ limit: 5 })).items
    const { fs, touched } = recordingFs()
    const listed = unwrap(await new SnapshotStore({ root, fs }).list({ limit: 5 }))
    expect(listed).toEqual({ items: expected, quarantined: [] })
    expect(touched).toEqual([firstPageFile(), journalFile()])
  })

  it('shows the saves, retention removals and deletes made after the last flush, though the app never flushed again', async () => {
    const first = await flushedFleet(4)
    unwrap(await first.save(saveInput('dvc_a', 100))) // retention 4: the oldest dvc_a goes
    unwrap(await first.save(saveInput('dvc_new', 101)))
    unwrap(await first.delete(ids(unwrap(await first.list({ deviceId: asDeviceId('dvc_b') })).items)[0]!))
    unwrap(await first.deleteDevice(asDeviceId('dvc_c')))
    const expected = unwrap(await first.list({ limit: 200 })).items // no flush: the app is killed here

    const { fs, touched } = recordingFs()
    expect(unwrap(await new SnapshotStore({ root, fs }).list({ limit: 200 })).items).toEqual(expected)
    expect(touched).toEqual([firstPageFile(), journalFile()])
    await first.flush() // the flush folds the journal into the page
    await expect(readFile(journalFile())).rejects.toThrow(/ENOENT/)
    expect(unwrap(await new SnapshotStore({ root }).list({ limit: 200 })).items).toEqual(expected)
  })

  it('checks the folders in the background right after: a file added or removed by hand shows, and opening the removed one is a clear error', async () => {
    const first = await flushedFleet()
    const shown = ids(unwrap(await first.list({ limit: 3 })).items)
    const dropped = unwrap(await new SnapshotStore({ root: join(root, 'elsewhere') }).save(saveInput('dvc_b', 500)))
    await copyFile(join(root, 'elsewhere', 'devices', 'dvc_b', `${dropped.id}.json`), join(devicesDir(), 'dvc_b', `${dropped.id}.json`))
    const gone = shown[1]!
    await rm(join(devicesDir(), gone.split('~')[0]!, `${gone}.json`))

    const { fs, touched } = recordingFs()
    const store = new SnapshotStore({ root, fs })
    expect(ids(unwrap(await store.list({ limit: 3 })).items)).toEqual(shown) // the page as written
    await vi.waitFor(async () => expect(ids(unwrap(await store.list({ limit: 2 })).items)).toEqual([dropped.id, shown[0]]), { timeout: 5_000, interval: 50 })
    expect(touched).toContain(catalogFile()) // the background load ran without any other call asking for it
    const opened = await store.get(gone)
    expect(opened).toMatchObject({ ok: false, error: { kind: 'storage', message: expect.stringContaining('not on this laptop') } })
    expect(ids(unwrap(await store.list()).items)).not.toContain(gone)

    // The page was rewritten from the loaded store: the next start shows the truth at once.
    const next = recordingFs()
    expect(ids(unwrap(await new SnapshotStore({ root, fs: next.fs }).list({ limit: 3 })).items)).toEqual([dropped.id, shown[0], shown[2]])
    expect(next.touched).toEqual([firstPageFile(), journalFile()])
  })

  it.each<[string, () => Promise<void>]>([
    ['a damaged first page', async () => writeFile(firstPageFile(), (await readFile(firstPageFile(), 'utf8')).replace('dvc_a', 'dvc_b'))],
    ['a first page cut short', async () => writeFile(firstPageFile(), (await readFile(firstPageFile(), 'utf8')).slice(0, -10))],
    ['a first page that is not one', async () => writeFile(firstPageFile(), 'hello')],
    ['a journal line cut short', async () => writeFile(journalFile(), '{"removed":"dvc_a~2025')],
    ['a journal line of garbage', async () => writeFile(journalFile(), 'garbage\n')],
    ['a journal line naming an invalid id', async () => writeFile(journalFile(), '{"removed":"../../etc"}\n')],
    ['a journal entry without its fields', async () => writeFile(journalFile(), '{"added":{"id":"dvc_a~20250315T120000000Z-00abcdef"}}\n')],
  ])('falls back to the full load on %s, never losing or inventing a snapshot', async (_name, damage) => {
    const expected = unwrap(await (await flushedFleet()).list({ limit: 6 })).items
    await damage()
    const { fs, touched } = recordingFs()
    expect(unwrap(await new SnapshotStore({ root, fs }).list({ limit: 6 })).items).toEqual(expected)
    expect(touched).toContain(catalogFile())
  })

  it('waits for the full load for a filtered list, a list of all, or once anything else loaded the store', async () => {
    const first = await flushedFleet()
    const all = unwrap(await first.list()).items
    for (const query of [{ limit: 5, deviceId: asDeviceId('dvc_a') }, { limit: 5, siteId: 'site_1' }, {}]) {
      const { fs, touched } = recordingFs()
      const listed = unwrap(await new SnapshotStore({ root, fs }).list(query)).items
      expect(listed.length).toBeGreaterThan(0)
      expect(touched, JSON.stringify(query)).toContain(catalogFile())
    }
    const { fs, touched } = recordingFs()
    const store = new SnapshotStore({ root, fs })
    unwrap(await store.latest(asDeviceId('dvc_a')))
    touched.length = 0
    expect(unwrap(await store.list({ limit: 5 })).items).toEqual(all.slice(0, 5))
    expect(touched).toEqual([]) // from memory, not the page
  })

  it('never appends through a link put where the journal belongs: the page goes instead, and the next start loads fully', async () => {
    const first = await flushedFleet()
    const outside = join(root, 'elsewhere.txt')
    await writeFile(outside, 'not yours\n')
    await symlink(outside, journalFile())
    const saved = unwrap(await first.save(saveInput('dvc_a', 100)))
    expect(await readFile(outside, 'utf8')).toBe('not yours\n')
    await expect(readFile(firstPageFile())).rejects.toThrow(/ENOENT/)
    expect(ids(unwrap(await new SnapshotStore({ root }).list({ limit: 1 })).items)).toEqual([saved.id])
  })

  it('drops the first page after an unexpected fs error in a change (the journal may not match the disk)', async () => {
    await flushedFleet()
    const denied = Object.assign(new Error('EACCES: simulated'), { code: 'EACCES' })
    const fs: SnapshotFs = { ...nodeSnapshotFs, remove: (path) => (/~.*\.json$/.test(path) ? Promise.reject(denied) : nodeSnapshotFs.remove(path)) }
    const store = new SnapshotStore({ root, fs })
    const newest = unwrap(await store.list({ limit: 1 })).items[0]!
    expect(await store.delete(newest.id)).toMatchObject({ ok: false, error: { kind: 'storage' } })
    await expect(readFile(firstPageFile())).rejects.toThrow(/ENOENT/)
    expect(ids(unwrap(await store.list({ limit: 1 })).items)).toEqual([newest.id]) // still on disk, still listed
  })

  it('keeps no first page for an empty store, and removes it with deleteAll', async () => {
    const first = await flushedFleet()
    unwrap(await first.deleteAll())
    await expect(readFile(firstPageFile())).rejects.toThrow(/ENOENT/)
    expect(unwrap(await new SnapshotStore({ root }).list({ limit: 5 })).items).toEqual([])
    await first.flush()
    expect(await readdir(root)).not.toContain('first-page.txt')
  })
})

/** A listing entry of `device` fetched `minute` minutes after 11:00. */
function entry(device: string, minute: number): SnapshotMeta {
  const time = new Date(Date.parse('2025-03-15T11:00:00Z') + minute * 60_000).toISOString()
  const stamp = time.replace(/[-:]/g, '').replace('.', '')
  return { id: `${device}~${stamp}-00abcdef`, deviceId: device, fetchedAt: time, profileId: 'prof_1', profileName: 'Depot', siteId: null, model: null, status: null, firmwareVersion: null }
}

describe('first page file', () => {
  const page = [entry('dvc_a', 9), entry('dvc_b', 8), entry('dvc_a', 7)] // the newest 3 of a larger store

  it('cannot answer past a partial page, and answers anything from a complete one', () => {
    const partial = decodeFirstPage(encodeFirstPage(page, false))!
    expect(firstPageItems(partial, 3)).toEqual(page)
    expect(firstPageItems(partial, 4)).toBeNull()
    expect(firstPageItems(decodeFirstPage(encodeFirstPage(page, true))!, 200)).toEqual(page)
  })

  it('takes in journal saves newer than the boundary only (an older one may not be among the newest), and removals', async () => {
    const paths = new SnapshotPaths(root)
    await writeFile(paths.firstPageFile, encodeFirstPage(page, false))
    const lines = [{ added: entry('dvc_c', 10) }, { added: entry('dvc_c', 1) }, { removed: page[1]!.id }, { added: entry('dvc_c', 10) }]
    await writeFile(paths.journalFile, lines.map((line) => `${JSON.stringify(line)}\n`).join(''))
    const read = (await readFirstPage(nodeSnapshotFs, paths))!
    expect(ids(read.items)).toEqual(ids([entry('dvc_c', 10), page[0]!, page[2]!]))
    expect(firstPageItems(read, 3)).not.toBeNull()
    expect(firstPageItems(read, 4)).toBeNull()
  })

  it('refuses entries edited after the write (the checksum) and a partial page without entries', () => {
    const text = encodeFirstPage(page, true)
    expect(decodeFirstPage(text)).toEqual({ items: page, complete: true })
    expect(decodeFirstPage(text.replace(page[0]!.id, page[1]!.id))).toBeNull()
    expect(decodeFirstPage(encodeFirstPage([], false))).toBeNull()
  })
})
