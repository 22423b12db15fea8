import { describe, expect, it } from 'vitest'
import { createRedactor } from '@common/redact'
import { parseChargingRecordQuery } from '@common/tellus/charging-record-query'
import { parseBaseUrl, parseClientId, TellusClient } from '@main/tellus/tellus-client'
import { asDeviceId } from '../../support/device-ids'

const redact = createRedactor(() => ['demo-fleet-secret'])

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
    expect(parseChargingRecordQuery({ deviceId: asDeviceId('dvc_1') }, redact)).toEqual({
      ok: true,
      value: { device_id: 'dvc_1', page: 1, size: 100, start_time: undefined, end_time: undefined },
    })
  })

  it('leaves the device out when none is named: the records of the whole operator', () => {
    expect(parseChargingRecordQuery({ page: 2, startTime: '2026-05-01T00:00:00Z' }, redact)).toEqual({
      ok: true,
      value: { page: 2, size: 100, start_time: '2026-05-01T00:00:00Z', end_time: undefined },
    })
    expect(parseChargingRecordQuery({ size: 101 }, redact)).toMatchObject({ ok: false, error: { kind: 'invalid-input' } })
  })

  it.each([
    { deviceId: 'dvc_1', page: 0 },
    { deviceId: 'dvc_1', page: 1.5 },
    { deviceId: 'dvc_1', size: 101 },
    { deviceId: 'dvc_1', size: 0 },
    { deviceId: 'dvc_1', startTime: 'yesterday' },
    { deviceId: 'dvc_1', endTime: '2026-13-01T00:00:00Z' },
    { deviceId: 'dvc_1', startTime: '2026-05-02T00:00:00Z', endTime: '2026-05-01T00:00:00Z' },
  ])('rejects %j', (query) => {
    expect(parseChargingRecordQuery({ ...query, deviceId: asDeviceId(query.deviceId) }, redact)).toMatchObject({ ok: false, error: { kind: 'invalid-input' } })
  })
})

describe('a device id that is a secret of the client', () => {
  it('is refused before any request, and the refusal never repeats the secret', async () => {
    let requests = 0
    const fetch: typeof globalThis.fetch = async () => {
      requests += 1
      return new Response('{}', { status: 500 })
    }
    const client = new TellusClient({ baseUrl: 'https://api.example.com/v1', clientId: 'cpms_1', clientSecret: 'demo-fleet-secret', fetch })
    const pasted = await client.getDevice(asDeviceId('demo-fleet-secret'))
    expect(pasted).toMatchObject({ ok: false, error: { kind: 'invalid-input' } })
    expect(JSON.stringify(pasted)).not.toContain('demo-fleet-secret')
    expect(await client.listChargingRecords({ deviceId: asDeviceId('demo-fleet-secret') })).toMatchObject({ ok: false, error: { kind: 'invalid-input' } })
    expect(requests).toBe(0)
  })
})
