import { describe, expect, it } from 'vitest'
import { isAllowedExternalUrl } from '@main/security/external-links'
import { createTrustedSenderCheck } from '@main/security/trusted-sender'

describe('trusted IPC senders', () => {
  const fileCheck = createTrustedSenderCheck('file:///opt/tellus/resources/app.asar/out/renderer/index.html')
  const devCheck = createTrustedSenderCheck('http://localhost:5173/')

  it.each([
    ['file:///opt/tellus/resources/app.asar/out/renderer/index.html', true, true],
    ['file:///opt/tellus/resources/app.asar/out/renderer/index.html#/device', true, true],
    ['file:///opt/tellus/resources/app.asar/out/renderer/index.html', false, false],
    ['file:///tmp/evil.html', true, false],
    ['https://example.com/', true, false],
    ['', true, false],
    ['not a url', true, false],
  ])('packaged renderer: %s (main frame %s) → %s', (url, isMainFrame, expected) => {
    expect(fileCheck({ url, isMainFrame })).toBe(expected)
  })

  it('accepts the dev server origin only', () => {
    expect(devCheck({ url: 'http://localhost:5173/index.html', isMainFrame: true })).toBe(true)
    expect(devCheck({ url: 'http://localhost:5174/', isMainFrame: true })).toBe(false)
    expect(devCheck({ url: 'http://127.0.0.1:5173/', isMainFrame: true })).toBe(false)
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
