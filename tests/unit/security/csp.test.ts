import { readFileSync } from 'node:fs'
import { resolve } from 'node:path'
import { describe, expect, it } from 'vitest'
import { buildCsp, buildMetaCsp, DEV_CSP_DIRECTIVES } from '@main/security/csp'

describe('content security policy', () => {
  const csp = buildCsp()

  it('lets the renderer load only its own files and talk to nobody', () => {
    expect(csp).toContain("default-src 'none'")
    expect(csp).toContain("script-src 'self'")
    expect(csp).toContain("connect-src 'none'")
    expect(csp).toContain("frame-ancestors 'none'")
    expect(csp).toContain("object-src 'none'")
    expect(csp).not.toMatch(/unsafe-inline|unsafe-eval|https?:|\*/)
  })

  it('is the same policy as the meta tag in renderer/index.html, minus the header-only frame-ancestors', () => {
    const html = readFileSync(resolve(import.meta.dirname, '../../../renderer/index.html'), 'utf8')
    const meta = /http-equiv="Content-Security-Policy"\s+content="([^"]+)"/.exec(html)?.[1]
    expect(meta).toBe(buildMetaCsp())
    expect(meta).not.toContain('frame-ancestors')
    expect(buildMetaCsp()).toBe(csp.replace("; frame-ancestors 'none'", ''))
  })
})

describe('development CSP', () => {
  it('relaxes only what the Vite dev server needs, and differs from the production policy', () => {
    const dev = buildCsp(DEV_CSP_DIRECTIVES)
    expect(dev).toContain("script-src 'self' 'unsafe-inline'")
    expect(dev).toContain('ws://localhost:*')
    expect(dev).toContain("default-src 'none'")
    expect(dev).not.toBe(buildCsp())
  })
})
