import { mkdir } from 'node:fs/promises'
import { afterEach, describe, expect, it } from 'vitest'
import { appError, fail, type AppError } from '@common/errors'
import { DEMO_PROFILE_ID } from '@common/profile-types'
import { MemorySecretStore } from '@main/credentials/memory-secret-store'
import { createProfileFixture, DEMO_BASE_URL, profileInput, SECRET, type ProfileFixture } from './profile-fixture'

let fx: ProfileFixture
afterEach(async () => {
  await fx.cleanup()
})

async function expectNothingStored(): Promise<void> {
  const file = await fx.readProfilesFile()
  if (file !== null) expect(JSON.parse(file).profiles).toEqual([])
  fx.secrets.mode = 'available'
  expect(await fx.secrets.list()).toEqual([])
}

describe('ProfileService.add', () => {
  it('verifies, then saves the profile, keeps the secret in the keychain only, and makes it active', async () => {
    fx = await createProfileFixture()
    const result = await fx.service.add(profileInput({ name: '  North depot ', baseUrl: 'https://api.tellus.example/', clientId: ' cpms_123456 ' }))
    expect(fx.verifyCalls).toEqual([{ baseUrl: 'https://api.tellus.example', clientId: 'cpms_123456', clientSecret: SECRET }])
    if (!result.ok) throw new Error(result.error.message)
    const [demo, added] = result.value.profiles
    expect(demo).toMatchObject({ id: DEMO_PROFILE_ID, isDemo: true, secret: 'not-needed', baseUrl: DEMO_BASE_URL })
    expect(added).toMatchObject({
      id: 'prf_test_1',
      name: 'North depot',
      baseUrl: 'https://api.tellus.example',
      clientIdMasked: '•••••••3456',
      createdAt: '2025-06-01T08:00:00.000Z',
      lastUsedAt: null,
      isDemo: false,
      secret: 'stored',
    })
    expect(result.value.activeProfileId).toBe('prf_test_1')
    expect(result.value.keychain).toEqual({ available: true })
    expect(await fx.secrets.get('prf_test_1')).toBe(SECRET)
    expect(fx.changes).toEqual([['prf_test_1', 'added']])

    const state = await fx.restart().state()
    expect(state.profiles.map((p) => p.id)).toEqual([DEMO_PROFILE_ID, 'prf_test_1'])
    expect(state.activeProfileId).toBe('prf_test_1')
  })

  const apiFailures: AppError[] = [
    appError('auth', 'Token rejected (2001): the client ID or secret is wrong.', { code: 2001, status: 401, action: 'Check the client secret.' }),
    appError('api', 'Permission denied (2003): this client has no read scope.', { code: 2003, status: 403 }),
    appError('network', 'Could not reach api.tellus.example.'),
    appError('timeout', 'The Tellus API did not answer in time.'),
    appError('invalid-response', 'This address does not answer like a Tellus API.', { excerpt: '<html>' }),
  ]
  it.each(apiFailures)('passes a failed verification ($kind) through unchanged and stores nothing', async (failure) => {
    fx = await createProfileFixture()
    fx.verdict = fail(failure)
    const result = await fx.service.add(profileInput())
    expect(result).toEqual({ ok: false, error: failure })
    expect(await fx.readProfilesFile()).toBeNull()
    await expectNothingStored()
    expect(fx.changes).toEqual([])
  })

  it('refuses when no keychain is available, before verifying, says so plainly, and stores nothing', async () => {
    fx = await createProfileFixture(new MemorySecretStore({ mode: 'unavailable' }))
    const result = await fx.service.add(profileInput())
    expect(result).toEqual({
      ok: false,
      error: {
        kind: 'keychain',
        message: 'The system keychain is not available: no Secret Service is running.',
        action: 'Install and unlock GNOME Keyring or KWallet (Linux), then restart Tellus Field. The demo fleet and offline snapshots still work.',
      },
    })
    expect(fx.verifyCalls).toEqual([])
    expect(await fx.readProfilesFile()).toBeNull()
    await expectNothingStored()
  })

  it('refuses with a locked keychain, saying it is locked', async () => {
    fx = await createProfileFixture(new MemorySecretStore({ mode: 'locked' }))
    const result = await fx.service.add(profileInput())
    expect(result).toMatchObject({ ok: false, error: { kind: 'keychain', message: 'The system keychain is locked.', action: expect.stringMatching(/Unlock/) } })
    expect(fx.verifyCalls).toEqual([])
    await expectNothingStored()
  })

  it('checks the form before anything else: base URL rule, empty fields, unique names', async () => {
    fx = await createProfileFixture()
    expect(await fx.service.add(profileInput({ baseUrl: 'http://api.tellus.example' }))).toMatchObject({ ok: false, error: { kind: 'invalid-input', message: expect.stringMatching(/https/) } })
    expect(await fx.service.add(profileInput({ clientId: '  ' }))).toMatchObject({ ok: false, error: { message: 'Enter the client ID.' } })
    expect(await fx.service.add(profileInput({ clientSecret: ' \n' }))).toMatchObject({ ok: false, error: { message: 'Enter the client secret.' } })
    expect(await fx.service.add(profileInput({ name: 'demo FLEET' }))).toMatchObject({ ok: false, error: { message: expect.stringMatching(/already exists/) } })
    expect(fx.verifyCalls).toEqual([])
    expect((await fx.service.add(profileInput())).ok).toBe(true)
    expect(await fx.service.add(profileInput({ name: 'NORTH DEPOT' }))).toMatchObject({ ok: false, error: { message: 'A profile named "NORTH DEPOT" already exists. Choose another name.' } })
    expect(fx.verifyCalls).toHaveLength(1)
  })

  it('trims a pasted secret (a trailing newline is not part of it)', async () => {
    fx = await createProfileFixture()
    await fx.service.add(profileInput({ clientSecret: `${SECRET}\n` }))
    expect(fx.verifyCalls[0]?.clientSecret).toBe(SECRET)
    expect(await fx.secrets.get('prf_test_1')).toBe(SECRET)
  })

  it('takes the secret back out of the keychain when the profile cannot be saved', async () => {
    fx = await createProfileFixture()
    // A folder where profiles.json should be makes the atomic write (rename) fail.
    await mkdir(fx.profilesPath)
    const result = await fx.service.add(profileInput())
    expect(result).toMatchObject({ ok: false, error: { kind: 'storage' } })
    expect(await fx.secrets.list()).toEqual([])
  })
})
