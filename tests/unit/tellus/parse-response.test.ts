import { describe, expect, it } from 'vitest'
import { DeviceSchema, SitePageSchema } from '@common/tellus/schemas'
import { createRedactor } from '@common/redact'
import { parseEnvelopeResponse, parseTokenResponse, type ParseContext } from '@main/tellus/parse-response'
import { httpResponse } from './support'

const context: ParseContext = {
  host: 'api.example.com',
  endpoint: 'device',
  deviceId: 'dvc_a1b2c3d4e5f6',
  redact: createRedactor(() => ['demo-fleet-secret']),
}
const tokenContext: ParseContext = { ...context, endpoint: 'token', deviceId: undefined }
const device = { device_id: 'dvc_a1b2c3d4e5f6', status: 'online', connectors: [{ connector_id: 1, status: 'idle' }] }
const envelope = (data: unknown, code = 0) => JSON.stringify({ code, message: code ? 'error' : 'success', data })
const parseDevice = (response: ReturnType<typeof httpResponse>) => parseEnvelopeResponse(response, DeviceSchema, context)

describe('parseEnvelopeResponse', () => {
  it('unwraps data, validates it, and keeps data exactly as received', () => {
    const result = parseDevice(httpResponse(200, envelope(device)))
    expect(result).toEqual({ ok: true, value: { data: device, raw: device } })
  })

  it('keeps unknown fields and unknown enum values', () => {
    const future = {
      ...device,
      status: 'fault',
      warranty: { until: '2030-01-01' },
      connectors: [{ connector_id: 1, status: 'preparing', plug_type: 'CCS2' }],
    }
    const result = parseDevice(httpResponse(200, envelope(future)))
    expect(result.ok && result.value.data).toEqual(future)
  })

  it('accepts application/*+json and charset parameters', () => {
    expect(parseDevice(httpResponse(200, envelope(device), 'application/json; charset=utf-8')).ok).toBe(true)
    expect(parseDevice(httpResponse(200, envelope(device), 'application/vnd.tellus+json')).ok).toBe(true)
  })

  it('branches on code, whatever the message says and whatever the HTTP status', () => {
    const body = JSON.stringify({ code: 3001, message: 'success', data: null })
    expect(parseDevice(httpResponse(200, body))).toMatchObject({ ok: false, error: { kind: 'api', code: 3001 } })
    const ok = JSON.stringify({ code: 0, message: 'resource not found', data: device })
    expect(parseDevice(httpResponse(200, ok)).ok).toBe(true)
  })

  it('maps error envelopes through the error table', () => {
    const limited = JSON.stringify({ code: 5001, message: 'Too many requests', details: { retry_after_seconds: 7 } })
    expect(parseDevice(httpResponse(429, limited))).toMatchObject({
      ok: false,
      error: { kind: 'rate-limited', code: 5001, status: 429, retryAfterMs: 7000 },
    })
  })

  it('reports code 0 with an error status as an invalid response', () => {
    expect(parseDevice(httpResponse(500, envelope(device)))).toMatchObject({ ok: false, error: { kind: 'invalid-response', status: 500 } })
  })

  it('reports data of the wrong shape by field path, without the value', () => {
    const bad = { ...device, connectors: [{ connector_id: 'one-secret-looking-value', status: 'idle' }] }
    const result = parseDevice(httpResponse(200, envelope(bad)))
    expect(result.ok).toBe(false)
    if (result.ok) return
    expect(result.error.kind).toBe('invalid-response')
    expect(result.error.message).toContain('connectors[0].connector_id')
    expect(result.error.message).not.toContain('one-secret-looking-value')
  })

  it('reports a captive portal page', () => {
    const html = '<!DOCTYPE html><html><body>Sign in to Guest Wi-Fi</body></html>'
    const result = parseDevice(httpResponse(200, html, 'text/html; charset=utf-8'))
    expect(result).toMatchObject({
      ok: false,
      error: {
        kind: 'invalid-response',
        message: 'The network returned a web page instead of the Tellus API — a captive portal or proxy may need you to sign in.',
      },
    })
    expect(!result.ok && result.error.excerpt).toContain('Sign in to Guest Wi-Fi')
  })

  it('treats HTML without a content type as a web page too', () => {
    expect(parseDevice(httpResponse(200, '  <html>hi</html>', null))).toMatchObject({ ok: false, error: { kind: 'invalid-response' } })
  })

  it('rejects a valid envelope labelled with a non-JSON content type', () => {
    const result = parseDevice(httpResponse(200, envelope(device), 'text/plain'))
    expect(result).toMatchObject({ ok: false, error: { kind: 'invalid-response' } })
    expect(!result.ok && result.error.message).toContain('"text/plain"')
  })

  it('reports truncated JSON, an empty body, invalid UTF-8 and a redirect', () => {
    const full = envelope(device)
    expect(parseDevice(httpResponse(200, full.slice(0, 20)))).toMatchObject({ ok: false, error: { kind: 'invalid-response' } })
    expect(parseDevice(httpResponse(200, ''))).toMatchObject({ ok: false, error: { kind: 'invalid-response' } })
    expect(parseDevice(httpResponse(200, '  \n'))).toMatchObject({ ok: false, error: { kind: 'invalid-response' } })
    expect(parseDevice(httpResponse(200, new Uint8Array([0x7b, 0xff, 0xfe, 0x7d])))).toMatchObject({ ok: false, error: { kind: 'invalid-response' } })
    const redirect = parseDevice(httpResponse(302, '', null))
    expect(redirect).toMatchObject({ ok: false, error: { kind: 'invalid-response', status: 302 } })
    expect(!redirect.ok && redirect.error.message).toContain('captive portal')
  })

  it('reports JSON that is not an envelope', () => {
    expect(parseDevice(httpResponse(200, JSON.stringify(device)))).toMatchObject({ ok: false, error: { kind: 'invalid-response' } })
    expect(parseDevice(httpResponse(200, '[1,2,3]'))).toMatchObject({ ok: false, error: { kind: 'invalid-response' } })
    expect(parseDevice(httpResponse(200, '"text"'))).toMatchObject({ ok: false, error: { kind: 'invalid-response' } })
  })

  it('reports a failing gateway (no envelope in a 502/503/504) as a network error', () => {
    expect(parseDevice(httpResponse(502, '<html>Bad Gateway</html>', 'text/html'))).toMatchObject({
      ok: false,
      error: { kind: 'network', status: 502 },
    })
    expect(parseDevice(httpResponse(503, ''))).toMatchObject({ ok: false, error: { kind: 'network', status: 503 } })
    // A 503 that is a real Tellus envelope is read by its code.
    expect(parseDevice(httpResponse(503, envelope(null, 9001)))).toMatchObject({ ok: false, error: { kind: 'api', code: 9001 } })
  })

  it('reports any 5xx without an envelope (an nginx page, a plain text body) as the API failing, not the network', () => {
    for (const [status, body, type] of [
      [500, '<html><body><h1>500 Internal Server Error</h1><hr>nginx</body></html>', 'text/html'],
      [500, 'Internal Server Error', 'text/plain'],
      [501, '{"error":"boom"}', 'application/json'],
      [500, '{"cut', 'application/json'],
    ] as const) {
      const result = parseDevice(httpResponse(status, body, type))
      expect(result, body).toMatchObject({ ok: false, error: { kind: 'api', status } })
      expect(!result.ok && result.error.message, body).toContain('is failing')
      expect(!result.ok && result.error.message, body).not.toContain('captive portal')
    }
    // A web page with a 2xx status is still the captive portal.
    expect(parseDevice(httpResponse(200, '<html>Sign in</html>', 'text/html'))).toMatchObject({ ok: false, error: { kind: 'invalid-response' } })
  })

  it('redacts secrets a server echoes into the excerpt', () => {
    const echo = '<html>You sent client_secret=demo-fleet-secret and {"access_token":"eyJ.unknown.token"}</html>'
    const result = parseDevice(httpResponse(200, echo, 'text/html'))
    const text = JSON.stringify(result)
    expect(text).not.toContain('demo-fleet-secret')
    expect(text).not.toContain('eyJ.unknown.token')
  })

  it('validates pages', () => {
    const page = { items: [{ site_id: 's1', name: 'Depot' }], total: 1, page: 1, size: 100 }
    const result = parseEnvelopeResponse(httpResponse(200, envelope(page)), SitePageSchema, { ...context, endpoint: 'sites' })
    expect(result.ok && result.value.data.items[0]?.name).toBe('Depot')
    const broken = parseEnvelopeResponse(httpResponse(200, envelope({ ...page, total: -1 })), SitePageSchema, { ...context, endpoint: 'sites' })
    expect(broken).toMatchObject({ ok: false, error: { kind: 'invalid-response' } })
  })
})

describe('parseTokenResponse', () => {
  const token = { access_token: 'eyJ.token.value', token_type: 'Bearer', expires_in: 86400 }

  it('accepts the bare token response (as in the OpenAPI)', () => {
    expect(parseTokenResponse(httpResponse(200, JSON.stringify(token)), tokenContext)).toEqual({ ok: true, value: token })
  })

  it('accepts an enveloped token response (as the envelope guide says)', () => {
    expect(parseTokenResponse(httpResponse(200, envelope(token)), tokenContext)).toEqual({ ok: true, value: token })
  })

  it('reports 2001 on the token endpoint as rejected credentials', () => {
    const result = parseTokenResponse(httpResponse(401, envelope(null, 2001)), tokenContext)
    expect(result).toMatchObject({ ok: false, error: { kind: 'auth', code: 2001, action: 'Check the client ID and secret in Profiles.' } })
  })

  it('rejects a token response without a usable token, never echoing the token', () => {
    const noExpiry = parseTokenResponse(httpResponse(200, JSON.stringify({ ...token, expires_in: 'soon' })), tokenContext)
    expect(noExpiry).toMatchObject({ ok: false, error: { kind: 'invalid-response' } })
    expect(JSON.stringify(noExpiry)).not.toContain('eyJ.token.value')
    const cut = parseTokenResponse(httpResponse(200, JSON.stringify(token).slice(0, 30)), tokenContext)
    expect(cut).toMatchObject({ ok: false, error: { kind: 'invalid-response' } })
    expect(JSON.stringify(cut)).not.toContain('eyJ.tok')
  })

  it('reports a non-2xx bare body as an invalid response', () => {
    expect(parseTokenResponse(httpResponse(401, JSON.stringify({ error: 'invalid_client' })), tokenContext)).toMatchObject({
      ok: false,
      error: { kind: 'invalid-response', status: 401 },
    })
  })
})
