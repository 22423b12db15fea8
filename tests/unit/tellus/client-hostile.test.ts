/**
 * What a hostile or broken server sends that is valid HTTP and (mostly) valid JSON, over real
 * HTTP to the simulator: JSON nested deeper than any Tellus answer (issue 11 #2) and an access token
 * that cannot go into a header (issue 11 #3). Each is an invalid response, reported at once, and
 * every result stays plain data that crosses IPC (structured-cloneable).
 */
import { serialize } from 'node:v8'
import { describe, expect, it } from 'vitest'
import { createRedactor } from '@common/redact'
import { MAX_JSON_DEPTH } from '@common/tellus/json-bounds'
import { parseTokenResponse } from '@main/tellus/parse-response'
import { TellusClient } from '@main/tellus/tellus-client'
import { httpResponse, useSimulators } from './support'

const startSimulator = useSimulators()

describe('TellusClient against a hostile server', () => {
  it('rejects a device answer nested 10,000 levels deep as an invalid response, at once and cloneable', async () => {
    const { sim, time, clientOptions } = await startSimulator()
    const client = new TellusClient(clientOptions())
    const id = sim.deviceIds[0]!
    sim.control.setFault(id, { kind: 'deep-nesting' })
    const result = await client.getDevice(id)
    expect(result).toMatchObject({ ok: false, error: { kind: 'invalid-response', status: 200 } })
    expect(!result.ok && result.error.message).toContain(`nested more than ${MAX_JSON_DEPTH} levels deep`)
    expect(() => structuredClone(result)).not.toThrow()
    expect(() => serialize(result)).not.toThrow()
    expect(time.sleeps).toEqual([])
    expect(sim.control.requests().filter((r) => r.path === `/v1/operator/devices/${id}`)).toHaveLength(1)
  })

  it('accepts the same device answer with a field nested just within the bound', async () => {
    const { sim, clientOptions } = await startSimulator()
    const client = new TellusClient(clientOptions())
    const id = sim.deviceIds[0]!
    // envelope (1) → data (2) → nested arrays: depth − 2 of them stay within the bound.
    sim.control.setFault(id, { kind: 'deep-nesting', depth: MAX_JSON_DEPTH - 2 })
    const result = await client.getDevice(id)
    expect(result.ok).toBe(true)
    expect(() => structuredClone(result)).not.toThrow()
    sim.control.setFault(id, { kind: 'deep-nesting', depth: MAX_JSON_DEPTH - 1 })
    expect(await client.getDevice(id)).toMatchObject({ ok: false, error: { kind: 'invalid-response' } })
  })

  it('rejects a sign-in answer nested too deeply the same way, naming the sign-in', async () => {
    const { sim, clientOptions } = await startSimulator()
    const client = new TellusClient(clientOptions())
    sim.control.setFault('*', { kind: 'deep-nesting', count: 1 })
    const result = await client.getDevice(sim.deviceIds[0]!)
    expect(result).toMatchObject({ ok: false, error: { kind: 'invalid-response' } })
    expect(!result.ok && result.error.message).toContain('sign-in answer')
    expect(sim.control.tokenRequestCount()).toBe(1)
  })
})

describe('an access token that cannot go into a header', () => {
  it('is an invalid sign-in answer naming the token endpoint: no retries, no request sent with it', async () => {
    const { sim, time, clientOptions } = await startSimulator()
    const client = new TellusClient(clientOptions())
    sim.control.setFault('*', { kind: 'bad-token' })
    const result = await client.getDevice(sim.deviceIds[0]!)
    expect(result).toMatchObject({ ok: false, error: { kind: 'invalid-response', status: 200 } })
    const message = !result.ok ? result.error.message : ''
    expect(message).toContain(`POST ${new URL(sim.baseUrl).pathname}/operator/oauth/token`)
    expect(message).toContain(`127.0.0.1:${sim.port}`)
    expect(JSON.stringify(result)).not.toContain('X-Injected')
    expect(time.sleeps).toEqual([])
    expect(sim.control.tokenRequestCount()).toBe(1)
    expect(sim.control.requests().filter((r) => r.path.startsWith('/v1/operator/devices'))).toEqual([])
    expect(() => structuredClone(result)).not.toThrow()
  })

  const context = { host: 'api.example.com', endpoint: 'token' as const, baseUrl: 'https://api.example.com/v1', redact: createRedactor(() => []) }
  const answer = (token: string) => httpResponse(200, JSON.stringify({ access_token: token, token_type: 'Bearer', expires_in: 3600 }))

  it.each([
    ['CR/LF', 'eyJ.abc\r\nX-Injected: 1'],
    ['a bare LF', 'eyJ.abc\ndef'],
    ['NUL', 'eyJ.abc\u0000def'],
    ['a space', 'eyJ.abc def'],
    ['a tab', 'eyJ.abc\tdef'],
    ['a non-ASCII letter', 'eyJ.abcé'],
  ])('is refused when it carries %s', (_label, token) => {
    expect(parseTokenResponse(answer(token), context)).toMatchObject({ ok: false, error: { kind: 'invalid-response', message: expect.stringContaining('/v1/operator/oauth/token') } })
  })

  it('is accepted when it is a JWT or another printable-ASCII token', () => {
    for (const token of ['eyJhbGciOiJIUzI1NiJ9.eyJzdWIiOiJ4In0.c2ln-_', 'tok_ABC+/=~!', 'x']) {
      expect(parseTokenResponse(answer(token), context)).toMatchObject({ ok: true, value: { access_token: token } })
    }
  })
})
