/**
 * Property-based tests of the response parser: thousands of random and mutated payloads, bodies,
 * content types and statuses. Whatever arrives, the parser returns a value or a typed AppError,
 * never throws, keeps excerpts short, and never lets the client secret out in an error.
 */
import fc from 'fast-check'
import { describe, expect, it } from 'vitest'
import { isAppError, type Result } from '@common/errors'
import { DEVICE_EXTENSIONS_STRICT } from '@common/tellus/device-extensions'
import { ChargingRecordPageSchema, DeviceSchema, SitePageSchema } from '@common/tellus/schemas'
import { createRedactor, EXCERPT_MAX_CHARS } from '@common/redact'
import { parseEnvelopeResponse, parseTokenResponse, type ParseContext } from '@main/tellus/parse-response'
import { httpResponse } from './support'

const SECRET = 'demo-fleet-secret'
const context: ParseContext = { host: 'api.example.com', endpoint: 'device', deviceId: 'dvc_a1b2c3d4e5f6', redact: createRedactor(() => [SECRET]) }
const RESPONSE_KINDS = ['api', 'auth', 'network', 'rate-limited', 'invalid-response']

const validDevice = {
  device_id: 'dvc_a1b2c3d4e5f6',
  sn: 'SN1234567890',
  model: 'TP-DC180',
  manufacturer: 'Tellus Power',
  firmware_version: '3.1.0',
  status: 'online',
  last_heartbeat: '2026-05-01T10:00:00Z',
  site_id: 'site_001',
  connectors: [
    { connector_id: 1, status: 'charging', power: 50.2, voltage: 400, current: 125.5, energy_delivered: 12.3, soc: 55, temperature: 38 },
    { connector_id: 2, status: 'idle', power: 0 },
  ],
}

/** Strings that sometimes carry the secret or an HTML/JSON fragment. */
const spicyString = fc.oneof(
  fc.string(),
  fc.constant(SECRET),
  fc.string().map((s) => `${s}${SECRET}${s}`),
  fc.constantFrom('<html>', '{"access_token":"', 'null', '"', '\\', '\u0000', '\ud800', '😀'),
)
const anyJson = fc.oneof(fc.jsonValue(), fc.dictionary(spicyString, fc.jsonValue()), spicyString)

/** The proposed extensions (device-extensions.ts): random values there must never fail the device. */
const EXTENSION_KEYS = Object.keys(DEVICE_EXTENSIONS_STRICT)

/** A valid device with some fields replaced, dropped or added. */
const mutatedDevice = fc
  .record({
    replace: fc.dictionary(fc.constantFrom(...Object.keys(validDevice), 'extra', 'connectors', ...EXTENSION_KEYS), anyJson, { maxKeys: 3 }),
    drop: fc.subarray(Object.keys(validDevice)),
    connector: fc.option(fc.dictionary(fc.constantFrom('connector_id', 'status', 'power', 'soc', 'x', 'component_health'), anyJson, { maxKeys: 2 })),
  })
  .map(({ replace, drop, connector }) => {
    const device: Record<string, unknown> = { ...validDevice, ...replace }
    for (const key of drop) delete device[key]
    if (connector) device.connectors = [{ ...validDevice.connectors[0], ...connector }]
    return device
  })

const envelopeOf = fc.record({
  code: fc.oneof(fc.constantFrom(0, 1001, 1002, 2001, 2002, 2003, 3001, 4001, 5001, 9001), fc.integer(), fc.double(), anyJson),
  message: fc.option(spicyString),
  data: fc.oneof(mutatedDevice, anyJson, fc.constant(validDevice)),
  details: fc.option(fc.oneof(fc.record({ retry_after_seconds: fc.oneof(fc.double(), fc.integer(), anyJson) }), fc.record({ field: spicyString }), anyJson)),
})

const bodyText = fc.oneof(
  envelopeOf.map((e) => JSON.stringify(e)),
  envelopeOf.chain((e) => {
    const text = JSON.stringify(e)
    return fc.nat({ max: text.length }).map((cut) => text.slice(0, cut))
  }),
  anyJson.map((value) => JSON.stringify(value) ?? ''),
  fc.string(),
  fc.string({ unit: 'binary' }),
)
const body = fc.oneof(
  bodyText.map((text) => new TextEncoder().encode(text)),
  fc.uint8Array({ maxLength: 512 }),
)
const contentType = fc.oneof(
  fc.constantFrom('application/json', 'application/json; charset=utf-8', 'text/html', 'text/plain', 'application/problem+json', 'APPLICATION/JSON', '', null),
  fc.string(),
)
const status = fc.oneof(fc.constantFrom(200, 201, 204, 301, 302, 400, 401, 403, 404, 429, 500, 502, 503, 504), fc.integer({ min: 100, max: 599 }))
const randomResponse = fc.record({ status, body, contentType }).map((r) => httpResponse(r.status, r.body, r.contentType))
/** A well-formed success around a mutated device: the branch that yields values. */
const successResponse = mutatedDevice.map((device) => httpResponse(200, JSON.stringify({ code: 0, message: 'success', data: device })))
/** A well-formed error envelope: the branch that reaches every row of the error table. */
const errorResponse = fc
  .record({ envelope: envelopeOf, code: fc.constantFrom(1001, 1002, 2001, 2002, 2003, 3001, 4001, 5001, 9001, 6001), status })
  .map(({ envelope, code, status }) => httpResponse(status, JSON.stringify({ ...envelope, code })))
const response = fc.oneof(
  { arbitrary: randomResponse, weight: 4 },
  { arbitrary: successResponse, weight: 1 },
  { arbitrary: errorResponse, weight: 1 },
)

function expectWellFormed(result: Result<unknown>): void {
  if (result.ok) return
  expect(isAppError(result.error)).toBe(true)
  expect(RESPONSE_KINDS).toContain(result.error.kind)
  expect(result.error.message.length).toBeGreaterThan(0)
  expect(result.error.action?.length ?? 0).toBeGreaterThan(0)
  expect((result.error.excerpt ?? '').length).toBeLessThanOrEqual(EXCERPT_MAX_CHARS)
  expect(JSON.stringify(result)).not.toContain(SECRET)
}

describe('response parser under random input', () => {
  it('never throws on device responses; results are values or typed errors', () => {
    const seen = new Set<string>()
    fc.assert(
      fc.property(response, (r) => {
        const result = parseEnvelopeResponse(r, DeviceSchema, context)
        expectWellFormed(result)
        seen.add(result.ok ? 'value' : result.error.kind)
        if (result.ok) {
          // A value is always a valid device, and raw is data exactly as parsed from the body.
          expect(DeviceSchema.safeParse(result.value.data).success).toBe(true)
          const parsed = JSON.parse(new TextDecoder().decode(r.body)) as { data: unknown }
          expect(result.value.raw).toEqual(parsed.data)
        }
      }),
      { numRuns: 4000 },
    )
    // The generators reach every outcome, not just one kind of failure.
    expect([...seen].sort()).toEqual(['api', 'auth', 'invalid-response', 'network', 'rate-limited', 'value'])
  })

  it('never throws on mutated valid device envelopes labelled as JSON', () => {
    fc.assert(
      fc.property(mutatedDevice, fc.constantFrom(200, 400, 404, 500), (device, code) => {
        const body = JSON.stringify({ code: 0, message: 'success', data: device })
        const result = parseEnvelopeResponse(httpResponse(code, body), DeviceSchema, context)
        expectWellFormed(result)
      }),
      { numRuns: 2000 },
    )
  })

  it('never throws on pages and token responses', () => {
    fc.assert(
      fc.property(response, (r) => {
        expectWellFormed(parseEnvelopeResponse(r, SitePageSchema, { ...context, endpoint: 'sites' }))
        expectWellFormed(parseEnvelopeResponse(r, ChargingRecordPageSchema, { ...context, endpoint: 'charging-records' }))
        expectWellFormed(parseTokenResponse(r, { ...context, endpoint: 'token' }))
      }),
      { numRuns: 2000 },
    )
  })

  it('keeps the token out of the error when a token response is malformed', () => {
    const token = 'eyJhbGciOiJIUzI1NiJ9.payload.signature'
    fc.assert(
      fc.property(fc.nat({ max: 80 }), fc.constantFrom('application/json', 'text/plain', 'text/html'), (cut, type) => {
        const text = JSON.stringify({ access_token: token, token_type: 'Bearer', expires_in: 86400 }).slice(0, cut)
        const result = parseTokenResponse(httpResponse(200, text, type), { ...context, endpoint: 'token' })
        if (!result.ok) expect(JSON.stringify(result)).not.toMatch(/payload|signature|eyJhbGciOiJIUzI1NiJ9\.p/)
      }),
      { numRuns: 500 },
    )
  })
})
