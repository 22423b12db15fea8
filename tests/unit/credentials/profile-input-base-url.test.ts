import { describe, expect, it } from 'vitest'
import { isLoopbackHost, validateBaseUrl } from '@main/credentials/profile-input'

function accepted(input: string): string {
  const result = validateBaseUrl(input)
  if (!result.ok) throw new Error(`expected "${input}" to be accepted, got: ${result.error.message}`)
  return result.value
}

function refusal(input: string): string {
  const result = validateBaseUrl(input)
  if (result.ok) throw new Error(`expected "${input}" to be refused, got ${result.value}`)
  expect(result.error.kind).toBe('invalid-input')
  return result.error.message
}

describe('validateBaseUrl', () => {
  it('accepts https and normalizes it (trimmed, lower-case host, default port dropped, no trailing slash)', () => {
    expect(accepted('  https://API.Tellus.example:443/  ')).toBe('https://api.tellus.example')
    expect(accepted('https://api.tellus.example:8443/gateway/v1//')).toBe('https://api.tellus.example:8443/gateway/v1')
  })

  it('accepts plain http only for loopback hosts', () => {
    expect(accepted('http://127.0.0.1:4010/')).toBe('http://127.0.0.1:4010')
    expect(accepted('http://127.8.9.10:80')).toBe('http://127.8.9.10')
    expect(accepted('http://localhost:4010')).toBe('http://localhost:4010')
    expect(accepted('http://[::1]:4010')).toBe('http://[::1]:4010')
  })

  it('refuses plain http elsewhere, saying https is required', () => {
    for (const input of ['http://api.tellus.example', 'http://10.0.0.5', 'http://127.0.0.1.evil.example', 'http://localhost.evil.example']) {
      expect(refusal(input)).toMatch(/must use https:\/\//)
    }
  })

  it('refuses other schemes and text that is not a URL', () => {
    expect(refusal('ftp://api.tellus.example')).toMatch(/must start with https:\/\//)
    expect(refusal('api.tellus.example')).toMatch(/not a valid URL/)
    expect(refusal('   ')).toMatch(/Enter the API base URL/)
  })

  it('refuses credentials, queries and fragments in the URL', () => {
    expect(refusal('https://user:pw@api.tellus.example')).toMatch(/user name or password/)
    expect(refusal('https://user@api.tellus.example')).toMatch(/user name or password/)
    expect(refusal('https://api.tellus.example/?x=1')).toMatch(/query/)
    expect(refusal('https://api.tellus.example/?')).toMatch(/query/)
    expect(refusal('https://api.tellus.example/#top')).toMatch(/fragment/)
  })
})

describe('isLoopbackHost', () => {
  it('knows 127.0.0.0/8, ::1 and localhost, nothing else', () => {
    expect(['127.0.0.1', '127.255.0.3', 'localhost', 'LOCALHOST', '[::1]'].every(isLoopbackHost)).toBe(true)
    expect(['128.0.0.1', '10.0.0.1', '127.0.0.1.nip.io', 'localhost.example', '[::2]'].some(isLoopbackHost)).toBe(false)
  })
})
