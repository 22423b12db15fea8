/**
 * Which pages may call the IPC API: only the app's own renderer, in its top frame. In production
 * that is the bundled `index.html` on file://; in development the electron-vite dev server; in the
 * browser shell its loopback server.
 */
export interface SenderInfo {
  /** URL of the frame that sent the message (empty when unknown). */
  url: string
  /** False for sub-frames. */
  isMainFrame: boolean
}

/** Builds a predicate accepting only frames whose URL is the renderer entry (ignoring query and hash). */
export function createTrustedSenderCheck(rendererUrl: string): (sender: SenderInfo) => boolean {
  const expected = new URL(rendererUrl)
  const samePage = (url: URL) =>
    expected.protocol === 'file:'
      ? url.protocol === 'file:' && url.pathname === expected.pathname
      : url.origin === expected.origin
  return (sender) => {
    if (!sender.isMainFrame || !sender.url) return false
    try {
      return samePage(new URL(sender.url))
    } catch {
      return false
    }
  }
}
