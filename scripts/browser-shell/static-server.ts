/**
 * Serves a built renderer folder over http on 127.0.0.1 (module scripts do not load from file://),
 * through the same containment, MIME and CSP rules as the app:// protocol under Electron.
 */
import { createServer, type Server } from 'node:http'
import type { AddressInfo } from 'node:net'
import { createRendererFiles } from '@main/renderer-files/renderer-files'
import { buildCsp } from '@main/security/csp'

export interface StaticServer {
  url: string
  close(): Promise<void>
}

/** Starts the server on loopback; only GET and HEAD, only files inside `rootDir`. */
export async function startStaticServer(rootDir: string, port = 0, csp: string = buildCsp()): Promise<StaticServer> {
  const files = createRendererFiles(rootDir, csp)
  const server: Server = createServer((req, res) => {
    if (req.method !== 'GET' && req.method !== 'HEAD') {
      res.writeHead(405, { 'content-type': 'text/plain; charset=utf-8' }).end('method not allowed')
      return
    }
    const pathname = (req.url ?? '/').split(/[?#]/, 1)[0]!
    void files(pathname).then(
      (file) => res.writeHead(file.status, file.headers).end(req.method === 'HEAD' ? undefined : file.body),
      () => res.writeHead(500, { 'content-type': 'text/plain; charset=utf-8' }).end('internal error'),
    )
  })
  await new Promise<void>((done) => server.listen(port, '127.0.0.1', done))
  const { port: actual } = server.address() as AddressInfo
  return {
    url: `http://127.0.0.1:${actual}`,
    close: () => new Promise((done) => server.close(() => done())),
  }
}
