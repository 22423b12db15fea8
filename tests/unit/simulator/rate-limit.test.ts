import { describe, expect, it } from 'vitest'
import { SlidingWindowLimiter } from '@main/simulator/rate-limiter'
import { ErrorEnvelopeSchema } from './v13-schemas'
import { fakeClock, get, issueToken, postToken, useSimulators } from './support'

const start = useSimulators()

function retryAfter(response: { status: number; json: unknown }): number | undefined {
  expect(response.status).toBe(429)
  const envelope = ErrorEnvelopeSchema.parse(response.json)
  expect(envelope.code).toBe(5001)
  return envelope.details?.retry_after_seconds as number | undefined
}

describe('rate limits per client_id', () => {
  it('allows 60 reads a minute by default, then answers 429/5001 with details.retry_after_seconds', async () => {
    const { sim } = await start()
    const token = await issueToken(sim)
    for (let i = 0; i < 60; i++) expect((await get(sim, '/operator/sites', token)).status).toBe(200)
    expect(retryAfter(await get(sim, '/operator/devices/dvc_a1b2c3d4e5f6', token))).toBe(60)
  })

  it('counts every GET endpoint together and frees slots as the 60 s window slides on the clock', async () => {
    const { sim, clock } = await start({ readsPerMinute: 3 })
    const token = await issueToken(sim)
    expect((await get(sim, '/operator/sites', token)).status).toBe(200)
    clock.advance(20_000)
    expect((await get(sim, '/operator/devices/dvc_a1b2c3d4e5f6', token)).status).toBe(200)
    expect((await get(sim, '/operator/charging-records', token)).status).toBe(200)
    expect(retryAfter(await get(sim, '/operator/sites', token))).toBe(40)
    clock.advance(39_999)
    expect(retryAfter(await get(sim, '/operator/sites', token))).toBe(1)
    clock.advance(1)
    expect((await get(sim, '/operator/sites', token)).status).toBe(200)
    expect(retryAfter(await get(sim, '/operator/sites', token))).toBe(20)
  })

  it('keeps separate budgets per client_id', async () => {
    const { sim } = await start({ readsPerMinute: 1 })
    sim.control.addClient('second_client', 'second-secret')
    const demo = await issueToken(sim)
    const second = await issueToken(sim, 'second_client', 'second-secret')
    expect((await get(sim, '/operator/sites', demo)).status).toBe(200)
    expect((await get(sim, '/operator/sites', demo)).status).toBe(429)
    expect((await get(sim, '/operator/sites', second)).status).toBe(200)
  })

  it('does not count requests rejected for a bad token', async () => {
    const { sim } = await start({ readsPerMinute: 1 })
    for (let i = 0; i < 3; i++) expect((await get(sim, '/operator/sites', 'bad')).status).toBe(401)
    expect((await get(sim, '/operator/sites', await issueToken(sim))).status).toBe(200)
  })

  it('allows 10 token requests a minute by default, failed ones included, then 429/5001', async () => {
    const { sim, clock } = await start()
    const body = { client_id: sim.credentials.clientId, client_secret: sim.credentials.clientSecret, grant_type: 'client_credentials' }
    for (let i = 0; i < 9; i++) expect((await postToken(sim, body)).status).toBe(200)
    expect((await postToken(sim, { ...body, client_secret: 'wrong' })).status).toBe(401)
    expect(retryAfter(await postToken(sim, body))).toBe(60)
    clock.advance(60_000)
    expect((await postToken(sim, body)).status).toBe(200)
  })

  it('honours a configured token limit', async () => {
    const { sim } = await start({ tokenRequestsPerMinute: 2 })
    await issueToken(sim)
    await issueToken(sim)
    const body = { client_id: sim.credentials.clientId, client_secret: sim.credentials.clientSecret, grant_type: 'client_credentials' }
    expect(retryAfter(await postToken(sim, body))).toBe(60)
  })
})

describe('SlidingWindowLimiter', () => {
  it('rejects a limit below 1', () => {
    expect(() => new SlidingWindowLimiter(0, Date.now)).toThrow()
  })

  it('reports at least 1 s to wait', () => {
    const clock = fakeClock()
    const limiter = new SlidingWindowLimiter(1, clock.now)
    limiter.take('a')
    clock.advance(59_999)
    expect(limiter.take('a')).toEqual({ allowed: false, retryAfterSeconds: 1 })
  })
})
