import { readdir, readFile, writeFile } from 'node:fs/promises'
import { join } from 'node:path'
import { afterEach, describe, expect, it } from 'vitest'
import { appError, fail } from '@common/errors'
import { DEMO_PROFILE_ID } from '@common/profile-types'
import { createProfileFixture, profileInput, SECRET, type ProfileFixture } from './profile-fixture'

let fx: ProfileFixture
afterEach(async () => {
  await fx.cleanup()
})

describe('the client secret stays in the keychain', () => {
  it('never appears in profiles.json, in any file, or in anything the service returns', async () => {
    fx = await createProfileFixture()
    const outputs: unknown[] = []
    outputs.push(await fx.service.add(profileInput()))
    outputs.push(await fx.service.add(profileInput({ name: 'North depot' })))
    outputs.push(await fx.service.update({ id: 'prf_test_1', name: 'Renamed', clientSecret: `${SECRET}-v2` }))
    fx.verdict = fail(appError('auth', 'Token rejected (2001).', { code: 2001 }))
    outputs.push(await fx.service.update({ id: 'prf_test_1', clientSecret: `${SECRET}-v3` }))
    outputs.push(await fx.service.state())
    outputs.push(await fx.service.activate(DEMO_PROFILE_ID))
    outputs.push(await fx.service.signOut())
    fx.secrets.mode = 'locked'
    outputs.push(await fx.service.add(profileInput({ name: 'Locked', clientSecret: `${SECRET}-v4` })))
    outputs.push(await fx.service.credentialsFor('prf_test_1'))
    outputs.push(await fx.service.state())

    const returned = JSON.stringify(outputs)
    expect(returned).not.toContain(SECRET)
    expect(returned).not.toContain('cpms_123456')
    for (const name of await readdir(fx.dir)) {
      const contents = await readFile(join(fx.dir, name), 'utf8')
      expect(contents).not.toContain(SECRET)
    }
    expect(await fx.readProfilesFile()).toContain('cpms_123456')
  })
})

describe('a damaged profiles.json', () => {
  it('is moved aside and reported; the app goes on with the demo profile', async () => {
    fx = await createProfileFixture()
    await writeFile(fx.profilesPath, 'not json at all {')
    const state = await fx.service.state()
    expect(state.profiles.map((p) => p.id)).toEqual([DEMO_PROFILE_ID])
    expect(state.fileNotice).toMatchObject({ message: expect.stringContaining('profiles.json.corrupt-') })
    expect((await readdir(fx.dir)).some((name) => name.startsWith('profiles.json.corrupt-'))).toBe(true)
    expect((await fx.service.add(profileInput())).ok).toBe(true)
    expect(JSON.parse((await fx.readProfilesFile()) ?? '{}').profiles).toHaveLength(1)
  })
})
