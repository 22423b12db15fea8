/** Tokens against the simulator over real HTTP: sharing, expiry and renewal, 2001/2002/2003, sign-out. */
import { describe, expect, it } from 'vitest'
import { TellusClient } from '@main/tellus/tellus-client'
import { useSimulators } from './support'

const startSimulator = useSimulators()
const tokenPosts = (requests: { method: string; path: string }[]) => requests.filter((r) => r.method === 'POST' && r.path === '/v1/operator/oauth/token')

describe('TellusClient tokens', () => {
  it('shares one token request among 10 parallel device fetches', async () => {
    const { sim, clientOptions } = await startSimulator()
    const client = new TellusClient(clientOptions())
    const results = await Promise.all(Array.from({ length: 10 }, (_, i) => client.getDevice(sim.deviceIds[i % sim.deviceIds.length]!)))
    expect(results.every((r) => r.ok)).toBe(true)
    expect(sim.control.tokenRequestCount()).toBe(1)
  })

  it('sends the documented token request', async () => {
    const { sim, clientOptions } = await startSimulator()
    const bodies: string[] = []
    const client = new TellusClient(
      clientOptions({
        fetch: (input, init) => {
          if (typeof init?.body === 'string') bodies.push(init.body)
          return fetch(input, init)
        },
      }),
    )
    expect(await client.verifyCredentials()).toEqual({ ok: true, value: undefined })
    expect(bodies.map((b) => JSON.parse(b) as unknown)).toEqual([
      { client_id: sim.credentials.clientId, client_secret: sim.credentials.clientSecret, grant_type: 'client_credentials' },
    ])
  })

  it('reuses the token, and renews it 60 s before it expires', async () => {
    const { sim, time, clientOptions } = await startSimulator({ tokenTtlSeconds: 600 })
    const client = new TellusClient(clientOptions())
    const id = sim.deviceIds[0]!
    await client.getDevice(id)
    time.advance(600_000 - 61_000)
    await client.getDevice(id)
    expect(sim.control.tokenRequestCount()).toBe(1)
    time.advance(2000) // now inside the last minute of the token's life
    expect((await client.getDevice(id)).ok).toBe(true)
    expect(sim.control.tokenRequestCount()).toBe(2)
    // The renewal came before the old token could be refused: no 401 anywhere.
    expect(sim.control.requests().filter((r) => r.status === 401)).toEqual([])
  })

  it.each([
    ['2002 (token expired)', 'expireAllTokens'],
    ['2001 (token rejected)', 'revokeAllTokens'],
  ] as const)('renews once and retries once on %s', async (_code, invalidate) => {
    const { sim, clientOptions } = await startSimulator()
    const client = new TellusClient(clientOptions())
    const id = sim.deviceIds[0]!
    await client.getDevice(id)
    sim.control.resetRequestLog()
    sim.control[invalidate]()
    expect((await client.getDevice(id)).ok).toBe(true)
    expect(sim.control.requests().map((r) => `${r.method} ${r.status}`)).toEqual(['GET 401', 'POST 200', 'GET 200'])
  })

  it('shares the renewal when many callers hit 2002 at once', async () => {
    const { sim, clientOptions } = await startSimulator()
    const client = new TellusClient(clientOptions())
    await client.getDevice(sim.deviceIds[0]!)
    sim.control.resetRequestLog()
    sim.control.expireAllTokens()
    const results = await Promise.all(sim.deviceIds.slice(0, 6).map((id) => client.getDevice(id)))
    expect(results.every((r) => r.ok)).toBe(true)
    expect(sim.control.tokenRequestCount()).toBe(1)
  })

  it('reports a token rejected again after renewal, without a third try', async () => {
    const { sim, clientOptions } = await startSimulator()
    let posts = 0
    // Every token the simulator issues is revoked the moment it arrives: each use gets 2001.
    const client = new TellusClient(
      clientOptions({
        fetch: async (input, init) => {
          const response = await fetch(input, init)
          if (init?.method === 'POST') {
            posts += 1
            sim.control.revokeAllTokens()
          }
          return response
        },
      }),
    )
    const result = await client.getDevice(sim.deviceIds[0]!)
    expect(result).toMatchObject({
      ok: false,
      error: { kind: 'auth', code: 2001, status: 401, action: 'Check the client ID and secret in Profiles.' },
    })
    expect(!result.ok && result.error.message).toContain('Token rejected (2001)')
    expect(posts).toBe(2)
    expect(sim.control.requests().filter((r) => r.method === 'GET')).toHaveLength(2)
  })

  it('reports wrong credentials from the token endpoint without retrying', async () => {
    const { sim, clientOptions } = await startSimulator()
    const client = new TellusClient(clientOptions({ clientSecret: 'not-the-secret' }))
    const result = await client.getDevice(sim.deviceIds[0]!)
    expect(result).toMatchObject({
      ok: false,
      error: { kind: 'auth', code: 2001, message: 'The Tellus API did not accept the client ID and secret (2001).', action: 'Check the client ID and secret in Profiles.' },
    })
    expect(sim.control.tokenRequestCount()).toBe(1)
    expect(await client.verifyCredentials()).toMatchObject({ ok: false, error: { kind: 'auth', code: 2001 } })
  })

  it('reports a client without the read scope (2003) without retrying', async () => {
    const { sim, clientOptions } = await startSimulator()
    sim.control.addClient('write_only_client', 'write-only-secret', ['write'])
    const client = new TellusClient(clientOptions({ clientId: 'write_only_client', clientSecret: 'write-only-secret' }))
    const result = await client.getDevice(sim.deviceIds[0]!)
    expect(result).toMatchObject({
      ok: false,
      error: { kind: 'auth', code: 2003, message: 'This client_id lacks the read scope (2003).', action: "Ask the operator's platform team to grant it the read scope." },
    })
    expect(sim.control.requests().filter((r) => r.method === 'GET')).toHaveLength(1)
  })

  it('verifyCredentials makes exactly one token request', async () => {
    const { sim, clientOptions } = await startSimulator()
    const client = new TellusClient(clientOptions())
    expect(await client.verifyCredentials()).toEqual({ ok: true, value: undefined })
    expect(sim.control.requests().map((r) => `${r.method} ${r.path}`)).toEqual(['POST /v1/operator/oauth/token'])
  })

  it('signOut / clearToken drop the token: the next call signs in again', async () => {
    const { sim, clientOptions } = await startSimulator()
    const client = new TellusClient(clientOptions())
    await client.getDevice(sim.deviceIds[0]!)
    expect(client.toJSON().signedIn).toBe(true)
    client.signOut()
    expect(client.toJSON().signedIn).toBe(false)
    await client.getDevice(sim.deviceIds[0]!)
    client.clearToken()
    await client.getDevice(sim.deviceIds[0]!)
    expect(tokenPosts(sim.control.requests())).toHaveLength(3)
  })
})
