import { describe, expect, it } from 'vitest'
import { createRedactor } from '@common/redact'
import { apiError, retryAfterMsOf, type ErrorContext } from '@main/tellus/errors'

const device: ErrorContext = { host: 'api.example.com', endpoint: 'device', deviceId: 'dvc_a1b2c3d4e5f6' }
const token: ErrorContext = { host: 'api.example.com', endpoint: 'token' }

describe('apiError', () => {
  it.each([
    [1001, 400, 'api'],
    [1002, 400, 'api'],
    [2001, 401, 'auth'],
    [2002, 401, 'auth'],
    [2003, 403, 'auth'],
    [3001, 404, 'api'],
    [4001, 409, 'api'],
    [5001, 429, 'rate-limited'],
    [9001, 500, 'api'],
    [7777, 418, 'api'],
  ] as const)('code %i is a %s error with the code, a message and an action', (code, status, kind) => {
    const error = apiError({ code, status }, device)
    expect(error).toMatchObject({ kind, code, status })
    expect(error.message).toContain(String(code))
    expect(error.action).toBeTruthy()
  })

  it('says what to do for the codes a technician meets', () => {
    expect(apiError({ code: 2003, status: 403 }, device)).toMatchObject({
      message: 'This client_id lacks the read scope (2003).',
      action: "Ask the operator's platform team to grant it the read scope.",
    })
    expect(apiError({ code: 3001, status: 404 }, device)).toMatchObject({
      message: 'Device dvc_a1b2c3d4e5f6 was not found (3001).',
      action: 'Check the id on the work order; it may belong to another operator.',
    })
    expect(apiError({ code: 2001, status: 401 }, device).action).toBe('Check the client ID and secret in Profiles.')
    expect(apiError({ code: 2001, status: 401 }, device).message).toContain('Token rejected (2001)')
    expect(apiError({ code: 2001, status: 401 }, token).message).toContain('did not accept the client ID and secret')
  })

  it('names details.field for 1001 and 1002, but only when it is a plain field name', () => {
    expect(apiError({ code: 1002, status: 400, details: { field: 'size' } }, device).message).toContain('field size')
    expect(apiError({ code: 1001, status: 400, details: { field: 'device_id' } }, device).action).toContain('device id')
    expect(apiError({ code: 1001, status: 400, details: { field: '<script>alert(1)</script>' } }, device).message).not.toContain('script')
    const redact = createRedactor(() => ['demo-fleet-secret'])
    expect(apiError({ code: 1001, status: 400, details: { field: 'demo-fleet-secret' } }, device, redact).message).not.toContain('demo-fleet')
  })

  it('turns 5001 details.retry_after_seconds into retryAfterMs and a wait in the action', () => {
    const error = apiError({ code: 5001, status: 429, details: { retry_after_seconds: 12 } }, device)
    expect(error).toMatchObject({ kind: 'rate-limited', retryAfterMs: 12_000, action: 'Wait 12 s, then try again.' })
    expect(apiError({ code: 5001, status: 429 }, device).retryAfterMs).toBeUndefined()
  })

  it('keeps the excerpt only where support needs it', () => {
    expect(apiError({ code: 9001, status: 500, excerpt: 'x' }, device).excerpt).toBe('x')
    expect(apiError({ code: 4242, status: 500, excerpt: 'x' }, device).excerpt).toBe('x')
    expect(apiError({ code: 3001, status: 404, excerpt: 'x' }, device).excerpt).toBeUndefined()
  })
})

describe('retryAfterMsOf', () => {
  it('accepts sane numbers only', () => {
    expect(retryAfterMsOf({ retry_after_seconds: 2.5 })).toBe(2500)
    expect(retryAfterMsOf({ retry_after_seconds: -1 })).toBeUndefined()
    expect(retryAfterMsOf({ retry_after_seconds: '5' })).toBeUndefined()
    expect(retryAfterMsOf({ retry_after_seconds: Number.POSITIVE_INFINITY })).toBeUndefined()
    expect(retryAfterMsOf({ retry_after_seconds: 1e12 })).toBe(24 * 3600 * 1000)
    expect(retryAfterMsOf(null)).toBeUndefined()
  })
})
