import { describe, expect, it } from 'vitest'
import { APP_ENTRY_URL } from '@main/renderer-files/app-protocol'
import { isAllowedExternalUrl } from '@main/security/external-links'
import { createTrustedSenderCheck, exactOrigin } from '@main/security/trusted-sender'

describe('trusted IPC senders', () => {
  const appCheck = createTrustedSenderCheck(APP_ENTRY_URL)
  const devCheck = createTrustedSenderCheck('http://localhost:5173/')

  it.each([
    ['app://tellus/index.html', true, true],
    ['app://tellus/index.html#/device', true, true],
    ['app://tellus/', true, true],
    ['app://tellus/index.html', false, false],
    ['app://tellus.evil/index.html', true, false],
    ['app://evil/index.html', true, false],
    ['app://tellus:8080/index.html', true, false],
    ['app://user@tellus/index.html', true, false],
    ['file:///opt/tellus/resources/app.asar/out/renderer/index.html', true, false],
    ['file:///tmp/evil.html', true, false],
    ['https://tellus/', true, false],
    ['https://example.com/', true, false],
    ['', true, false],
    ['not a url', true, false],
  ])('packaged renderer: %s (main frame %s) → %s', (url, isMainFrame, expected) => {
    expect(appCheck({ url, isMainFrame })).toBe(expected)
  })

  it('accepts the dev server origin only', () => {
    expect(devCheck({ url: 'http://localhost:5173/index.html', isMainFrame: true })).toBe(true)
    expect(devCheck({ url: 'http://localhost:5174/', isMainFrame: true })).toBe(false)
    expect(devCheck({ url: 'http://127.0.0.1:5173/', isMainFrame: true })).toBe(false)
    expect(devCheck({ url: 'https://localhost:5173/', isMainFrame: true })).toBe(false)
  })

  it('refuses to build a check for a renderer URL without an origin', () => {
    expect(() => createTrustedSenderCheck('file:///opt/tellus/index.html')).toThrow(/no origin/)
  })

  it('computes exact origins for custom schemes, where URL.origin says "null"', () => {
    expect(new URL('app://tellus/x').origin).toBe('null')
    expect(exactOrigin('app://tellus/x')).toBe('app://tellus')
    expect(exactOrigin('http://127.0.0.1:4010/v1')).toBe('http://127.0.0.1:4010')
    expect(exactOrigin('data:text/html,hi')).toBeNull()
  })
})

describe('external links', () => {
  it.each([
    ['https://developers.telluspowergroup.com/diagnostics/fault-dictionary', true],
    ['http://developers.telluspowergroup.com/', false],
    ['https://evil.example.com/', false],
    ['https://user:pw@developers.telluspowergroup.com/', false],
    ['javascript:alert(1)', false],
    ['file:///etc/passwd', false],
    ['garbage', false],
  ])('%s → %s', (url, expected) => {
    expect(isAllowedExternalUrl(url)).toBe(expected)
  })
})
