import type { Session, WebContents } from 'electron'
import { buildCsp } from '../security/csp'
import { isAllowedExternalUrl } from '../security/external-links'
import type { Logger } from '../logger'

/**
 * Denies everything a page could use to escape the app: navigation away from the renderer's
 * exact origin, new windows (allow-listed https links go to the system browser instead), webviews,
 * every permission request, and (when `devTools` is false, as in a packaged app) DevTools.
 * Electron objects are passed in so this stays testable with fakes.
 */
export function hardenWebContents(
  contents: WebContents,
  options: { isAppUrl: (url: string) => boolean; openExternal: (url: string) => void; logger: Logger; devTools: boolean },
): void {
  const { isAppUrl, openExternal, logger } = options
  if (!options.devTools) {
    contents.on('devtools-opened', () => {
      contents.closeDevTools()
      logger.warn('window: closed DevTools (not available in a packaged app)')
    })
  }
  contents.on('will-navigate', (event, url) => {
    if (isAppUrl(url)) return
    event.preventDefault()
    logger.warn(`window: blocked navigation to ${url}`)
  })
  contents.on('will-redirect', (event, url) => {
    if (isAppUrl(url)) return
    event.preventDefault()
    logger.warn(`window: blocked redirect to ${url}`)
  })
  contents.on('will-attach-webview', (event) => {
    event.preventDefault()
    logger.warn('window: blocked a webview')
  })
  contents.setWindowOpenHandler(({ url }) => {
    if (isAllowedExternalUrl(url)) openExternal(url)
    else logger.warn(`window: blocked window.open of ${url}`)
    return { action: 'deny' }
  })
}

/** Denies all permission requests and checks, and adds the CSP header (`csp`) to every response. */
export function hardenSession(session: Session, logger: Logger, csp: string = buildCsp()): void {
  session.setPermissionRequestHandler((_contents, permission, callback) => {
    logger.warn(`session: denied permission "${permission}"`)
    callback(false)
  })
  session.setPermissionCheckHandler(() => false)
  session.webRequest.onHeadersReceived((details, callback) => {
    callback({ responseHeaders: { ...details.responseHeaders, 'Content-Security-Policy': [csp] } })
  })
}
