/**
 * The renderer's Content-Security-Policy. The renderer talks to nobody but the preload: no network
 * origins at all, no inline scripts, no eval, no frames, no plugins. The same policy is in the
 * `<meta>` tag of renderer/index.html (a test keeps the two equal) and is sent as a response header
 * by the main process for every page it loads.
 */
export const CSP_DIRECTIVES: Readonly<Record<string, readonly string[]>> = {
  'default-src': ["'none'"],
  'script-src': ["'self'"],
  'style-src': ["'self'"],
  'img-src': ["'self'", 'data:'],
  'font-src': ["'self'"],
  'connect-src': ["'self'"],
  'base-uri': ["'none'"],
  'form-action': ["'none'"],
  'frame-ancestors': ["'none'"],
  'object-src': ["'none'"],
}

/** Serialises the policy as a header / meta value. */
export function buildCsp(directives: Readonly<Record<string, readonly string[]>> = CSP_DIRECTIVES): string {
  return Object.entries(directives)
    .map(([name, values]) => `${name} ${values.join(' ')}`)
    .join('; ')
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
