import type { BrowserWindowConstructorOptions } from 'electron'

/**
 * Options of the main window, hardened per the Electron security checklist: context isolation,
 * the sandbox, no Node integration, no webview tags, web security on, no insecure content, no
 * middle-click (Auxclick) opening windows, DevTools only when allowed (never in a packaged app),
 * and a preload that exposes only the contract's named functions.
 */
export function createWindowOptions(preloadPath: string, options: { iconPath?: string; devTools: boolean }): BrowserWindowConstructorOptions {
  const { iconPath, devTools } = options
  return {
    width: 1280,
    height: 860,
    minWidth: 960,
    minHeight: 640,
    show: false,
    title: 'Tellus Field',
    backgroundColor: '#ffffff',
    autoHideMenuBar: true,
    ...(iconPath ? { icon: iconPath } : {}),
    webPreferences: {
      preload: preloadPath,
      contextIsolation: true,
      sandbox: true,
      nodeIntegration: false,
      nodeIntegrationInWorker: false,
      nodeIntegrationInSubFrames: false,
      webviewTag: false,
      webSecurity: true,
      allowRunningInsecureContent: false,
      experimentalFeatures: false,
      navigateOnDragDrop: false,
      spellcheck: false,
      disableBlinkFeatures: 'Auxclick',
      devTools,
    },
  }
}
