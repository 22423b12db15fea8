/**
 * Electron main process: app lifecycle, the hardened window, the `app://` renderer protocol, and
 * wiring the services into the IPC handlers. Everything else lives in plain modules that run (and
 * are tested) in Node.
 */
import { mkdir } from 'node:fs/promises'
import { join } from 'node:path'
import { app, BrowserWindow, clipboard, dialog, ipcMain, protocol, session, shell } from 'electron'
import { KeytarSecretStore } from './credentials/keytar-secret-store'
import { ensureWritableFolder } from './fs/writable-folder'
import { createIpcDispatcher } from './ipc/ipc-dispatcher'
import { createHandlers } from './ipc/handlers/create-handlers'
import { registerIpc } from './ipc/register-ipc'
import { createFileLogger } from './logging/file-logger'
import { rememberingSecrets } from './logging/secret-remembering-store'
import { APP_SCHEME, APP_SCHEME_PRIVILEGES, createAppProtocolHandler } from './renderer-files/app-protocol'
import { createRendererFiles } from './renderer-files/renderer-files'
import { isAllowedExternalUrl } from './security/external-links'
import { createTrustedSenderCheck } from './security/trusted-sender'
import { createElectronPdfRenderer } from './reports/electron-pdf-renderer'
import { createMainServices, type MainServices } from './services/create-main-services'
import { reportStartupFailure } from './startup-failure'
import { hardenSession, hardenWebContents } from './window/harden-web-contents'
import { chooseRendererEntry } from './window/renderer-entry'
import { createWindowOptions } from './window/window-options'

const logger = createFileLogger({ dir: join(app.getPath('userData'), 'logs'), console: true })
const here = import.meta.dirname
const entry = chooseRendererEntry(app.isPackaged, process.env)
const isTrustedSender = createTrustedSenderCheck(entry.url)
let mainWindow: BrowserWindow | null = null
let services: MainServices | null = null

protocol.registerSchemesAsPrivileged([APP_SCHEME_PRIVILEGES])

function createMainWindow(): BrowserWindow {
  const window = new BrowserWindow(
    createWindowOptions(join(here, '../preload/index.cjs'), { iconPath: join(app.getAppPath(), 'resources/icon.png'), devTools: entry.devTools }),
  )
  hardenWebContents(window.webContents, {
    isAppUrl: (url) => isTrustedSender({ url, isMainFrame: true }),
    openExternal: (url) => void shell.openExternal(url),
    logger,
    devTools: entry.devTools,
  })
  window.once('ready-to-show', () => window.show())
  void window.loadURL(entry.url)
  return window
}

async function start(): Promise<void> {
  hardenSession(session.defaultSession, logger, entry.csp)
  protocol.handle(APP_SCHEME, createAppProtocolHandler(createRendererFiles(join(here, '../renderer'), entry.csp)))
  const userDataDir = app.getPath('userData')
  await ensureWritableFolder(userDataDir)
  services = await createMainServices({
    userDataDir,
    appInfo: () => ({
      name: app.getName(),
      version: app.getVersion(),
      platform: process.platform,
      arch: process.arch,
      versions: { electron: process.versions.electron ?? null, chrome: process.versions.chrome ?? null, node: process.versions.node },
    }),
    secretStore: rememberingSecrets(new KeytarSecretStore(), logger.rememberSecret),
    chooseSavePath: async (suggestedName, filters) => {
      const options = { defaultPath: join(app.getPath('documents'), suggestedName), filters }
      const result = mainWindow ? await dialog.showSaveDialog(mainWindow, options) : await dialog.showSaveDialog(options)
      return result.canceled || !result.filePath ? null : result.filePath
    },
    // Reports print in a hidden window of their own in-memory session, with JavaScript off.
    pdfRenderer: createElectronPdfRenderer(() => {
      const window = new BrowserWindow({ show: false, webPreferences: { javascript: false, sandbox: true, contextIsolation: true, partition: 'report-pdf' } })
      return { loadFile: (path) => window.loadFile(path), printToPDF: (options) => window.webContents.printToPDF(options), destroy: () => window.destroy() }
    }, app.getPath('temp')),
    emit: (event, payload) => mainWindow?.webContents.send(event, payload),
    logger,
    desktop: {
      writeClipboard: (text) => clipboard.writeText(text),
      openFolder: async (folder) => {
        await mkdir(folder, { recursive: true }).catch(() => undefined)
        return shell.openPath(folder)
      },
      logFilePath: logger.filePath,
    },
  })
  const dispatch = createIpcDispatcher({ handlers: createHandlers(services), isTrustedSender, logger })
  registerIpc(ipcMain, dispatch)
  mainWindow = createMainWindow()
  logger.info(`started ${app.getName()} ${app.getVersion()} (${entry.dev ? 'dev server' : 'app://'})`)
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
  app
    .whenReady()
    .then(start)
    .catch((error: unknown) =>
      reportStartupFailure(error, {
        logger,
        logFilePath: logger.filePath,
        showErrorBox: (title, content) => dialog.showErrorBox(title, content),
        cleanUp: async () => {
          await services?.dispose()
          services = null
        },
        exit: (code) => app.exit(code),
      }),
    )
  app.on('activate', () => {
    if (BrowserWindow.getAllWindows().length === 0 && services) mainWindow = createMainWindow()
  })
  app.on('window-all-closed', () => {
    if (process.platform !== 'darwin') app.quit()
  })
  // Quitting waits once for the services to stop (the snapshot catalog is written then).
  let disposed = false
  app.on('before-quit', (event) => {
    if (disposed || !services) return
    disposed = true
    event.preventDefault()
    void services.dispose().finally(() => app.quit())
  })
}
