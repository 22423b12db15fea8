import { mkdtemp, readdir, readFile, rm, writeFile } from 'node:fs/promises'
import { tmpdir } from 'node:os'
import { join } from 'node:path'
import { afterEach, beforeEach, describe, expect, it } from 'vitest'
import { ok } from '@common/errors'
import type { StoredProfile } from '@main/credentials/profile-store'
import { ProfileStore } from '@main/credentials/profile-store'
import { createMemoryLogger } from '@main/logger'

const profile: StoredProfile = {
  id: 'prf_1',
  name: 'North depot',
  baseUrl: 'https://api.tellus.example',
  clientId: 'cpms_123456',
  createdAt: '2025-06-01T08:00:00.000Z',
  lastUsedAt: null,
}

let dir: string
beforeEach(async () => {
  dir = await mkdtemp(join(tmpdir(), 'tellus-profile-store-'))
})
afterEach(async () => {
  await rm(dir, { recursive: true, force: true })
})

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
