/** CachedRecordFolder, the memory over the visit and runbook session folders: one read, copies out, a failed read tried again. */
import { mkdir, readdir, rm, writeFile } from 'node:fs/promises'
import { join } from 'node:path'
import { afterEach, beforeEach, describe, expect, it } from 'vitest'
import { z } from 'zod'
import { appError, ok } from '@common/errors'
import { CachedRecordFolder, recordId } from '@main/fs/cached-record-folder'
import { tempRoot, unwrap } from '../../support/common-fixtures'

const NoteSchema = z.object({ id: z.string(), updatedAt: z.string(), text: z.string() })
type Note = z.infer<typeof NoteSchema>
const AT = Date.parse('2026-05-01T07:30:00Z')

let root: string
let cleanup: () => Promise<void>
beforeEach(async () => ({ root, cleanup } = await tempRoot()))
afterEach(() => cleanup())

function notes(folder = root): CachedRecordFolder<Note> {
  return new CachedRecordFolder<Note>({
    root: folder,
    schema: z.object({ formatVersion: z.literal(1), note: NoteSchema }),
    key: 'note',
    formatVersion: 1,
    noun: 'note',
    place: 'the notes folder',
    now: () => AT,
    notFound: (id) => appError('invalid-input', `There is no note "${id}".`),
  })
}

describe('CachedRecordFolder', () => {
  it('stamps new ids with the time', () => {
    expect(recordId('v', '2026-05-01T07:30:00.000Z')).toMatch(/^v-20260501073000-[0-9a-f]{6}$/)
  })

  it('reads the folder once for concurrent first callers: a damaged file is moved aside and reported once', async () => {
    await writeFile(join(root, 'n-1.json'), '{"half', 'utf8')
    const folder = notes()
    const [first, second] = await Promise.all([folder.takeQuarantined(), folder.takeQuarantined()])
    expect([...first, ...second]).toEqual([expect.objectContaining({ file: join(root, 'n-1.json'), reason: expect.stringContaining('not valid JSON') })])
    expect(await readdir(join(root, 'quarantine'))).toHaveLength(1)
  })

  it('hands out copies: changing one changes nothing kept', async () => {
    const folder = notes()
    const note = unwrap(await folder.create((at) => ({ id: 'n-1', updatedAt: at, text: 'gate code 4411' })))
    note.text = 'changed outside'
    unwrap(await folder.all())[0]!.text = 'changed outside too'
    expect(unwrap(await folder.get('n-1'))).toEqual({ id: 'n-1', updatedAt: '2026-05-01T07:30:00.000Z', text: 'gate code 4411' })
    expect(await folder.get('n-2')).toMatchObject({ ok: false, error: { message: 'There is no note "n-2".' } })
  })

  it('tries a failed read again on the next call', async () => {
    const place = join(root, 'notes')
    await writeFile(place, 'a file where the folder should be', 'utf8')
    const folder = notes(place)
    expect(await folder.all()).toMatchObject({ ok: false, error: { kind: 'storage' } })
    await rm(place)
    await mkdir(place)
    expect(await folder.update('n-1', (note) => ok(note))).toMatchObject({ ok: false, error: { kind: 'invalid-input' } })
    expect(unwrap(await folder.all())).toEqual([])
  })
})
