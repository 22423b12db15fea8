import { describe, expect, it } from 'vitest'
import { isSecretKey } from '@common/redact'
import { redactSecrets, redactUrl } from '@main/snapshots/export/redact-secrets'

describe('redactSecrets', () => {
  it('removes secret-named keys at any depth, in any spelling', () => {
    const input = {
      client_secret: 'a',
      ACCESS_TOKEN: 'b',
      list: [{ Authorization: 'c', 'x-api-key': 'd', value: 1 }, 'plain', null],
      deep: { deeper: { password: 'e', clientSecret: 'f', token_type: 'Bearer', sn: 'SN1' } },
    }
    expect(redactSecrets(input)).toEqual({
      list: [{ value: 1 }, 'plain', null],
      deep: { deeper: { token_type: 'Bearer', sn: 'SN1' } },
    })
  })

  it('leaves primitives alone, copies shared branches, and survives cycles', () => {
    expect(redactSecrets(5)).toBe(5)
    expect(redactSecrets(null)).toBeNull()
    const shared = { a: 1 }
    expect(redactSecrets({ x: shared, y: shared })).toEqual({ x: { a: 1 }, y: { a: 1 } })
    const cyclic: Record<string, unknown> = { name: 'loop' }
    cyclic.self = cyclic
    expect(redactSecrets(cyclic)).toEqual({ name: 'loop', self: '[circular]' })
  })

  it('names secret keys but not lookalikes', () => {
    for (const key of ['client_secret', 'Access-Token', 'authorization', 'Device_Secret', 'api_key', 'Cookie']) expect(isSecretKey(key), key).toBe(true)
    for (const key of ['token_type', 'expires_in', 'device_id', 'secretary', 'status']) expect(isSecretKey(key), key).toBe(false)
  })

  it('drops credentials from URLs and leaves clean ones as they are', () => {
    expect(redactUrl('https://u:p@api.example.com/v1?token=abc&page=2')).toBe('https://api.example.com/v1?page=2')
    expect(redactUrl('https://api.example.com/v1')).toBe('https://api.example.com/v1')
    expect(redactUrl('not a url')).toBe('not a url')
  })
})
