import { describe, expect, it, vi } from 'vitest'
import { fail, ok } from '@common/errors'
import { newestPerDevice } from '@renderer/store/device-slice'
import { createAppStore } from '@renderer/store/create-app-store'
import { createFakeApi, deferred, DEMO_PROFILES } from '../support/fake-api'
import type { DeviceFetch } from '@common/ipc/contract'
import type { ProfilesState, ProfileView } from '@common/profile-types'
import { deviceData, metaOf, liveFetch, snapshotOf } from '../support/fixtures'
import type { Site } from '@common/tellus/schemas'
import type { Result } from '@common/errors'

describe('device slice', () => {
  it('keeps the newest snapshot of each device, newest device first', () => {
    const newest = newestPerDevice([
      metaOf('dvc_a', '2026-01-01T00:00:00Z'),
      metaOf('dvc_b', '2026-01-03T00:00:00Z'),
      metaOf('dvc_a', '2026-01-04T00:00:00Z'),
      metaOf('dvc_c', '2026-01-02T00:00:00Z'),
    ])
    expect(newest.map((m) => [m.deviceId, m.fetchedAt])).toEqual([
      ['dvc_a', '2026-01-04T00:00:00Z'],
      ['dvc_b', '2026-01-03T00:00:00Z'],
      ['dvc_c', '2026-01-02T00:00:00Z'],
    ])
  })

  it('refreshes recent devices after each fetch, even a failed one', async () => {
    const fake = createFakeApi({ fetchDevice: () => fail({ kind: 'api', code: 3001, message: 'not found' }) })
    const store = createAppStore(fake.api)
    await store.getState().fetchDevice('dvc_a1b2c3d4e5f6')
    await Promise.resolve()
    expect(fake.callsOf('listSnapshots')).toEqual([{ limit: 200 }])
    expect(store.getState().deviceStatus).toBe('error')
    expect(store.getState().deviceError?.code).toBe(3001)
    expect(store.getState().current).toBeNull()
  })

  it('records the pacing wait from client events and clears it when the fetch settles', async () => {
    const answer = deferred<Awaited<ReturnType<typeof fake.api.fetchDevice>>>()
    const fake = createFakeApi({ fetchDevice: () => answer.promise })
    const store = createAppStore(fake.api)
    const pending = store.getState().fetchDevice('dvc_a1b2c3d4e5f6')
    fake.emit('client:pacing', { waitMs: 4_000, reason: 'token' })
    expect(store.getState()).toMatchObject({ pacingWaitMs: 4_000, pacingReason: 'token' })
    answer.resolve(ok(liveFetch(deviceData())))
    await pending
    expect(store.getState()).toMatchObject({ pacingWaitMs: null, pacingReason: null, pacingUntil: null, deviceStatus: 'idle' })
    expect(store.getState().current?.source).toBe('live')
  })

  it('lets a snapshot opened during a fetch win over the late response', async () => {
    const answer = deferred<Awaited<ReturnType<typeof fake.api.fetchDevice>>>()
    const fake = createFakeApi({ fetchDevice: () => answer.promise })
    const store = createAppStore(fake.api)
    const pending = store.getState().fetchDevice('dvc_000000000001')
    const opened = snapshotOf(deviceData({ device_id: 'dvc_000000000002' }))
    store.getState().openSnapshot(opened)
    answer.resolve(ok(liveFetch(deviceData({ device_id: 'dvc_000000000001' }))))
    await pending
    expect(store.getState().current).toEqual({ saved: true, snapshot: opened, source: 'snapshot' })
    expect(store.getState().deviceQuery).toBe('dvc_000000000002')
  })
})

describe('sites slice', () => {
  const SITE: Site = { site_id: 'site_001', name: 'Depot' }

  it('loads sites once per profile and reloads when the profile changes', async () => {
    const fake = createFakeApi({ listSites: () => ok([SITE]) })
    const store = createAppStore(fake.api)
    await store.getState().ensureSitesFor('demo')
    await store.getState().ensureSitesFor('demo')
    expect(fake.callsOf('listSites')).toHaveLength(1)
    expect(store.getState()).toMatchObject({ sites: [SITE], sitesStatus: 'loaded' })
    await store.getState().ensureSitesFor('acme')
    expect(fake.callsOf('listSites')).toHaveLength(2)
  })

  it('reloads failed sites once the profile in use is saved with fixed credentials', async () => {
    const north: ProfileView = {
      id: 'prof_north', name: 'North', baseUrl: 'https://api.north.example.com/v1', clientIdMasked: '••••9f2a',
      createdAt: '2026-01-01T00:00:00Z', lastUsedAt: null, isDemo: false, secret: 'stored',
    }
    const state: ProfilesState = { ...DEMO_PROFILES, profiles: [...DEMO_PROFILES.profiles, north], activeProfileId: 'prof_north' }
    let secretFixed = false
    const fake = createFakeApi({
      listProfiles: () => ok(state),
      updateProfile: () => ok({ ...state }),
      listSites: (): Result<Site[]> => (secretFixed ? ok([SITE]) : fail({ kind: 'auth', code: 2001, message: 'rejected' })),
    })
    const store = createAppStore(fake.api)
    await store.getState().loadProfiles()
    await store.getState().ensureSitesFor('prof_north')
    expect(store.getState()).toMatchObject({ sitesStatus: 'error', sitesError: { code: 2001 } })

    secretFixed = true
    await store.getState().updateProfile({ id: 'prof_north', clientSecret: 'the-right-one' })
    await vi.waitFor(() => expect(store.getState()).toMatchObject({ sites: [SITE], sitesStatus: 'loaded', sitesError: null }))
    expect(fake.callsOf('listSites')).toHaveLength(2)

    // Saving again while the sites are fine costs no request.
    await store.getState().updateProfile({ id: 'prof_north', name: 'North depot' })
    await Promise.resolve()
    expect(fake.callsOf('listSites')).toHaveLength(2)
  })

  it('keeps the error when sites cannot be listed', async () => {
    const fake = createFakeApi({ listSites: (): Result<Site[]> => fail({ kind: 'network', message: 'offline' }) })
    const store = createAppStore(fake.api)
    await store.getState().loadSites()
    expect(store.getState()).toMatchObject({ sites: [], sitesStatus: 'error', sitesError: { kind: 'network' } })
  })
})

describe('errors of an earlier lookup or profile', () => {
  const OPERATOR_STATE: ProfilesState = {
    ...DEMO_PROFILES,
    profiles: [
      ...DEMO_PROFILES.profiles,
      { ...DEMO_PROFILES.profiles[0]!, id: 'prof_north', name: 'North', isDemo: false, baseUrl: 'https://api.example.com/v1' },
    ],
  }

  it('are cleared when another profile is activated', async () => {
    const fake = createFakeApi({
      listProfiles: () => ok(OPERATOR_STATE),
      activateProfile: ({ id }) => ok({ ...OPERATOR_STATE, activeProfileId: id }),
      fetchDevice: () => fail({ kind: 'auth', code: 2001, message: 'Token rejected.' }),
    })
    const store = createAppStore(fake.api)
    await store.getState().loadProfiles()
    await store.getState().fetchDevice('dvc_a1b2c3d4e5f6')
    expect(store.getState().deviceError?.code).toBe(2001)

    await store.getState().activateProfile('prof_north')
    expect(store.getState().deviceError).toBeNull()
    expect(store.getState().deviceStatus).toBe('idle')
  })

  it('are dropped from an offline copy on screen when the profile changes; the copy stays', async () => {
    const fake = createFakeApi({
      listProfiles: () => ok(OPERATOR_STATE),
      activateProfile: ({ id }) => ok({ ...OPERATOR_STATE, activeProfileId: id }),
      fetchDevice: () => ok({ source: 'offline', snapshot: snapshotOf(deviceData()), error: { kind: 'auth', message: 'Sign-in failed.' } }),
    })
    const store = createAppStore(fake.api)
    await store.getState().loadProfiles()
    await store.getState().fetchDevice('dvc_a1b2c3d4e5f6')
    expect(store.getState().current?.error?.message).toBe('Sign-in failed.')

    await store.getState().activateProfile('prof_north')
    expect(store.getState().current?.source).toBe('offline')
    expect(store.getState().current?.error).toBeUndefined()
  })

  it('are cleared when a new lookup starts', async () => {
    const answer = deferred<Result<DeviceFetch>>()
    let first = true
    const fake = createFakeApi({
      fetchDevice: () => {
        if (!first) return answer.promise
        first = false
        return fail({ kind: 'network', message: 'No network.' })
      },
    })
    const store = createAppStore(fake.api)
    await store.getState().fetchDevice('dvc_a1b2c3d4e5f6')
    expect(store.getState().deviceError?.kind).toBe('network')
    const pending = store.getState().fetchDevice('dvc_b1b2c3d4e5f6')
    expect(store.getState().deviceError).toBeNull()
    answer.resolve(ok(liveFetch(deviceData())))
    await pending
  })

  it('asks the view to reveal a lookup result, but not a refresh of the device on screen', async () => {
    const fake = createFakeApi({ fetchDevice: () => ok(liveFetch(deviceData())) })
    const store = createAppStore(fake.api)
    await store.getState().fetchDevice('dvc_a1b2c3d4e5f6')
    expect(store.getState().revealPending).toBe(true)
    store.getState().resultRevealed()
    await store.getState().fetchDevice('dvc_a1b2c3d4e5f6', { refresh: true })
    expect(store.getState().revealPending).toBe(false)
  })
})
