import { describe, expect, it } from 'vitest'
import { createRedactor } from '@main/tellus/redact'
import { parseBaseUrl, parseChargingRecordQuery, parseClientId, parseDeviceId } from '@main/tellus/request-inputs'

const redact = createRedactor(() => ['demo-fleet-secret'])

describe('parseDeviceId', () => {
  it('accepts platform ids, trimmed', () => {
    expect(parseDeviceId(' dvc_a1b2c3d4e5f6 ', redact)).toEqual({ ok: true, value: 'dvc_a1b2c3d4e5f6' })
  })

  it.each(['../oauth/token', 'dvc_1/../../sites', 'dvc_1?page=2', 'dvc_1#x', '%2e%2e', 'dvc 1', '', '   ', 'x'.repeat(65), 'dvc_\u0000'])(
    'rejects %j as invalid input',
    (input) => {
      expect(parseDeviceId(input, redact)).toMatchObject({ ok: false, error: { kind: 'invalid-input' } })
    },
  )

  it('rejects non-strings and never repeats a secret pasted by mistake', () => {
    expect(parseDeviceId(42 as unknown as string, redact)).toMatchObject({ ok: false, error: { kind: 'invalid-input' } })
    expect(JSON.stringify(parseDeviceId('demo-fleet-secret!', redact))).not.toContain('demo-fleet-secret')
    // A valid-looking id that is in fact the secret is refused, so it never travels in a URL.
    const pasted = parseDeviceId('demo-fleet-secret', redact)
    expect(pasted).toMatchObject({ ok: false, error: { kind: 'invalid-input' } })
    expect(JSON.stringify(pasted)).not.toContain('demo-fleet-secret')
  })
})

describe('parseBaseUrl', () => {
  it.each([
    ['https://api.example.com/v1/', 'https://api.example.com/v1', 'api.example.com'],
    ['http://127.0.0.1:8080/v1', 'http://127.0.0.1:8080/v1', '127.0.0.1:8080'],
    ['http://127.8.9.10/v1', 'http://127.8.9.10/v1', '127.8.9.10'],
    ['http://localhost:3000/v1', 'http://localhost:3000/v1', 'localhost:3000'],
    ['http://[::1]:3000/v1', 'http://[::1]:3000/v1', '[::1]:3000'],
  ])('accepts %s', (input, baseUrl, host) => {
    expect(parseBaseUrl(input)).toEqual({ ok: true, value: { baseUrl, host } })
  })

  it.each(['http://api.example.com/v1', 'http://192.168.1.10/v1', 'ftp://api.example.com', 'https://user:pw@api.example.com', 'not a url', ''])(
    'rejects %s',
    (input) => {
      expect(parseBaseUrl(input)).toMatchObject({ ok: false, error: { kind: 'invalid-input' } })
    },
  )
})

describe('parseClientId', () => {
  it('accepts a client id and rejects empty or control characters', () => {
    expect(parseClientId('cpms_123')).toEqual({ ok: true, value: 'cpms_123' })
    expect(parseClientId('')).toMatchObject({ ok: false, error: { kind: 'invalid-input' } })
    expect(parseClientId('a\nb')).toMatchObject({ ok: false, error: { kind: 'invalid-input' } })
  })
})

describe('parseChargingRecordQuery', () => {
  it('fills defaults (page 1, size 100)', () => {
    expect(parseChargingRecordQuery({ deviceId: 'dvc_1' }, redact)).toEqual({
      ok: true,
      value: { device_id: 'dvc_1', page: 1, size: 100, start_time: undefined, end_time: undefined },
    })
  })

  it.each([
    { deviceId: '../x' },
    { deviceId: 'dvc_1', page: 0 },
    { deviceId: 'dvc_1', page: 1.5 },
    { deviceId: 'dvc_1', size: 101 },
    { deviceId: 'dvc_1', size: 0 },
    { deviceId: 'dvc_1', startTime: 'yesterday' },
    { deviceId: 'dvc_1', endTime: '2026-13-01T00:00:00Z' },
    { deviceId: 'dvc_1', startTime: '2026-05-02T00:00:00Z', endTime: '2026-05-01T00:00:00Z' },
  ])('rejects %j', (query) => {
    expect(parseChargingRecordQuery(query, redact)).toMatchObject({ ok: false, error: { kind: 'invalid-input' } })
  })
})
