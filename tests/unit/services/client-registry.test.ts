import { describe, expect, it } from 'vitest'
import { appError, fail, ok, type Result } from '@common/errors'
import { ClientRegistry, type ActiveProfile, type ProfileCredentials } from '@main/services/client-registry'

const credentials: ProfileCredentials = { baseUrl: 'https://api.example.com/v1', clientId: 'cpms_1', clientSecret: 's3cret-value' }
const north: ActiveProfile = { id: 'p1', name: 'North depot', baseUrl: credentials.baseUrl }
const profileInUse = async () => ok(north)

/** A registry whose profile service answers `first`, then `next` every time, counting the questions. */
function registryAnswering(first: Result<ActiveProfile>, next: Result<ActiveProfile> = first) {
  const asked = { count: 0 }
  const registry = new ClientRegistry({
    profileInUse: async () => (asked.count++ === 0 ? first : next),
    credentialsFor: async () => ok(credentials),
    createClient: () => ({ clearToken: () => undefined }),
  })
  return { registry, asked }
}

describe('ClientRegistry', () => {
  it('creates one client for a profile when two callers ask at once (single flight)', async () => {
    let reads = 0
    const created: object[] = []
    const registry = new ClientRegistry({
      profileInUse,
      credentialsFor: async () => {
        reads += 1
        await new Promise((resolve) => setTimeout(resolve, 5))
        return ok(credentials)
      },
      createClient: () => {
        const client = { clearToken: () => undefined }
        created.push(client)
        return client
      },
    })
    const [a, b] = await Promise.all([registry.clientFor('p1'), registry.clientFor('p1')])
    expect(created).toHaveLength(1)
    expect(reads).toBe(1)
    expect(a.ok && b.ok && a.value === b.value).toBe(true)
  })

  it('a drop while the client is being created wins: the next caller gets a new client', async () => {
    const created: object[] = []
    const registry = new ClientRegistry({
      profileInUse,
      credentialsFor: async () => ok(credentials),
      createClient: () => {
        const client = { clearToken: () => undefined }
        created.push(client)
        return client
      },
    })
    const pending = registry.clientFor('p1')
    registry.drop('p1')
    await pending
    const next = await registry.clientFor('p1')
    expect(created).toHaveLength(2)
    expect(next.ok && next.value).toBe(created[1])
  })

  it('answers the profile in use and its client, asking the profiles once until a profile is dropped', async () => {
    const south: ActiveProfile = { id: 'p2', name: 'South depot', baseUrl: credentials.baseUrl }
    const { registry, asked } = registryAnswering(ok(north), ok(south))
    const first = await registry.active()
    const second = await registry.active()
    expect(first).toMatchObject({ ok: true, value: { profile: north } })
    expect(second.ok && first.ok && second.value.client === first.value.client).toBe(true)
    expect(asked.count).toBe(1)
    registry.drop('p2') // activating (or changing, or signing out of) any profile drops one
    expect(await registry.active()).toMatchObject({ ok: true, value: { profile: south } })
    expect(asked.count).toBe(2)
  })

  it('does not keep a failed answer: the next lookup asks the profiles again', async () => {
    const unavailable = appError('internal', 'The demo fleet could not be started.')
    const { registry, asked } = registryAnswering(fail(unavailable), ok(north))
    expect(await registry.active()).toEqual(fail(unavailable))
    expect(await registry.active()).toMatchObject({ ok: true, value: { profile: north } })
    expect(asked.count).toBe(2)
  })

  it('a drop while the profile in use is being asked for wins: the next caller asks again', async () => {
    const { registry, asked } = registryAnswering(ok(north))
    const pending = registry.active()
    registry.drop('p1')
    await pending
    await registry.active()
    expect(asked.count).toBe(2)
  })
})
