/**
 * After a damaged profiles.json (issue 11 #6): the profiles state carries the notice (with the real
 * moved-aside path) until dismissed, the keychain entries left without a profile are listed, and
 * one can be re-linked to a new profile (verified with the keychain's secret against a base URL the
 * technician typed and confirmed) or forgotten. The secret never leaves the service.
 */
import { readdir, writeFile } from 'node:fs/promises'
import { join } from 'node:path'
import { afterEach, describe, expect, it } from 'vitest'
import { appError, fail } from '@common/errors'
import { DEMO_PROFILE_ID } from '@common/profile-types'
import { MemorySecretStore } from '@main/credentials/memory-secret-store'
import { createMemoryLogger } from '@main/logger'
import { createTestServices } from '../../support/main-services'
import { createProfileFixture, profileInput, SECRET, type ProfileFixture } from './profile-fixture'

const LOST = 'prf_lost_1'
const OTHER_LOST = 'prf_lost_2'
const relinkInput = (overrides: Partial<{ account: string; name: string; baseUrl: string; clientId: string }> = {}) => ({
  account: LOST,
  name: 'North depot',
  baseUrl: 'https://api.tellus.example/v1',
  clientId: 'cpms_123456',
  originConfirmed: true as const,
  ...overrides,
})

let fx: ProfileFixture
afterEach(async () => {
  await fx.cleanup()
})

/** A userData folder whose profiles.json is garbage, and a keychain that still holds two secrets. */
async function afterDamage(mode: 'available' | 'locked' = 'available'): Promise<ProfileFixture> {
  fx = await createProfileFixture(new MemorySecretStore({ entries: { [LOST]: SECRET, [OTHER_LOST]: `${SECRET}-2` } }))
  await writeFile(fx.profilesPath, '{"version":1,"profiles":[{"id":"prf_lost_1","na')
  fx.secrets.mode = mode
  return fx
}

async function movedAsidePath(): Promise<string> {
  const aside = (await readdir(fx.dir)).find((name) => name.startsWith('profiles.json.corrupt-'))
  if (!aside) throw new Error('nothing was moved aside')
  return join(fx.dir, aside)
}

describe('the profiles state after a damaged profiles.json', () => {
  it('carries the notice with the real moved-aside path, and lists the keychain entries left without a profile', async () => {
    await afterDamage()
    const state = await fx.service.state()
    const aside = await movedAsidePath()
    expect(state.fileNotice).toEqual({
      message: `Your profiles file was damaged and moved to ${aside}. Tellus Field started without your operator profiles.`,
      action: expect.stringContaining('2 client secrets are still in the system keychain: re-link each one below'),
    })
    expect(state.unlinkedSecrets).toEqual([{ account: LOST }, { account: OTHER_LOST }])
    expect(JSON.stringify(state)).not.toContain(SECRET)
  })

  it('says to add the profiles again when no secret survived', async () => {
    fx = await createProfileFixture()
    await writeFile(fx.profilesPath, 'garbage')
    const state = await fx.service.state()
    expect(state.fileNotice?.message).toContain(await movedAsidePath())
    expect(state.fileNotice?.action).toMatch(/Add your operator profiles again/)
    expect(state.unlinkedSecrets).toEqual([])
  })

  it('has no notice when the file was fine, and none once dismissed', async () => {
    fx = await createProfileFixture()
    expect((await fx.service.state()).fileNotice).toBeNull()
    await fx.cleanup()
    await afterDamage()
    expect((await fx.service.state()).fileNotice).not.toBeNull()
    const dismissed = await fx.service.dismissFileNotice()
    expect(dismissed).toMatchObject({ ok: true, value: { fileNotice: null } })
    expect((await fx.service.state()).fileNotice).toBeNull()
    // The secrets are still offered for re-linking after the notice is gone.
    expect((await fx.service.state()).unlinkedSecrets).toHaveLength(2)
  })

  it('lists a keychain entry without a profile even when the file was simply deleted', async () => {
    fx = await createProfileFixture(new MemorySecretStore({ entries: { [LOST]: SECRET } }))
    const state = await fx.service.state()
    expect(state.fileNotice).toBeNull()
    expect(state.unlinkedSecrets).toEqual([{ account: LOST }])
  })

  it('lists nothing while the keychain is locked (it cannot say what it holds)', async () => {
    await afterDamage('locked')
    const state = await fx.service.state()
    expect(state.unlinkedSecrets).toEqual([])
    expect(state.fileNotice?.action).toMatch(/Add your operator profiles again/)
  })
})

describe('ProfileService.relink', () => {
  it('verifies the keychain secret against the confirmed base URL, saves the profile under the same account and makes it active', async () => {
    await afterDamage()
    await fx.service.state()
    const result = await fx.service.relink(relinkInput())
    expect(fx.verifyCalls).toEqual([{ baseUrl: 'https://api.tellus.example/v1', clientId: 'cpms_123456', clientSecret: SECRET }])
    expect(result.ok).toBe(true)
    if (!result.ok) return
    expect(result.value.activeProfileId).toBe(LOST)
    expect(result.value.profiles.find((p) => p.id === LOST)).toMatchObject({ name: 'North depot', baseUrl: 'https://api.tellus.example/v1', secret: 'stored', clientIdMasked: '•••••••3456' })
    expect(result.value.unlinkedSecrets).toEqual([{ account: OTHER_LOST }])
    expect(JSON.stringify(result)).not.toContain(SECRET)
    expect(await fx.secrets.get(LOST)).toBe(SECRET)
    expect(fx.changes).toEqual([[LOST, 'added']])
    const file = (await fx.readProfilesFile()) ?? ''
    expect(file).not.toContain(SECRET)
    expect(JSON.parse(file)).toMatchObject({ activeProfileId: LOST, profiles: [{ id: LOST, clientId: 'cpms_123456' }] })
  })

  it('refuses without the technician confirming the server, before anything is sent', async () => {
    await afterDamage()
    const result = await fx.service.relink({ ...relinkInput(), originConfirmed: false as unknown as true })
    expect(result).toMatchObject({ ok: false, error: { kind: 'invalid-input', message: expect.stringContaining('server this client secret was entered for') } })
    expect(fx.verifyCalls).toEqual([])
  })

  it('stores nothing when the API refuses the credentials', async () => {
    await afterDamage()
    fx.verdict = fail(appError('auth', 'Token rejected (2001).', { code: 2001 }))
    const result = await fx.service.relink(relinkInput())
    expect(result).toMatchObject({ ok: false, error: { code: 2001 } })
    expect((await fx.service.state()).profiles.map((p) => p.id)).toEqual([DEMO_PROFILE_ID])
    expect(await fx.secrets.get(LOST)).toBe(SECRET)
  })

  it('refuses an account the keychain does not hold, or one a profile already uses, without verifying', async () => {
    await afterDamage()
    expect(await fx.service.relink(relinkInput({ account: 'prf_never_there' }))).toMatchObject({ ok: false, error: { kind: 'invalid-input', message: expect.stringContaining('no longer in the keychain') } })
    expect((await fx.service.relink(relinkInput())).ok).toBe(true)
    fx.verifyCalls.length = 0
    expect(await fx.service.relink(relinkInput({ name: 'Again' }))).toMatchObject({ ok: false, error: { kind: 'invalid-input', message: expect.stringContaining('already belongs to profile "North depot"') } })
    expect(fx.verifyCalls).toEqual([])
  })

  it('checks the typed fields like adding a profile does', async () => {
    await afterDamage()
    expect((await fx.service.add(profileInput({ name: 'Taken' }))).ok).toBe(true)
    fx.verifyCalls.length = 0
    expect(await fx.service.relink(relinkInput({ name: 'taken' }))).toMatchObject({ ok: false, error: { message: expect.stringContaining('already exists') } })
    expect(await fx.service.relink(relinkInput({ baseUrl: 'http://api.tellus.example' }))).toMatchObject({ ok: false, error: { message: expect.stringContaining('https://') } })
    expect(await fx.service.relink(relinkInput({ clientId: '  ' }))).toMatchObject({ ok: false, error: { message: 'Enter the client ID.' } })
    expect(fx.verifyCalls).toEqual([])
  })

  it('refuses while the keychain is locked, saying so', async () => {
    await afterDamage('locked')
    expect(await fx.service.relink(relinkInput())).toMatchObject({ ok: false, error: { kind: 'keychain' } })
    expect(fx.verifyCalls).toEqual([])
  })
})

describe('ProfileService.forgetUnlinked', () => {
  it('deletes a keychain entry no profile uses, and refuses one a profile uses', async () => {
    await afterDamage()
    const result = await fx.service.forgetUnlinked(OTHER_LOST)
    expect(result).toMatchObject({ ok: true, value: { unlinkedSecrets: [{ account: LOST }] } })
    expect(await fx.secrets.get(OTHER_LOST)).toBeNull()
    expect((await fx.service.relink(relinkInput())).ok).toBe(true)
    expect(await fx.service.forgetUnlinked(LOST)).toMatchObject({ ok: false, error: { kind: 'invalid-input' } })
    expect(await fx.secrets.get(LOST)).toBe(SECRET)
  })
})

describe('the damaged file in the log', () => {
  it('is logged once, with the moved-aside path, when the app starts over it', async () => {
    fx = await createProfileFixture()
    await writeFile(fx.profilesPath, 'garbage')
    const logger = createMemoryLogger()
    const services = await createTestServices(fx.dir, { logger })
    try {
      await services.profiles.state()
      await services.profiles.state()
      const aside = await movedAsidePath()
      const lines = logger.lines.filter((line) => line.includes('profiles.json'))
      expect(lines).toEqual([expect.stringMatching(/^warn .*damaged.*/)])
      expect(lines[0]).toContain(aside)
    } finally {
      await services.dispose()
    }
  })
})
