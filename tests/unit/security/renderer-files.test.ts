/**
 * Issue 12 item 3: the renderer folder is served (app:// under Electron, loopback http in the
 * browser shell) through one containment rule set: no `..`, no symlinks out of the folder, only
 * regular files, correct MIME types and the CSP header. Real files and symlinks on disk.
 */
import { execFileSync } from 'node:child_process'
import { mkdir, symlink, writeFile } from 'node:fs/promises'
import { request } from 'node:http'
import { join } from 'node:path'
import { afterAll, beforeAll, describe, expect, it } from 'vitest'
import { APP_ENTRY_URL, createAppProtocolHandler } from '@main/renderer-files/app-protocol'
import { createRendererFiles } from '@main/renderer-files/renderer-files'
import { buildCsp } from '@main/security/csp'
import { startStaticServer, type StaticServer } from '../../../scripts/browser-shell/static-server'
import { tempRoot } from '../../support/common-fixtures'

const CSP = buildCsp()
let base: string
let cleanup: () => Promise<void>
let root: string
let server: StaticServer

beforeAll(async () => {
  ;({ root: base, cleanup } = await tempRoot('tellus-renderer-files-'))
  root = join(base, 'renderer')
  await mkdir(join(root, 'assets'), { recursive: true })
  await writeFile(join(root, 'index.html'), '<!doctype html><title>app</title>')
  await writeFile(join(root, 'assets', 'index-abc.js'), 'console.log(1)')
  await writeFile(join(root, 'assets', 'index-abc.css'), 'body{}')
  await writeFile(join(root, 'assets', 'logo.svg'), '<svg/>')
  await writeFile(join(root, 'assets', 'font.woff2'), 'x')
  await writeFile(join(root, 'assets', 'blob.bin'), 'x')
  await writeFile(join(base, 'secret.txt'), 'OUTSIDE-THE-RENDERER')
  await symlink(join(base, 'secret.txt'), join(root, 'assets', 'link-out.txt'))
  await symlink(base, join(root, 'dir-out'))
  await symlink(join(root, 'assets', 'index-abc.js'), join(root, 'inside-link.js'))
  execFileSync('mkfifo', [join(root, 'assets', 'pipe.js')])
  server = await startStaticServer(root)
})

afterAll(async () => {
  await server.close()
  await cleanup()
})

/** A raw GET with the path exactly as given (no client-side normalisation of `..`). */
function rawGet(path: string): Promise<{ status: number; headers: Record<string, unknown>; body: string }> {
  const { hostname, port } = new URL(server.url)
  return new Promise((resolve, reject) => {
    const req = request({ hostname, port, path, method: 'GET' }, (res) => {
      let body = ''
      res.on('data', (chunk: Buffer) => (body += chunk.toString('utf8')))
      res.on('end', () => resolve({ status: res.statusCode ?? 0, headers: res.headers, body }))
    })
    req.on('error', reject)
    req.end()
  })
}

const ESCAPES = ['/../secret.txt', '/assets/../../secret.txt', '/%2e%2e/secret.txt', '/assets/..%2f..%2fsecret.txt', '/..%5csecret.txt', '/assets/link-out.txt', '/dir-out/secret.txt', '/index.html%00.js']

describe('renderer files', () => {
  const files = () => createRendererFiles(root, CSP)

  it.each([
    ['/', 'text/html; charset=utf-8'],
    ['/index.html', 'text/html; charset=utf-8'],
    ['/assets/index-abc.js', 'text/javascript; charset=utf-8'],
    ['/assets/index-abc.css', 'text/css; charset=utf-8'],
    ['/assets/logo.svg', 'image/svg+xml'],
    ['/assets/font.woff2', 'font/woff2'],
    ['/assets/blob.bin', 'application/octet-stream'],
    ['/inside-link.js', 'text/javascript; charset=utf-8'],
  ])('serves %s as %s with the CSP and nosniff headers', async (path, type) => {
    const file = await files()(path)
    expect(file.status).toBe(200)
    expect(file.headers).toMatchObject({ 'content-type': type, 'content-security-policy': CSP, 'x-content-type-options': 'nosniff' })
  })

  it.each(ESCAPES)('never serves anything outside the folder: %s', async (path) => {
    const file = await files()(path)
    expect([403, 404]).toContain(file.status)
    expect(String(file.body)).not.toContain('OUTSIDE')
  })

  it('answers a FIFO named like a script with 404 at once instead of hanging', async () => {
    expect((await files()('/assets/pipe.js')).status).toBe(404)
    expect((await files()('/assets')).status).toBe(404)
    expect((await files()('/missing.js')).status).toBe(404)
  })
})

describe('app:// protocol handler', () => {
  const handler = () => createAppProtocolHandler(createRendererFiles(root, CSP))

  it('serves the entry page with its MIME type and CSP header', async () => {
    const response = await handler()(new Request(APP_ENTRY_URL))
    expect(response.status).toBe(200)
    expect(response.headers.get('content-type')).toBe('text/html; charset=utf-8')
    expect(response.headers.get('content-security-policy')).toBe(CSP)
    expect(await response.text()).toContain('<title>app</title>')
  })

  it('refuses other hosts, other methods and escapes', async () => {
    expect((await handler()(new Request('app://other/index.html'))).status).toBe(403)
    expect((await handler()(new Request(APP_ENTRY_URL, { method: 'POST', body: 'x' }))).status).toBe(405)
    for (const path of ['/assets/link-out.txt', '/dir-out/secret.txt', '/..%2fsecret.txt']) {
      const response = await handler()(new Request(`app://tellus${path}`))
      expect([403, 404]).toContain(response.status)
      expect(await response.text()).not.toContain('OUTSIDE')
    }
  })
})

describe('browser shell static server', () => {
  it.each(ESCAPES)('keeps %s inside the folder over real http', async (path) => {
    const response = await rawGet(path)
    expect([403, 404]).toContain(response.status)
    expect(response.body).not.toContain('OUTSIDE')
  })

  it('serves the entry page with the CSP header (frame-ancestors only there)', async () => {
    const response = await rawGet('/index.html?x=1')
    expect(response.status).toBe(200)
    expect(response.headers['content-security-policy']).toBe(CSP)
    expect(String(response.headers['content-security-policy'])).toContain("frame-ancestors 'none'")
  })
})
