import { describe, expect, it } from 'vitest'
import { ErrorEnvelopeSchema } from './v13-schemas'
import { get, issueToken, useSimulators } from './support'

const start = useSimulators()

const PROTECTED = ['/operator/sites', '/operator/devices/dvc_a1b2c3d4e5f6', '/operator/charging-records']

function expectError(response: { status: number; json: unknown }, status: number, code: number) {
  expect(response.status).toBe(status)
  expect(ErrorEnvelopeSchema.parse(response.json).code).toBe(code)
}

describe('protected endpoints', () => {
  it.each(PROTECTED)('%s answers 401/2001 without a token and with a bad one', async (path) => {
    const { sim } = await start()
    expectError(await get(sim, path), 401, 2001)
    expectError(await get(sim, path, 'not-a-token'), 401, 2001)
    const raw = await fetch(`${sim.baseUrl}${path}`, { headers: { authorization: 'Basic abc' } })
    expectError({ status: raw.status, json: await raw.json() }, 401, 2001)
  })

  it.each(PROTECTED)('%s answers 401/2001 for a token whose signature was tampered with', async (path) => {
    const { sim } = await start()
    const token = await issueToken(sim)
    const [header, payload] = token.split('.')
    expectError(await get(sim, path, `${header}.${payload}.AAAA`), 401, 2001)
  })

  it.each(PROTECTED)('%s answers 401/2002 once the token expired on the clock', async (path) => {
    const { sim, clock } = await start({ tokenTtlSeconds: 30 })
    const token = await issueToken(sim)
    expect((await get(sim, path, token)).status).toBe(200)
    clock.advance(30_000)
    expectError(await get(sim, path, token), 401, 2002)
  })

  it.each([
    ['expireAllTokens', 2002],
    ['revokeAllTokens', 2001],
  ] as const)('%s makes every issued token 401/%i; a new token works', async (invalidate, code) => {
    const { sim } = await start()
    const token = await issueToken(sim)
    sim.control[invalidate]()
    expectError(await get(sim, '/operator/sites', token), 401, code)
    expect((await get(sim, '/operator/sites', await issueToken(sim))).status).toBe(200)
  })

  it.each(PROTECTED)('%s answers 403/2003 for a client without the read scope', async (path) => {
    const { sim } = await start()
    sim.control.addClient('writer_only', 'w-secret', ['write'])
    const token = await issueToken(sim, 'writer_only', 'w-secret')
    expectError(await get(sim, path, token), 403, 2003)
    expect(sim.control.requests().at(-1)).toMatchObject({ status: 403, clientId: 'writer_only' })
  })

  it('serves an added client with the read scope', async () => {
    const { sim } = await start()
    sim.control.addClient('ops_reader', 'r-secret')
    expect((await get(sim, '/operator/sites', await issueToken(sim, 'ops_reader', 'r-secret'))).status).toBe(200)
  })

  it('answers 404/3001 in the envelope for unknown routes and wrong methods, token or not', async () => {
    const { sim } = await start()
    const token = await issueToken(sim)
    expectError(await get(sim, '/operator/unknown'), 404, 3001)
    expectError(await get(sim, '/operator/unknown', token), 404, 3001)
    expectError(await get(sim, '/operator/oauth/token'), 404, 3001)
    const post = await fetch(`${sim.baseUrl}/operator/sites`, { method: 'POST', headers: { authorization: `Bearer ${token}` } })
    expectError({ status: post.status, json: await post.json() }, 404, 3001)
    const root = await fetch(`http://127.0.0.1:${sim.port}/`)
    expectError({ status: root.status, json: await root.json() }, 404, 3001)
  })

  it('logs each request with its status and client', async () => {
    const { sim, clock } = await start()
    const token = await issueToken(sim)
    sim.control.resetRequestLog()
    clock.advance(1000)
    await get(sim, '/operator/sites?page=1', token)
    await get(sim, '/operator/devices/dvc_unknown00000', token)
    expect(sim.control.requests()).toEqual([
      { method: 'GET', path: '/v1/operator/sites?page=1', status: 200, clientId: 'demo_field_client', at: clock.now() },
      { method: 'GET', path: '/v1/operator/devices/dvc_unknown00000', status: 404, clientId: 'demo_field_client', at: clock.now() },
    ])
  })
})
