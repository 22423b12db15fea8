import { describe, expect, it } from 'vitest'
import { fail, ok, type Result } from '@common/errors'
import type { ProfilesState } from '@common/profile-types'
import { createAppStore } from '@renderer/store/create-app-store'
import { createFakeApi, deferred, DEMO_PROFILES } from '../support/fake-api'

describe('profiles slice', () => {
  it('marks an action pending, then records its error against that action and profile', async () => {
    const answer = deferred<Result<ProfilesState>>()
    const store = createAppStore(createFakeApi({ activateProfile: () => answer.promise }).api)
    const running = store.getState().activateProfile('p-1')
    expect(store.getState().profilePending).toEqual({ action: 'activate', profileId: 'p-1' })
    answer.resolve(fail({ kind: 'keychain', message: 'No keychain.' }))
    await running
    expect(store.getState().profilePending).toBeNull()
    expect(store.getState().profileError).toEqual({ action: 'activate', profileId: 'p-1', error: { kind: 'keychain', message: 'No keychain.' } })
    store.getState().clearProfileError()
    expect(store.getState().profileError).toBeNull()
  })

  it('derives the active profile name from every new state', async () => {
    const fake = createFakeApi()
    const store = createAppStore(fake.api)
    expect(store.getState().activeProfileName).toBeNull()
    await store.getState().loadProfiles()
    expect(store.getState().activeProfileName).toBe('Demo fleet')
    fake.handlers.signOut = () => ok({ ...DEMO_PROFILES, activeProfileId: null })
    await store.getState().signOut()
    expect(store.getState().activeProfileName).toBeNull()
  })

  it('ignores a listing that was overtaken by an action', async () => {
    const slowList = deferred<Result<ProfilesState>>()
    const added: ProfilesState = { ...DEMO_PROFILES, activeProfileId: null }
    const fake = createFakeApi({ listProfiles: () => slowList.promise, addProfile: () => ok(added) })
    const store = createAppStore(fake.api)
    const loading = store.getState().loadProfiles()
    await store.getState().addProfile({ name: 'N', baseUrl: 'https://n.example.com', clientId: 'c', clientSecret: 's' })
    slowList.resolve(ok(DEMO_PROFILES))
    await loading
    expect(store.getState().profilesState).toBe(added)
    expect(store.getState().profilesStatus).toBe('loaded')
  })
})
