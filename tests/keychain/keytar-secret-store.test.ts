/** The keytar store against a real Secret Service (gnome-keyring under dbus-run-session). */
import { randomBytes } from 'node:crypto'
import { readFile, writeFile } from 'node:fs/promises'
import { join } from 'node:path'
import { afterAll, afterEach, describe, expect, it } from 'vitest'
import { ok } from '@common/errors'
import { KeytarSecretStore, PROBE_ACCOUNT } from '@main/credentials/keytar-secret-store'
import { ProfileService } from '@main/credentials/profile-service'
import { ProfileStore } from '@main/credentials/profile-store'
import { SCENARIO_DEMO } from './support/scenario-shared'
import { tempRoot } from '../support/common-fixtures'

const SUFFIX = `test-${process.pid}-${randomBytes(4).toString('hex')}`
const store = new KeytarSecretStore({ serviceSuffix: SUFFIX })

async function clearService(target: KeytarSecretStore): Promise<void> {
  for (const account of [...(await target.list()), PROBE_ACCOUNT]) await target.delete(account)
}

afterEach(async () => {
  await clearService(store)
})
afterAll(async () => {
  expect(await store.list()).toEqual([])
})

describe('KeytarSecretStore on a real Secret Service', () => {
  it('probes the keychain as available, and leaves no probe entry behind', async () => {
    expect(await store.probe()).toEqual({ available: true })
    expect(await store.list()).toEqual([])
    expect(await store.get(PROBE_ACCOUNT)).toBeNull()
  })

  it('saves, reads, replaces and deletes a secret', async () => {
    expect(await store.get('prf_a')).toBeNull()
    await store.set('prf_a', 'sec_first')
    expect(await store.get('prf_a')).toBe('sec_first')
    await store.set('prf_a', 'sec_second ✓ with unicode')
    expect(await store.get('prf_a')).toBe('sec_second ✓ with unicode')
    expect(await store.delete('prf_a')).toBe(true)
    expect(await store.get('prf_a')).toBeNull()
    expect(await store.delete('prf_a')).toBe(false)
  })

  it('lists the accounts of its own service only', async () => {
    const other = new KeytarSecretStore({ serviceSuffix: `${SUFFIX}-other` })
    try {
      await store.set('prf_a', 'sec_a')
      await store.set('prf_b', 'sec_b')
      await other.set('prf_c', 'sec_c')
      expect((await store.list()).sort()).toEqual(['prf_a', 'prf_b'])
      expect(await other.list()).toEqual(['prf_c'])
      expect(await store.get('prf_c')).toBeNull()
    } finally {
      await clearService(other)
    }
  })

  it('backs ProfileService: the secret lands in the keychain, never in profiles.json, and goes with the profile', async () => {
    const { root: userData, cleanup } = await tempRoot('tellus-keychain-')
    try {
      const service = new ProfileService({
        store: new ProfileStore(userData),
        secrets: store,
        verifyCredentials: async () => ok(undefined),
        now: Date.now,
        demo: { baseUrl: () => SCENARIO_DEMO.baseUrl, runningBaseUrl: () => SCENARIO_DEMO.baseUrl, credentials: SCENARIO_DEMO.credentials },
        newId: () => 'prf_real_1',
      })
      const secret = `sec_${randomBytes(8).toString('hex')}`
      const added = await service.add({ name: 'North depot', baseUrl: 'https://api.tellus.example', clientId: 'cpms_123456', clientSecret: secret })
      expect(added).toMatchObject({ ok: true, value: { keychain: { available: true }, profiles: [{ id: 'demo' }, { id: 'prf_real_1', secret: 'stored' }] } })
      expect(JSON.stringify(added)).not.toContain(secret)
      expect(await store.get('prf_real_1')).toBe(secret)
      expect(await readFile(join(userData, 'profiles.json'), 'utf8')).not.toContain(secret)
      expect(await service.credentialsFor('prf_real_1')).toMatchObject({ ok: true, value: { clientSecret: secret } })

      await store.delete('prf_real_1')
      expect((await service.state()).profiles[1]?.secret).toBe('missing')
      expect((await service.update({ id: 'prf_real_1', clientSecret: secret })).ok).toBe(true)
      expect((await service.remove('prf_real_1')).ok).toBe(true)
      expect(await store.get('prf_real_1')).toBeNull()
    } finally {
      await cleanup()
    }
  })

  it('after a damaged profiles.json lists the kept secret (findCredentials) and re-links it with the confirmed base URL', async () => {
    const { root: userData, cleanup } = await tempRoot('tellus-keychain-')
    try {
      const secret = `sec_${randomBytes(8).toString('hex')}`
      await store.set('prf_lost_1', secret)
      await writeFile(join(userData, 'profiles.json'), '{"version":1,"profiles":[{"id":"prf_lo')
      const checked: unknown[] = []
      const service = new ProfileService({
        store: new ProfileStore(userData),
        secrets: store,
        verifyCredentials: async (credentials) => (checked.push(credentials), ok(undefined)),
        now: Date.now,
        demo: { baseUrl: () => SCENARIO_DEMO.baseUrl, runningBaseUrl: () => SCENARIO_DEMO.baseUrl, credentials: SCENARIO_DEMO.credentials },
      })
      const state = await service.state()
      expect(state.fileNotice?.message).toContain(join(userData, 'profiles.json.corrupt-'))
      expect(state.unlinkedSecrets).toEqual([{ account: 'prf_lost_1' }])
      const relinked = await service.relink({ account: 'prf_lost_1', name: 'North depot', baseUrl: 'https://api.tellus.example/v1', clientId: 'cpms_123456', originConfirmed: true })
      expect(relinked).toMatchObject({ ok: true, value: { activeProfileId: 'prf_lost_1', unlinkedSecrets: [], profiles: [{ id: 'demo' }, { id: 'prf_lost_1', secret: 'stored' }] } })
      expect(JSON.stringify(relinked)).not.toContain(secret)
      expect(checked).toEqual([{ baseUrl: 'https://api.tellus.example/v1', clientId: 'cpms_123456', clientSecret: secret }])
    } finally {
      await cleanup()
    }
  })
})
