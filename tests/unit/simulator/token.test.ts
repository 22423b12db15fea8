import { describe, expect, it } from 'vitest'
import { AccessTokenResponseSchema, ErrorEnvelopeSchema } from './v13-schemas'
import { get, postToken, useSimulators } from './support'

const start = useSimulators()

function credentials(sim: { credentials: { clientId: string; clientSecret: string } }) {
  return { client_id: sim.credentials.clientId, client_secret: sim.credentials.clientSecret, grant_type: 'client_credentials' }
}

describe('POST /v1/operator/oauth/token', () => {
  it('issues a bare (not enveloped) Bearer token that lasts 86400 s by default', async () => {
    const { sim } = await start()
    const response = await postToken(sim, credentials(sim))
    expect(response.status).toBe(200)
    expect(response.contentType).toMatch(/^application\/json/)
    expect(response.headers.get('cache-control')).toBe('no-store')
    const token = AccessTokenResponseSchema.parse(response.json)
    expect(token.token_type).toBe('Bearer')
    expect(token.expires_in).toBe(86_400)
    expect(response.json).not.toHaveProperty('code')
  })

  it('serves the demo client documented in the handle', async () => {
    const { sim } = await start()
    expect(sim.credentials).toEqual({ clientId: 'demo_field_client', clientSecret: 'demo-fleet-secret' })
    expect(sim.baseUrl).toBe(`http://127.0.0.1:${sim.port}/v1`)
  })

  it('issues shorter tokens when asked, by option and at run time', async () => {
    const { sim } = await start({ tokenTtlSeconds: 120 })
    expect((await postToken(sim, credentials(sim))).json).toMatchObject({ expires_in: 120 })
    sim.control.setTokenTtl(5)
    expect((await postToken(sim, credentials(sim))).json).toMatchObject({ expires_in: 5 })
  })

  it('rejects a wrong secret and an unknown client with 401/2001', async () => {
    const { sim } = await start()
    for (const body of [
      { ...credentials(sim), client_secret: 'wrong' },
      { ...credentials(sim), client_id: 'nobody' },
    ]) {
      const response = await postToken(sim, body)
      expect(response.status).toBe(401)
      expect(ErrorEnvelopeSchema.parse(response.json).code).toBe(2001)
    }
  })

  it.each(['client_id', 'client_secret', 'grant_type'])('answers 400/1002 with details.field when %s is missing', async (field) => {
    const { sim } = await start()
    const body: Record<string, string> = credentials(sim)
    delete body[field]
    const response = await postToken(sim, body)
    expect(response.status).toBe(400)
    expect(ErrorEnvelopeSchema.parse(response.json)).toMatchObject({ code: 1002, details: { field } })
  })

  it('answers 400/1001 for a grant type other than client_credentials', async () => {
    const { sim } = await start()
    const response = await postToken(sim, { ...credentials(sim), grant_type: 'password' })
    expect(response.status).toBe(400)
    expect(ErrorEnvelopeSchema.parse(response.json)).toMatchObject({ code: 1001, details: { field: 'grant_type', value: 'password' } })
  })

  it('answers 400/1001 for a body that is not a JSON object, or a field that is not a string', async () => {
    const { sim } = await start()
    for (const body of ['not json', '[1,2]', JSON.stringify({ ...credentials(sim), client_secret: 42 })]) {
      const response = await postToken(sim, body)
      expect(response.status).toBe(400)
      expect(ErrorEnvelopeSchema.parse(response.json).code).toBe(1001)
    }
  })

  it('also accepts a form-encoded body (the OAuth 2 convention)', async () => {
    const { sim } = await start()
    const response = await fetch(`${sim.baseUrl}/operator/oauth/token`, {
      method: 'POST',
      body: new URLSearchParams(credentials(sim)),
    })
    expect(response.status).toBe(200)
    AccessTokenResponseSchema.parse(await response.json())
  })

  it('issues a token that works until its expiry on the injected clock, then gives 401/2002', async () => {
    const { sim, clock } = await start({ tokenTtlSeconds: 60 })
    const token = (AccessTokenResponseSchema.parse((await postToken(sim, credentials(sim))).json)).access_token
    clock.advance(59_999)
    expect((await get(sim, '/operator/sites', token)).status).toBe(200)
    clock.advance(1)
    const expired = await get(sim, '/operator/sites', token)
    expect(expired.status).toBe(401)
    expect(ErrorEnvelopeSchema.parse(expired.json).code).toBe(2002)
  })

  it('keeps earlier tokens valid when a new one is issued (no invalidation on refresh)', async () => {
    const { sim } = await start()
    const first = AccessTokenResponseSchema.parse((await postToken(sim, credentials(sim))).json).access_token
    const second = AccessTokenResponseSchema.parse((await postToken(sim, credentials(sim))).json).access_token
    expect(second).not.toBe(first)
    expect((await get(sim, '/operator/sites', first)).status).toBe(200)
    expect((await get(sim, '/operator/sites', second)).status).toBe(200)
  })

  it('counts token requests, failed ones included, until the request log is reset', async () => {
    const { sim } = await start()
    await postToken(sim, credentials(sim))
    await postToken(sim, { ...credentials(sim), client_secret: 'wrong' })
    expect(sim.control.tokenRequestCount()).toBe(2)
    expect(sim.control.requests().map((entry) => [entry.status, entry.clientId])).toEqual([
      [200, 'demo_field_client'],
      [401, 'demo_field_client'],
    ])
    sim.control.resetRequestLog()
    expect(sim.control.tokenRequestCount()).toBe(0)
  })
})
