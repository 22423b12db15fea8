/**
 * saveExport, the one way every exporter (snapshots, recordings) asks where to save and writes:
 * cancel, write errors in words, success — on real files. writeExportFiles, the write under it
 * (also the work-order report's three files): all or nothing.
 */
import { readdir, readFile } from 'node:fs/promises'
import { join } from 'node:path'
import { afterEach, beforeEach, describe, expect, it } from 'vitest'
import { fileNameStamp, saveExport, writeExportFiles, type ChooseSavePath, type SaveFilter } from '@main/fs/save-export'
import { tempRoot } from '../../support/common-fixtures'
import { tinyDisk } from '../../support/tiny-disk'

const CSV: SaveFilter[] = [{ name: 'CSV', extensions: ['csv'] }]

let dir: string
let cleanup: () => Promise<void>
beforeEach(async () => ({ root: dir, cleanup } = await tempRoot('tellus-save-export-')))
afterEach(() => cleanup())

/** A chooser that answers `path` and records what it was asked. */
function chooser(path: string | null): ChooseSavePath & { asked: Array<[string, SaveFilter[]]> } {
  const asked: Array<[string, SaveFilter[]]> = []
  return Object.assign(
    async (suggestedName: string, filters: SaveFilter[]) => {
      asked.push([suggestedName, filters])
      return path
    },
    { asked },
  )
}

describe('saveExport', () => {
  it('offers the suggested name and file types, and writes the file where the technician chose', async () => {
    const path = join(dir, 'chosen.csv')
    const choose = chooser(path)
    const outcome = await saveExport(choose, { suggestedName: 'dvc_1-2026-11-23T1405Z.csv', filters: CSV, contents: 'a,b\n1,2\n' })
    expect(outcome).toEqual({ ok: true, value: { saved: true, path } })
    expect(choose.asked).toEqual([['dvc_1-2026-11-23T1405Z.csv', CSV]])
    expect(await readFile(path, 'utf8')).toBe('a,b\n1,2\n')
    expect(await readdir(dir)).toEqual(['chosen.csv'])
  })

  it('writes bytes as they are', async () => {
    const path = join(dir, 'bytes.bin')
    await saveExport(chooser(path), { suggestedName: 'x.bin', filters: [], contents: new Uint8Array([0, 255, 10]) })
    expect([...(await readFile(path))]).toEqual([0, 255, 10])
  })

  it('writes nothing and says so when the technician cancels the dialog', async () => {
    const outcome = await saveExport(chooser(null), { suggestedName: 'x.csv', filters: CSV, contents: 'a' })
    expect(outcome).toEqual({ ok: true, value: { saved: false } })
    expect(await readdir(dir)).toEqual([])
  })

  it('names the path and the error code when the chosen folder cannot be written', async () => {
    const path = join(dir, 'gone', 'x.csv')
    const outcome = await saveExport(chooser(path), { suggestedName: 'x.csv', filters: CSV, contents: 'a' })
    expect(outcome).toMatchObject({ ok: false, error: { kind: 'storage', message: `Could not write ${path} (ENOENT): export not saved.` } })
  })

  it('says the disk is full and leaves no partial file behind', async (context) => {
    const disk = await tinyDisk(64)
    if (!disk) return context.skip('needs root (to mount a 64 KB tmpfs) or TELLUS_SMALL_FS_DIR')
    try {
      const outcome = await saveExport(chooser(join(disk.dir, 'big.csv')), { suggestedName: 'big.csv', filters: CSV, contents: 'x'.repeat(256 * 1024) })
      expect(outcome).toMatchObject({ ok: false, error: { kind: 'storage', message: 'The disk is full: export not saved. Free some space on this laptop and try again.' } })
      expect(await readdir(disk.dir)).toEqual([])
    } finally {
      await disk.release()
    }
  })
})

describe('writeExportFiles', () => {
  it('writes every file, in order', async () => {
    const files = [join(dir, 'r.pdf'), join(dir, 'r.json')] as const
    expect(await writeExportFiles([[files[0], new Uint8Array([1, 2])], [files[1], '{}\n']], 'the report was not saved')).toEqual({ ok: true, value: undefined })
    expect([...(await readFile(files[0]))]).toEqual([1, 2])
    expect(await readFile(files[1], 'utf8')).toBe('{}\n')
  })

  it('takes back the files already written when a later one fails, and names the one that failed', async () => {
    const failing = join(dir, 'gone', 'r.json')
    const outcome = await writeExportFiles([[join(dir, 'r.pdf'), 'pdf'], [join(dir, 'r.html'), 'html'], [failing, '{}']], 'the report was not saved')
    expect(outcome).toMatchObject({ ok: false, error: { kind: 'storage', message: `Could not write ${failing} (ENOENT): the report was not saved.` } })
    expect(await readdir(dir)).toEqual([])
  })
})

describe('fileNameStamp', () => {
  it('keeps the minute and drops colons, so the name is valid on every file system', () => {
    expect(fileNameStamp('2026-11-23T14:05:09.120Z')).toBe('2026-11-23T1405Z')
    expect(fileNameStamp('2026-11-23T14:05:09Z')).toBe('2026-11-23T1405Z')
  })
})
