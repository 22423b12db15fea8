import { readFileSync } from 'node:fs'
import { createServer as createHttpsServer } from 'node:https'
import { createServer as createNetServer, type AddressInfo } from 'node:net'
import { join } from 'node:path'
import { afterEach, describe, expect, it } from 'vitest'
import { sendHttpRequest, type HttpOptions } from '@main/tellus/http-request'
import { useServers } from './support'

const startServer = useServers()
const options = (extra: Partial<HttpOptions> = {}): HttpOptions => ({
  fetch: globalThis.fetch,
  host: '127.0.0.1',
  timeouts: { headersMs: 2000, totalMs: 4000 },
  maxBodyBytes: 1024,
  ...extra,
})
const get = (url: string) => ({ method: 'GET' as const, url, headers: { accept: 'application/json' } })

describe('sendHttpRequest', () => {
  it('reads status, content type and body', async () => {
    const { url } = await startServer((_req, res) => {
      res.writeHead(404, { 'content-type': 'application/json' })
      res.end('{"code":3001}')
    })
    const result = await sendHttpRequest(get(url), options())
    expect(result.ok).toBe(true)
    if (!result.ok) return
    expect(result.value.status).toBe(404)
    expect(result.value.contentType).toBe('application/json')
    expect(new TextDecoder().decode(result.value.body)).toBe('{"code":3001}')
  })

  it('stops reading a streamed body as soon as it passes the cap', async () => {
    let written = 0
    let closed = false
    const { url } = await startServer((_req, res) => {
      res.writeHead(200, { 'content-type': 'application/json' }) // chunked: no Content-Length
      const timer = setInterval(() => {
        written += 512
        res.write('x'.repeat(512))
      }, 5)
      res.on('close', () => {
        closed = true
        clearInterval(timer)
      })
    })
    const result = await sendHttpRequest(get(url), options({ timeouts: { headersMs: 2000, totalMs: 10_000 } }))
    expect(result).toMatchObject({ ok: false, error: { kind: 'invalid-response' } })
    expect(!result.ok && result.error.message).toContain('larger than')
    await expect.poll(() => closed).toBe(true)
    expect(written).toBeLessThan(64 * 1024)
  })

  it('refuses a body whose declared length is over the cap without reading it', async () => {
    const { url } = await startServer((_req, res) => {
      res.writeHead(200, { 'content-type': 'application/json', 'content-length': String(5000) })
      res.end('y'.repeat(5000))
    })
    expect(await sendHttpRequest(get(url), options())).toMatchObject({ ok: false, error: { kind: 'invalid-response' } })
  })

  it('times out waiting for headers', async () => {
    const { url } = await startServer(() => undefined)
    const result = await sendHttpRequest(get(url), options({ timeouts: { headersMs: 150, totalMs: 5000 } }))
    expect(result).toMatchObject({ ok: false, error: { kind: 'timeout', message: '127.0.0.1 did not answer within 1 s.' } })
    expect(result.ok || result.transient).toBeFalsy()
  })

  it('times out when the body stops arriving', async () => {
    const { url } = await startServer((_req, res) => {
      res.writeHead(200, { 'content-type': 'application/json', 'content-length': '100' })
      res.write('{"code":0,')
    })
    const result = await sendHttpRequest(get(url), options({ timeouts: { headersMs: 2000, totalMs: 200 } }))
    expect(result).toMatchObject({ ok: false, error: { kind: 'timeout' } })
    expect(!result.ok && result.error.message).toContain('did not finish arriving')
  })

  it('is cancelled by the signal, before or during the exchange', async () => {
    const { url } = await startServer(() => undefined)
    const before = new AbortController()
    before.abort()
    expect(await sendHttpRequest(get(url), options({ signal: before.signal }))).toMatchObject({ ok: false, error: { kind: 'cancelled' } })
    const during = new AbortController()
    setTimeout(() => during.abort(), 50)
    expect(await sendHttpRequest(get(url), options({ signal: during.signal }))).toMatchObject({ ok: false, error: { kind: 'cancelled' } })
  })

  it('does not follow redirects, so credentials never travel to another address', async () => {
    let followed = 0
    const target = await startServer((_req, res) => {
      followed += 1
      res.end()
    })
    const { url } = await startServer((_req, res) => {
      res.writeHead(307, { location: `${target.url}/steal` })
      res.end()
    })
    const request = { method: 'POST' as const, url, headers: { 'content-type': 'application/json' }, body: '{"client_secret":"s3cr3t"}' }
    const result = await sendHttpRequest(request, options())
    expect(result.ok && result.value.status).toBe(307)
    expect(followed).toBe(0)
  })

  it('reports a refused connection as a transient network error naming the host', async () => {
    const port = await new Promise<number>((resolve) => {
      const probe = createNetServer().listen(0, '127.0.0.1', () => {
        const { port } = probe.address() as AddressInfo
        probe.close(() => resolve(port))
      })
    })
    const result = await sendHttpRequest(get(`http://127.0.0.1:${port}/v1`), options())
    expect(result).toMatchObject({
      ok: false,
      transient: true,
      maxAttempts: 2,
      error: { kind: 'network', message: 'Cannot reach 127.0.0.1: the connection was refused.' },
    })
    expect(!result.ok && result.error.action).toContain('Check the network connection')
  })

  describe('TLS', () => {
    const fixtures = join(import.meta.dirname, 'fixtures')
    const server = createHttpsServer(
      { key: readFileSync(join(fixtures, 'self-signed-key.pem')), cert: readFileSync(join(fixtures, 'self-signed-cert.pem')) },
      (_req, res) => res.end('{}'),
    )
    afterEach(() => new Promise<void>((resolve) => (server.listening ? server.close(() => resolve()) : resolve())))

    it('reports an untrusted certificate as its own, permanent error', async () => {
      await new Promise<void>((resolve) => server.listen(0, '127.0.0.1', resolve))
      const { port } = server.address() as AddressInfo
      const result = await sendHttpRequest(get(`https://127.0.0.1:${port}/v1`), options({ host: `127.0.0.1:${port}` }))
      expect(result).toMatchObject({ ok: false, error: { kind: 'network' } })
      expect(result.ok || result.transient).toBeFalsy()
      expect(!result.ok && result.error.message).toMatch(/secure connection to 127\.0\.0\.1:\d+ failed: its certificate is not trusted \(\w+/)
    })
  })
})
