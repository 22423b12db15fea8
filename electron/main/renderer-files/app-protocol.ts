/**
 * The `app://` scheme the packaged renderer loads from instead of file://: a standard, secure
 * scheme with one host, so the renderer has a real origin (`app://tellus`) that the IPC sender
 * check and the navigation rules compare exactly. Requests are answered from the renderer folder
 * through the shared containment rules in `renderer-files.ts`.
 */
import type { RendererFile } from './renderer-files'

export const APP_SCHEME = 'app'
export const APP_HOST = 'tellus'
/** The renderer's origin under Electron. */
export const APP_ORIGIN = `${APP_SCHEME}://${APP_HOST}`
/** The renderer's entry page under Electron. */
export const APP_ENTRY_URL = `${APP_ORIGIN}/index.html`

/** What `protocol.registerSchemesAsPrivileged` needs, before the app is ready. */
export const APP_SCHEME_PRIVILEGES = {
  scheme: APP_SCHEME,
  privileges: { standard: true, secure: true, supportFetchAPI: true, stream: false, corsEnabled: false, bypassCSP: false, allowServiceWorkers: false, codeCache: true },
}

/** The handler for `protocol.handle(APP_SCHEME, …)`: GET/HEAD on the app host only, files from `files`. */
export function createAppProtocolHandler(files: (pathname: string) => Promise<RendererFile>): (request: Request) => Promise<Response> {
  return async (request) => {
    const url = new URL(request.url)
    if (url.protocol !== `${APP_SCHEME}:` || url.host !== APP_HOST) return new Response('forbidden', { status: 403 })
    if (request.method !== 'GET' && request.method !== 'HEAD') return new Response('method not allowed', { status: 405 })
    const file = await files(url.pathname)
    return new Response(request.method === 'HEAD' ? null : new Uint8Array(file.body instanceof Buffer ? file.body : Buffer.from(file.body)), { status: file.status, headers: file.headers })
  }
}
