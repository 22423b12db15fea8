/**
 * Which pages may call the IPC API: only the app's own renderer, in its top frame. Under Electron
 * that is the `app://tellus` origin (or, in development only, the electron-vite dev server); in the
 * browser shell its loopback server. Origins are compared exactly: scheme, host and port.
 */
export interface SenderInfo {
  /** URL of the frame that sent the message (empty when unknown). */
  url: string
  /** False for sub-frames. */
  isMainFrame: boolean
}

/**
 * The exact origin of a URL as `scheme://host[:port]`, also for custom standard schemes such as
 * `app:` (where WHATWG's `URL.origin` is "null"). Null for file:, data:, opaque or invalid URLs.
 */
export function exactOrigin(raw: string): string | null {
  let url: URL
  try {
    url = new URL(raw)
  } catch {
    return null
  }
  if (url.host === '' || url.protocol === 'file:' || url.username !== '' || url.password !== '') return null
  return `${url.protocol}//${url.host}`
}

/** Builds a predicate accepting only main frames whose origin is exactly the renderer entry's. */
export function createTrustedSenderCheck(rendererUrl: string): (sender: SenderInfo) => boolean {
  const expected = exactOrigin(rendererUrl)
  if (expected === null) throw new Error(`The renderer URL has no origin to trust: ${rendererUrl}`)
  return (sender) => sender.isMainFrame && exactOrigin(sender.url) === expected
}
