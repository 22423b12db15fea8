import { describe, expect, it } from 'vitest'
import { ok } from '@common/errors'
import { ClientRegistry, type ProfileCredentials } from '@main/services/client-registry'

const credentials: ProfileCredentials = { baseUrl: 'https://api.example.com/v1', clientId: 'cpms_1', clientSecret: 's3cret-value' }

describe('ClientRegistry', () => {
  it('creates one client for a profile when two callers ask at once (single flight)', async () => {
    let reads = 0
    const created: object[] = []
    const registry = new ClientRegistry({
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
})
