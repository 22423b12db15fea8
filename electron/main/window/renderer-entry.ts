/**
 * Where the window loads the renderer from, and which development switches apply. The dev server
 * (`ELECTRON_RENDERER_URL`, set by `electron-vite dev`) and its relaxed CSP are honoured only when
 * the app is not packaged, and only for an http URL on loopback; a packaged app always loads
 * `app://tellus` and never opens DevTools.
 */
import { APP_ENTRY_URL } from '../renderer-files/app-protocol'
import { buildCsp, CSP_DIRECTIVES, DEV_CSP_DIRECTIVES } from '../security/csp'

/** The renderer's entry and the policies that go with it. */
export interface RendererEntry {
  url: string
  /** True only for `npm run dev`: relaxed CSP, DevTools allowed. */
  dev: boolean
  csp: string
  devTools: boolean
}

const LOOPBACK_DEV_HOSTS = ['localhost', '127.0.0.1', '[::1]']

/** Chooses the entry from `app.isPackaged` and the environment. */
export function chooseRendererEntry(isPackaged: boolean, env: Readonly<Record<string, string | undefined>>): RendererEntry {
  const devUrl = isPackaged ? undefined : env.ELECTRON_RENDERER_URL
  if (devUrl && isLoopbackHttp(devUrl)) return { url: devUrl, dev: true, csp: buildCsp(DEV_CSP_DIRECTIVES), devTools: true }
  return { url: APP_ENTRY_URL, dev: false, csp: buildCsp(CSP_DIRECTIVES), devTools: !isPackaged }
}

function isLoopbackHttp(raw: string): boolean {
  try {
    const url = new URL(raw)
    return url.protocol === 'http:' && LOOPBACK_DEV_HOSTS.includes(url.hostname)
  } catch {
    return false
  }
}
