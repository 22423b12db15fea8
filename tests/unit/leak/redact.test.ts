import { describe, expect, it } from 'vitest'
import { createRedactor, EXCERPT_MAX_CHARS, excerptOf } from '@common/redact'

describe('createRedactor', () => {
  const redact = createRedactor(() => ['demo-fleet-secret', 'tok.en/with+chars='])

  it('removes known secrets, also URL-encoded and JSON-escaped', () => {
    const text = 'a demo-fleet-secret b tok.en%2Fwith%2Bchars%3D c demo-fleet-secret'
    expect(redact(text)).toBe('a [redacted] b [redacted] c [redacted]')
    const slashy = createRedactor(() => ['se"cr\\et'])
    expect(slashy(JSON.stringify({ x: 'se"cr\\et' }))).not.toContain('cr\\\\et')
  })

  it('removes credential-shaped values the server might echo, even cut off', () => {
    expect(redact('{"access_token":"eyJhbGciOiJIUzI1NiJ9.abc","x":1}')).toBe('{"access_token":"[redacted]","x":1}')
    expect(redact('{"client_secret": "unknown-secret-value"}')).toBe('{"client_secret": "[redacted]"}')
    expect(redact('{"access_token":"eyJhbGciOiJIUzI1NiJ9.ab')).toBe('{"access_token":"[redacted]')
    expect(redact('client_id=a&client_secret=hunter22&grant_type=x')).toBe('client_id=a&client_secret=[redacted]&grant_type=x')
    expect(redact('Authorization: Bearer abc.def-ghi')).toBe('Authorization: Bearer [redacted]')
  })

  it('ignores secrets too short to be meaningful', () => {
    expect(createRedactor(() => ['ab'])('abcabc')).toBe('abcabc')
  })

  it('sees secrets added after it was made', () => {
    const secrets: string[] = []
    const late = createRedactor(() => secrets)
    secrets.push('added-later-token')
    expect(late('x added-later-token')).toBe('x [redacted]')
  })
})

describe('excerptOf', () => {
  const redact = createRedactor(() => ['demo-fleet-secret'])

  it('is one line of at most 200 characters', () => {
    const excerpt = excerptOf(`line1\n\tline2\r\n${'x'.repeat(500)}`, redact)
    expect(excerpt.length).toBeLessThanOrEqual(EXCERPT_MAX_CHARS)
    expect(excerpt.startsWith('line1 line2 xxx')).toBe(true)
    expect(excerpt).not.toMatch(/[\n\r\t]/)
  })

  it('redacts before cutting, so a secret across the cut leaves no prefix', () => {
    const text = `${'a'.repeat(190)}demo-fleet-secret`
    expect(excerptOf(text, redact)).not.toContain('demo-fl')
  })
})
