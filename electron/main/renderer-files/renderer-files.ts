/**
 * Serves the built renderer folder: the one place that turns a request path into a file, used by
 * the `app://` protocol under Electron and by the browser shell's loopback http server. Only
 * regular files inside the renderer folder are served: no `..` segments (raw or percent-encoded),
 * no backslashes or NUL bytes, and no symlink that resolves outside the folder. Every response
 * carries its MIME type, `nosniff` and the renderer's Content-Security-Policy header.
 */
import { constants } from 'node:fs'
import { open, realpath } from 'node:fs/promises'
import { extname, join, sep } from 'node:path'

/** Content types of the files the renderer build contains. */
export const RENDERER_MIME_TYPES: Readonly<Record<string, string>> = {
  '.html': 'text/html; charset=utf-8',
  '.js': 'text/javascript; charset=utf-8',
  '.mjs': 'text/javascript; charset=utf-8',
  '.css': 'text/css; charset=utf-8',
  '.json': 'application/json; charset=utf-8',
  '.png': 'image/png',
  '.svg': 'image/svg+xml',
  '.ico': 'image/x-icon',
  '.woff2': 'font/woff2',
  '.woff': 'font/woff',
  '.ttf': 'font/ttf',
  '.txt': 'text/plain; charset=utf-8',
}

/** A file the renderer folder may serve, or why not. */
export type RendererFile = { status: 200; body: Buffer; headers: Record<string, string> } | { status: 403 | 404; body: string; headers: Record<string, string> }

/** Reads renderer files for one folder; `csp` goes into every response's header. */
export function createRendererFiles(rootDir: string, csp: string): (pathname: string) => Promise<RendererFile> {
  let rootReal: Promise<string> | null = null
  const refuse = (status: 403 | 404, body: string): RendererFile => ({ status, body, headers: { 'content-type': 'text/plain; charset=utf-8', 'x-content-type-options': 'nosniff' } })
  return async (pathname) => {
    const segments = decodeSegments(pathname)
    if (segments === null) return refuse(403, 'forbidden')
    let file: string
    let root: string
    try {
      rootReal ??= realpath(rootDir)
      root = await rootReal
      file = await realpath(join(root, ...(segments.length === 0 ? ['index.html'] : segments)))
    } catch {
      return refuse(404, 'not found')
    }
    if (!file.startsWith(root + sep)) return refuse(403, 'forbidden')
    const body = await readRegularFile(file)
    if (body === null) return refuse(404, 'not found')
    return {
      status: 200,
      body,
      headers: {
        'content-type': RENDERER_MIME_TYPES[extname(file).toLowerCase()] ?? 'application/octet-stream',
        'content-security-policy': csp,
        'x-content-type-options': 'nosniff',
        'cache-control': 'no-store',
      },
    }
  }
}

/** The path's segments, decoded; null when any is `..`, `.`, empty in the middle, or holds `\`, `/` or NUL. */
function decodeSegments(pathname: string): string[] | null {
  const raw = pathname.replace(/^\/+/, '').split('/')
  if (raw.length === 1 && raw[0] === '') return []
  const segments: string[] = []
  for (const part of raw) {
    let decoded: string
    try {
      decoded = decodeURIComponent(part)
    } catch {
      return null
    }
    if (decoded === '' || decoded === '.' || decoded === '..' || /[\\/\0]/.test(decoded)) return null
    segments.push(decoded)
  }
  return segments
}

/** The file's bytes when it is a regular file (not a folder, FIFO or device); null otherwise. */
async function readRegularFile(path: string): Promise<Buffer | null> {
  // Non-blocking open: opening a FIFO for reading would otherwise wait for a writer forever.
  const handle = await open(path, constants.O_RDONLY | (constants.O_NONBLOCK ?? 0)).catch(() => null)
  if (!handle) return null
  try {
    return (await handle.stat()).isFile() ? await handle.readFile() : null
  } finally {
    await handle.close()
  }
}
