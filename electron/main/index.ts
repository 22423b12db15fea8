/**
 * Electron main process: app lifecycle, the hardened window, and wiring the services into the IPC
 * handlers. Everything else lives in plain modules that run (and are tested) in Node.
 */
import { join } from 'node:path'
import { pathToFileURL } from 'node:url'
import { app, BrowserWindow, dialog, ipcMain, session, shell } from 'electron'
import { KeytarSecretStore } from './credentials/keytar-secret-store'
import { createIpcDispatcher } from './ipc/ipc-dispatcher'
import { createHandlers } from './ipc/handlers/create-handlers'
import { registerIpc } from './ipc/register-ipc'
import { consoleLogger } from './logger'
import { buildCsp, CSP_DIRECTIVES, DEV_CSP_DIRECTIVES } from './security/csp'
import { isAllowedExternalUrl } from './security/external-links'
import { createTrustedSenderCheck } from './security/trusted-sender'
import { createMainServices, type MainServices } from './services/create-main-services'
import { hardenSession, hardenWebContents } from './window/harden-web-contents'
import { createWindowOptions } from './window/window-options'

const logger = consoleLogger
const here = import.meta.dirname
const rendererUrl = process.env.ELECTRON_RENDERER_URL ?? pathToFileURL(join(here, '../renderer/index.html')).href
const isTrustedSender = createTrustedSenderCheck(rendererUrl)
let mainWindow: BrowserWindow | null = null
let services: MainServices | null = null

function createMainWindow(): BrowserWindow {
  const window = new BrowserWindow(
    createWindowOptions(join(here, '../preload/index.cjs'), join(app.getAppPath(), 'resources/icon.png')),
  )
  hardenWebContents(window.webContents, {
    isAppUrl: (url) => isTrustedSender({ url, isMainFrame: true }),
    openExternal: (url) => void shell.openExternal(url),
    logger,
  })
  window.once('ready-to-show', () => window.show())
  void window.loadURL(rendererUrl)
  return window
}

async function start(): Promise<void> {
  hardenSession(session.defaultSession, logger, buildCsp(process.env.ELECTRON_RENDERER_URL ? DEV_CSP_DIRECTIVES : CSP_DIRECTIVES))
  services = await createMainServices({
    userDataDir: app.getPath('userData'),
    appInfo: () => ({
      name: app.getName(),
      version: app.getVersion(),
      platform: process.platform,
      arch: process.arch,
      versions: { electron: process.versions.electron ?? null, chrome: process.versions.chrome ?? null, node: process.versions.node },
    }),
    secretStore: new KeytarSecretStore(),
    chooseSavePath: async (suggestedName, filters) => {
      const options = { defaultPath: join(app.getPath('documents'), suggestedName), filters }
      const result = mainWindow ? await dialog.showSaveDialog(mainWindow, options) : await dialog.showSaveDialog(options)
      return result.canceled || !result.filePath ? null : result.filePath
    },
    emit: (event, payload) => mainWindow?.webContents.send(event, payload),
    logger,
  })
  const dispatch = createIpcDispatcher({ handlers: createHandlers(services), isTrustedSender, logger })
  registerIpc(ipcMain, dispatch)
  mainWindow = createMainWindow()
}

app.enableSandbox()
if (!app.requestSingleInstanceLock()) {
  app.quit()
} else {
  app.on('second-instance', () => {
    if (mainWindow?.isMinimized()) mainWindow.restore()
    mainWindow?.focus()
  })
  app.on('web-contents-created', (_event, contents) => {
    contents.setWindowOpenHandler(({ url }) => {
      if (isAllowedExternalUrl(url)) void shell.openExternal(url)
      return { action: 'deny' }
    })
  })
  app.whenReady().then(start, (error: unknown) => logger.error(`startup failed: ${String(error)}`))
  app.on('activate', () => {
    if (BrowserWindow.getAllWindows().length === 0 && services) mainWindow = createMainWindow()
  })
  app.on('window-all-closed', () => {
    if (process.platform !== 'darwin') app.quit()
  })
  app.on('before-quit', () => {
    void services?.dispose()
  })
}
