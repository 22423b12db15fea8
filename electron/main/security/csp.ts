/**
 * The renderer's Content-Security-Policy. The renderer talks to nobody but the preload: no network
 * connections at all (`connect-src 'none'`), no inline scripts, no eval, no frames, no plugins.
 * It is sent as a response header with every renderer file (app:// under Electron, the browser
 * shell's loopback server); the `<meta>` tag of renderer/index.html repeats it without the
 * header-only directives, which a meta tag ignores with a console error (a test keeps them equal).
 */
export const CSP_DIRECTIVES: Readonly<Record<string, readonly string[]>> = {
  'default-src': ["'none'"],
  'script-src': ["'self'"],
  'style-src': ["'self'"],
  'img-src': ["'self'", 'data:'],
  'font-src': ["'self'"],
  'connect-src': ["'none'"],
  'base-uri': ["'none'"],
  'form-action': ["'none'"],
  'frame-ancestors': ["'none'"],
  'object-src': ["'none'"],
}

/** Directives only a response header can carry; browsers ignore them in a `<meta>` tag. */
export const HEADER_ONLY_DIRECTIVES: readonly string[] = ['frame-ancestors', 'report-uri', 'sandbox']

/** Serialises the policy as a header value. */
export function buildCsp(directives: Readonly<Record<string, readonly string[]>> = CSP_DIRECTIVES): string {
  return Object.entries(directives)
    .map(([name, values]) => `${name} ${values.join(' ')}`)
    .join('; ')
}

/** Serialises the policy for the `<meta>` tag: the header policy without the header-only directives. */
export function buildMetaCsp(directives: Readonly<Record<string, readonly string[]>> = CSP_DIRECTIVES): string {
  return buildCsp(Object.fromEntries(Object.entries(directives).filter(([name]) => !HEADER_ONLY_DIRECTIVES.includes(name))))
}

/**
 * The development variant, for `npm run dev` only: the Vite dev server injects an inline React
 * refresh preamble and talks to its HMR websocket on localhost. Never used for a built app.
 */
export const DEV_CSP_DIRECTIVES: Readonly<Record<string, readonly string[]>> = {
  ...CSP_DIRECTIVES,
  'script-src': ["'self'", "'unsafe-inline'"],
  'style-src': ["'self'", "'unsafe-inline'"],
  'connect-src': ["'self'", 'ws://localhost:*', 'ws://127.0.0.1:*'],
}
