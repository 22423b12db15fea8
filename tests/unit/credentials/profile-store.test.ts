import { readdir, readFile, writeFile } from 'node:fs/promises'
import { join } from 'node:path'
import { afterEach, beforeEach, describe, expect, it } from 'vitest'
import { ok } from '@common/errors'
import { ProfileStore, type StoredProfile } from '@main/credentials/profile-store'
import { nodeJsonFileFs, type JsonFileFs } from '@main/fs/json-file'
import { createMemoryLogger } from '@main/logger'
import { tempRoot } from '../../support/common-fixtures'

const profile: StoredProfile = {
  id: 'prf_1',
  name: 'North depot',
  baseUrl: 'https://api.tellus.example',
  clientId: 'cpms_123456',
  createdAt: '2025-06-01T08:00:00.000Z',
  lastUsedAt: null,
}

const fsError = (code: string) => Object.assign(new Error(`${code}: simulated`), { code })

/** The real file system with a log of calls; `override` replaces single calls. */
function recordingFs(override: Partial<JsonFileFs> = {}): JsonFileFs & { calls: string[] } {
  const calls: string[] = []
  const base: JsonFileFs = { ...nodeJsonFileFs, ...override }
  return {
    calls,
    open: (path, flags, mode) => (calls.push(`open ${path.split('/').pop()}`), base.open(path, flags, mode)),
    rename: (from, to) => (calls.push(`rename ${from.split('/').pop()} -> ${to.split('/').pop()}`), base.rename(from, to)),
    rm: (path, options) => (calls.push(`rm ${path.split('/').pop()}`), base.rm(path, options)),
    mkdir: (path) => (calls.push('mkdir'), base.mkdir(path)),
    readFile: (path) => (calls.push(`readFile ${path.split('/').pop()}`), base.readFile(path)),
    readdir: (path) => (calls.push('readdir'), base.readdir(path)),
  }
}

let dir: string
let cleanup: () => Promise<void>
beforeEach(async () => ({ root: dir, cleanup } = await tempRoot('tellus-profile-store-')))
afterEach(() => cleanup())

describe('ProfileStore', () => {
  it('starts empty when there is no file, and keeps what it saved across restarts', async () => {
    const store = new ProfileStore({ userDataDir: dir })
    expect(await store.read()).toEqual({ activeProfileId: null, demoLastUsedAt: null, profiles: [] })
    const saved = await store.update((data) => ok({ ...data, profiles: [profile], activeProfileId: 'prf_1' }))
    expect(saved.ok).toBe(true)
    const reloaded = await new ProfileStore(dir).read()
    expect(reloaded).toEqual({ activeProfileId: 'prf_1', demoLastUsedAt: null, profiles: [profile] })
    expect(JSON.parse(await readFile(join(dir, 'profiles.json'), 'utf8'))).toMatchObject({ version: 1 })
  })

  it('moves a damaged file aside, reports it, and goes on with no profiles', async () => {
    await writeFile(join(dir, 'profiles.json'), '{"version":1,"profiles":[{"id":')
    const logger = createMemoryLogger()
    const store = new ProfileStore({ userDataDir: dir, now: () => 1_700_000_000_000, logger })
    expect(await store.read()).toEqual({ activeProfileId: null, demoLastUsedAt: null, profiles: [] })
    expect(await readdir(dir)).toEqual(['profiles.json.corrupt-1700000000000'])
    expect(store.recovered).toMatchObject({ kind: 'storage', message: expect.stringContaining('damaged') })
    expect(logger.lines.some((line) => line.startsWith('warn') && line.includes('corrupt-1700000000000'))).toBe(true)
  })

  it('treats valid JSON of the wrong shape as damaged too', async () => {
    await writeFile(join(dir, 'profiles.json'), JSON.stringify({ version: 1, activeProfileId: null, demoLastUsedAt: null, profiles: [{ id: 'prf_1' }] }))
    const store = new ProfileStore({ userDataDir: dir, now: () => 42 })
    expect((await store.read()).profiles).toEqual([])
    expect((await readdir(dir)).sort()).toEqual(['profiles.json.corrupt-42'])
  })

  it('clears an active id that names no profile', async () => {
    await writeFile(join(dir, 'profiles.json'), JSON.stringify({ version: 1, activeProfileId: 'prf_gone', demoLastUsedAt: null, profiles: [profile] }))
    const store = new ProfileStore(dir)
    expect((await store.read()).activeProfileId).toBeNull()
    expect(store.recovered).toBeNull()
  })

  it('reports a failed write as a storage error and keeps the data it had', async () => {
    const notADir = join(dir, 'userData')
    await writeFile(notADir, 'a file where the folder should be')
    const store = new ProfileStore(notADir)
    const saved = await store.update((data) => ok({ ...data, profiles: [profile] }))
    expect(saved).toMatchObject({ ok: false, error: { kind: 'storage', message: expect.stringContaining(notADir) } })
    expect((await store.read()).profiles).toEqual([])
  })

  it('applies concurrent updates one after the other', async () => {
    const store = new ProfileStore(dir)
    await Promise.all(
      ['a', 'b', 'c', 'd'].map((suffix) => store.update((data) => ok({ ...data, profiles: [...data.profiles, { ...profile, id: `prf_${suffix}`, name: suffix }] }))),
    )
    expect((await new ProfileStore(dir).read()).profiles.map((p) => p.id).sort()).toEqual(['prf_a', 'prf_b', 'prf_c', 'prf_d'])
  })
})

/*
 * ProfileStore over a file system passed in (the shared JSON-file helpers of electron/main/fs):
 * every read, write and move-aside goes through it, and each failure it can report ends as a
 * specific outcome — a full disk while saving, a damaged file that cannot be moved aside, a file
 * that cannot be read (left in place).
 */
describe('ProfileStore over an injected file system', () => {
  it('reads and writes through it: the file atomically (temp file, then rename over profiles.json)', async () => {
    const fs = recordingFs()
    const store = new ProfileStore({ userDataDir: dir, fs })
    expect((await store.update((data) => ok({ ...data, profiles: [profile] }))).ok).toBe(true)
    expect(fs.calls).toEqual([
      'readdir',
      'readFile profiles.json',
      'mkdir',
      expect.stringMatching(/^open profiles\.json\.tmp-[0-9a-f]+$/),
      expect.stringMatching(/^rename profiles\.json\.tmp-[0-9a-f]+ -> profiles\.json$/),
      `open ${dir.split('/').pop()}`,
    ])
    expect(JSON.parse(await readFile(join(dir, 'profiles.json'), 'utf8'))).toMatchObject({ version: 1, profiles: [{ id: 'prf_1' }] })
  })

  it('a full disk while saving: "The disk is full: profiles not saved", the data kept, no temp file left, logged', async () => {
    const logger = createMemoryLogger()
    const fs = recordingFs({ rename: () => Promise.reject(fsError('ENOSPC')) })
    const store = new ProfileStore({ userDataDir: dir, fs, logger })
    const saved = await store.update((data) => ok({ ...data, profiles: [profile] }))
    expect(saved).toMatchObject({ ok: false, error: { kind: 'storage', message: 'The disk is full: profiles not saved. Free some space on this laptop and try again.' } })
    expect((await store.read()).profiles).toEqual([])
    expect(await readdir(dir)).toEqual([])
    expect(logger.lines).toEqual([expect.stringMatching(/^error profiles: could not save .*The disk is full/)])
  })

  it('a damaged file that cannot be moved aside: stays in place, and the notice says a save will replace it', async () => {
    await writeFile(join(dir, 'profiles.json'), '{"version":1,')
    const fs = recordingFs({ rename: (from, to) => (to.includes('.corrupt-') ? Promise.reject(fsError('EACCES')) : nodeJsonFileFs.rename(from, to)) })
    const store = new ProfileStore({ userDataDir: dir, fs, now: () => 42 })
    expect((await store.read()).profiles).toEqual([])
    expect(await readdir(dir)).toEqual(['profiles.json'])
    expect(store.problem).toEqual({ kind: 'damaged', movedTo: null })
    expect(store.recovered?.message).toContain('It could not be moved aside (EACCES)')
    expect(store.recovered?.action).toContain('Saving a profile will replace that file: copy it elsewhere first')
  })

  it('a file that cannot be read: left in place, reported with the error code', async () => {
    await writeFile(join(dir, 'profiles.json'), JSON.stringify({ version: 1, activeProfileId: null, demoLastUsedAt: null, profiles: [profile] }))
    const store = new ProfileStore({ userDataDir: dir, fs: recordingFs({ readFile: () => Promise.reject(fsError('EACCES')) }) })
    expect((await store.read()).profiles).toEqual([])
    expect(await readdir(dir)).toEqual(['profiles.json'])
    expect(store.problem).toEqual({ kind: 'unreadable' })
    expect(store.recovered).toMatchObject({ message: expect.stringContaining('(EACCES)'), action: expect.stringContaining('is readable, then restart') })
  })

  it('removes its own leftover temp files on load, and no one else’s', async () => {
    await writeFile(join(dir, 'profiles.json.tmp-abc123'), 'half a write')
    await writeFile(join(dir, 'settings.json.tmp-def456'), 'another store’s write in progress')
    await new ProfileStore({ userDataDir: dir }).read()
    expect(await readdir(dir)).toEqual(['settings.json.tmp-def456'])
  })
})
