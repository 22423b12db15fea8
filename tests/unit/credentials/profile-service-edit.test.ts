import { writeFile } from 'node:fs/promises'
import { afterEach, describe, expect, it } from 'vitest'
import { appError, fail } from '@common/errors'
import { DEMO_PROFILE_ID } from '@common/profile-types'
import { createProfileFixture, DEMO_BASE_URL, DEMO_CREDS, profileInput, SECRET, START, type ProfileFixture } from './profile-fixture'

const ID = 'prf_test_1'
let fx: ProfileFixture
afterEach(async () => {
  await fx.cleanup()
})

async function withOneProfile(): Promise<ProfileFixture> {
  fx = await createProfileFixture()
  const added = await fx.service.add(profileInput())
  if (!added.ok) throw new Error(added.error.message)
  fx.verifyCalls.length = 0
  fx.changes.length = 0
  return fx
}

async function storedProfile() {
  const file = await fx.readProfilesFile()
  return file === null ? undefined : (JSON.parse(file) as { profiles: Array<Record<string, unknown>> }).profiles.find((p) => p.id === ID)
}

describe('ProfileService.update', () => {
  it('renames without touching the keychain or verifying', async () => {
    await withOneProfile()
    fx.secrets.mode = 'unavailable'
    const result = await fx.service.update({ id: ID, name: 'South depot' })
    expect(result.ok).toBe(true)
    expect(fx.verifyCalls).toEqual([])
    expect(await storedProfile()).toMatchObject({ name: 'South depot' })
    expect(fx.changes).toEqual([[ID, 'renamed']])
  })

  it('keeps the stored secret when none is re-entered, and verifies a new path on the same origin with it', async () => {
    await withOneProfile()
    const result = await fx.service.update({ id: ID, baseUrl: 'https://api.tellus.example/v1/' })
    expect(result.ok).toBe(true)
    expect(fx.verifyCalls).toEqual([{ baseUrl: 'https://api.tellus.example/v1', clientId: 'cpms_123456', clientSecret: SECRET }])
    expect(await fx.secrets.get(ID)).toBe(SECRET)
    expect(await storedProfile()).toMatchObject({ baseUrl: 'https://api.tellus.example/v1' })
    expect(fx.changes).toEqual([[ID, 'credentials-changed']])
  })

  it('verifies and stores a re-entered secret', async () => {
    await withOneProfile()
    const result = await fx.service.update({ id: ID, clientSecret: 'sec_rotated_789' })
    expect(result.ok).toBe(true)
    expect(fx.verifyCalls).toEqual([{ baseUrl: 'https://api.tellus.example', clientId: 'cpms_123456', clientSecret: 'sec_rotated_789' }])
    expect(await fx.secrets.get(ID)).toBe('sec_rotated_789')
  })

  it('does not re-verify when the re-entered secret is the stored one and nothing else changed', async () => {
    await withOneProfile()
    expect((await fx.service.update({ id: ID, clientSecret: SECRET })).ok).toBe(true)
    expect(fx.verifyCalls).toEqual([])
    expect(fx.changes).toEqual([])
  })

  it('changes nothing when the new credentials fail verification', async () => {
    await withOneProfile()
    const before = await fx.readProfilesFile()
    const rejected = appError('auth', 'Token rejected (2001).', { code: 2001 })
    fx.verdict = fail(rejected)
    expect(await fx.service.update({ id: ID, clientId: 'cpms_999999', clientSecret: 'sec_wrong' })).toEqual({ ok: false, error: rejected })
    expect(await fx.readProfilesFile()).toBe(before)
    expect(await fx.secrets.get(ID)).toBe(SECRET)
  })

  it('asks for the secret when a new origin is given without it, and never verifies the stored one there', async () => {
    await withOneProfile()
    const result = await fx.service.update({ id: ID, baseUrl: 'https://eu.tellus.example' })
    expect(result).toMatchObject({ ok: false, error: { kind: 'invalid-input', action: 'Enter the client secret again to use it with this server.' } })
    expect(fx.verifyCalls).toEqual([])
    expect(await storedProfile()).toMatchObject({ baseUrl: 'https://api.tellus.example' })
  })

  it('asks for the secret when it vanished from the keychain and none was given', async () => {
    await withOneProfile()
    await fx.secrets.delete(ID)
    const result = await fx.service.update({ id: ID, baseUrl: 'https://api.tellus.example/v1' })
    expect(result).toMatchObject({ ok: false, error: { message: 'The client secret for profile "North depot" is missing from the keychain.', action: 'Enter it again in Profiles.' } })
    expect(fx.verifyCalls).toEqual([])
    expect(await fx.service.update({ id: ID, baseUrl: 'https://eu.tellus.example', clientSecret: 'sec_new' })).toMatchObject({ ok: true })
    expect(await fx.secrets.get(ID)).toBe('sec_new')
  })

  it('refuses to edit the demo profile or a profile that is gone', async () => {
    await withOneProfile()
    expect(await fx.service.update({ id: DEMO_PROFILE_ID, name: 'Mine' })).toMatchObject({ ok: false, error: { kind: 'invalid-input' } })
    expect(await fx.service.update({ id: 'prf_nope', name: 'Mine' })).toMatchObject({ ok: false, error: { message: 'That profile no longer exists.' } })
  })
})

describe('ProfileService.remove, activate, signOut, touch', () => {
  it('removes the profile and its keychain entry, and clears it as active', async () => {
    await withOneProfile()
    const result = await fx.service.remove(ID)
    if (!result.ok) throw new Error(result.error.message)
    expect(result.value.profiles.map((p) => p.id)).toEqual([DEMO_PROFILE_ID])
    expect(result.value.activeProfileId).toBeNull()
    expect(await fx.secrets.list()).toEqual([])
    expect(await storedProfile()).toBeUndefined()
    expect(fx.changes).toEqual([[ID, 'removed']])
  })

  it('refuses to remove while the keychain cannot delete the secret, and keeps the profile', async () => {
    await withOneProfile()
    fx.secrets.mode = 'unavailable'
    expect(await fx.service.remove(ID)).toMatchObject({ ok: false, error: { kind: 'keychain' } })
    fx.secrets.mode = 'available'
    expect(await storedProfile()).toBeDefined()
    expect(await fx.secrets.get(ID)).toBe(SECRET)
  })

  it('cannot remove the demo profile', async () => {
    await withOneProfile()
    expect(await fx.service.remove(DEMO_PROFILE_ID)).toMatchObject({ ok: false, error: { kind: 'invalid-input' } })
  })

  it('names the profile lookups use: the active one, else the demo fleet, without asking the keychain', async () => {
    await withOneProfile()
    fx.secrets.mode = 'unavailable'
    expect(await fx.service.profileInUse()).toMatchObject({ ok: true, value: { id: ID, baseUrl: expect.stringMatching(/^https:/) } })
    await fx.service.signOut()
    expect(await fx.service.profileInUse()).toEqual({ ok: true, value: { id: DEMO_PROFILE_ID, name: 'Demo fleet', baseUrl: DEMO_BASE_URL } })
  })

  it('activates profiles and the demo, but not unknown ids', async () => {
    await withOneProfile()
    expect(await fx.service.activate(DEMO_PROFILE_ID)).toMatchObject({ ok: true, value: { activeProfileId: DEMO_PROFILE_ID } })
    expect(await fx.service.activate(ID)).toMatchObject({ ok: true, value: { activeProfileId: ID } })
    expect(await fx.service.activate('prf_nope')).toMatchObject({ ok: false, error: { kind: 'invalid-input' } })
    expect(await fx.service.activeProfileId()).toBe(ID)
  })

  it('signs out: no active profile, the hook told which one, the secret kept', async () => {
    await withOneProfile()
    const result = await fx.service.signOut()
    expect(result).toMatchObject({ ok: true, value: { activeProfileId: null } })
    expect(fx.signOuts).toEqual([ID])
    expect(await fx.secrets.get(ID)).toBe(SECRET)
  })

  it('records when a profile (or the demo) was last used', async () => {
    await withOneProfile()
    fx.now = START + 60_000
    expect(await fx.service.lastUsed.touch(ID)).toEqual({ ok: true, value: undefined })
    expect(await fx.service.lastUsed.touch(DEMO_PROFILE_ID)).toEqual({ ok: true, value: undefined })
    const state = await fx.restart().state()
    expect(state.profiles.map((p) => p.lastUsedAt)).toEqual(['2025-06-01T08:01:00.000Z', '2025-06-01T08:01:00.000Z'])
  })

  it('does not rewrite the profiles file on every lookup: at most once per interval, the rest at flush', async () => {
    await withOneProfile()
    fx.now = START + 60_000
    await fx.service.lastUsed.touch(ID)
    const afterFirst = await fx.readProfilesFile()
    for (const minutes of [2, 3, 4]) {
      fx.now = START + minutes * 60_000
      expect(await fx.service.lastUsed.touch(ID)).toEqual({ ok: true, value: undefined })
    }
    expect(await fx.readProfilesFile()).toBe(afterFirst)
    const live = await fx.service.state()
    expect(live.profiles.find((p) => p.id === ID)?.lastUsedAt).toBe('2025-06-01T08:04:00.000Z')
    await fx.service.lastUsed.flush()
    expect(JSON.parse((await fx.readProfilesFile()) ?? '{}').profiles[0].lastUsedAt).toBe('2025-06-01T08:04:00.000Z')
    fx.now = START + (4 + 11) * 60_000
    await fx.service.lastUsed.touch(ID)
    expect(JSON.parse((await fx.readProfilesFile()) ?? '{}').profiles[0].lastUsedAt).toBe('2025-06-01T08:15:00.000Z')
  })
})

describe('ProfileService.credentialsFor and the keychain state', () => {
  it('gives the stored credentials, with the secret from the keychain', async () => {
    await withOneProfile()
    expect(await fx.service.credentialsFor(ID)).toEqual({ ok: true, value: { baseUrl: 'https://api.tellus.example', clientId: 'cpms_123456', clientSecret: SECRET } })
  })

  it('gives the demo credentials even without a keychain', async () => {
    await withOneProfile()
    fx.secrets.mode = 'unavailable'
    expect(await fx.service.credentialsFor(DEMO_PROFILE_ID)).toEqual({ ok: true, value: { baseUrl: DEMO_BASE_URL, ...DEMO_CREDS } })
  })

  it('shows a vanished keychain entry as missing and says what to do', async () => {
    await withOneProfile()
    await fx.secrets.delete(ID)
    const state = await fx.service.state()
    expect(state.profiles.find((p) => p.id === ID)?.secret).toBe('missing')
    expect(await fx.service.credentialsFor(ID)).toEqual({
      ok: false,
      error: { kind: 'auth', message: 'The client secret for profile "North depot" is missing from the keychain.', action: 'Enter it again in Profiles.' },
    })
  })

  it('says the keychain is locked (not that the secret is missing) when it is locked', async () => {
    await withOneProfile()
    fx.secrets.mode = 'locked'
    const state = await fx.service.state()
    expect(state.keychain).toMatchObject({ available: false, reason: 'The system keychain is locked.' })
    expect(state.profiles.map((p) => p.secret)).toEqual(['not-needed', 'unknown'])
    expect(await fx.service.credentialsFor(ID)).toMatchObject({ ok: false, error: { kind: 'keychain', message: 'The system keychain is locked.' } })
  })

  it('refuses credentials for a stored base URL that breaks the rule (a hand-edited file)', async () => {
    await withOneProfile()
    const file = (await fx.readProfilesFile()) ?? ''
    await writeFile(fx.profilesPath, file.replace('https://api.tellus.example', 'http://attacker.example'))
    expect(await fx.restart().credentialsFor(ID)).toMatchObject({ ok: false, error: { kind: 'invalid-input' } })
  })
})
