/**
 * The browser shell: the built renderer in Debian's Chromium (playwright-core), with `window.tellus`
 * bound to the real main-process IPC dispatcher, handlers and services running in this Node
 * process. Same contract, same handler modules as under Electron; only the transport differs.
 * Used by the e2e tests, the benchmarks and `npm run preview:browser`.
 */
import { mkdtemp } from 'node:fs/promises'
import { tmpdir } from 'node:os'
import { join, resolve } from 'node:path'
import { chromium, type Browser, type BrowserContext, type Page } from 'playwright-core'
import type { EventName, IpcEvents } from '@common/ipc/contract'
import type { SecretStore } from '@main/credentials/secret-store'
import { MemorySecretStore } from '@main/credentials/memory-secret-store'
import { createHandlers } from '@main/ipc/handlers/create-handlers'
import { createIpcDispatcher } from '@main/ipc/ipc-dispatcher'
import type { Logger } from '@main/logger'
import { createFileLogger } from '@main/logging/file-logger'
import { createTrustedSenderCheck } from '@main/security/trusted-sender'
import { createMainServices, type MainServices, type MainServicesOptions } from '@main/services/create-main-services'
import { createMemoryDesktopBridge } from '@main/services/desktop-bridge'
import { CHROMIUM_ARGS, chromiumExecutable } from './chromium'
import { defaultExportDir, saveIntoFolder } from './export-folder'
import { pageApiScript } from './page-api-script'
import { createPagePdfRenderer } from './page-pdf-renderer'
import { startStaticServer, type StaticServer } from './static-server'

export interface BrowserShellOptions {
  /** The app's userData folder (profiles, settings, snapshots). Default: a new temp folder. */
  userDataDir?: string
  /** Built renderer. Default: out/renderer. */
  rendererDir?: string
  headless?: boolean
  remoteDebuggingPort?: number
  viewport?: { width: number; height: number }
  /** Default: an in-memory store that reports itself session-only. See choose-secret-store.ts for the keychain. */
  secretStore?: SecretStore
  /** Where "save as" dialogs save: returns a path, or null for "cancelled". Default: into `exportDir`. */
  chooseSavePath?: MainServicesOptions['chooseSavePath']
  /** The folder exports are saved into when `chooseSavePath` is not given. Default: `<userData>/exports`. */
  exportDir?: string
  logger?: Logger
  /** Extra options for the services (e.g. the demo simulator's). */
  services?: Partial<MainServicesOptions>
}

export interface BrowserShell {
  url: string
  browser: Browser
  context: BrowserContext
  page: Page
  services: MainServices
  userDataDir: string
  /** Where exports are saved (when the default `chooseSavePath` is used). */
  exportDir: string
  logger: Logger
  /** Text the app put on the clipboard (the shell's clipboard is in memory), oldest first. */
  clipboard: string[]
  /** Folders the app asked to open in the file manager. */
  openedFolders: string[]
  close(): Promise<void>
}

/** Starts the static server, the services and Chromium, and opens the app. */
export async function launchBrowserShell(options: BrowserShellOptions = {}): Promise<BrowserShell> {
  const userDataDir = options.userDataDir ?? (await mkdtemp(join(tmpdir(), 'tellus-shell-')))
  const exportDir = options.exportDir ?? defaultExportDir(userDataDir)
  const fileLogger = createFileLogger({ dir: join(userDataDir, 'logs') })
  const logger = options.logger ?? fileLogger
  const desktop = createMemoryDesktopBridge(fileLogger.filePath)
  const server: StaticServer = await startStaticServer(options.rendererDir ?? resolve(import.meta.dirname, '../../out/renderer'))
  const appUrl = `${server.url}/index.html`
  let page: Page | null = null
  let chromeVersion: string | null = null
  const emit = <E extends EventName>(event: E, payload: IpcEvents[E]) => {
    void page?.evaluate(([e, p]) => (globalThis as unknown as { __tellusEmit?: (e: string, p: unknown) => void }).__tellusEmit?.(e, p), [event, payload] as const).catch(() => undefined)
  }
  const services = await createMainServices({
    userDataDir,
    appInfo: () => ({
      name: 'Tellus Field',
      version: process.env.npm_package_version ?? '0.0.0',
      platform: process.platform,
      arch: process.arch,
      versions: { electron: null, chrome: chromeVersion, node: process.versions.node },
    }),
    secretStore: options.secretStore ?? new MemorySecretStore({ sessionOnly: true }),
    chooseSavePath: options.chooseSavePath ?? saveIntoFolder(exportDir),
    emit,
    logger,
    desktop,
    pdfRenderer: createPagePdfRenderer(),
    ...options.services,
  })
  const dispatch = createIpcDispatcher({ handlers: createHandlers(services), isTrustedSender: createTrustedSenderCheck(appUrl), logger })

  const browser = await chromium.launch({
    executablePath: chromiumExecutable(),
    headless: options.headless ?? true,
    args: [...CHROMIUM_ARGS, ...(options.remoteDebuggingPort ? [`--remote-debugging-port=${options.remoteDebuggingPort}`] : [])],
  })
  chromeVersion = browser.version()
  const context = await browser.newContext({ viewport: options.viewport ?? { width: 1280, height: 860 } })
  await context.exposeBinding('__tellusInvoke', (source, channel: string, args: unknown) =>
    dispatch(channel, args, { url: source.frame.url(), isMainFrame: source.frame === source.page.mainFrame() }),
  )
  await context.addInitScript({ content: pageApiScript() })
  page = await context.newPage()
  await page.goto(appUrl)

  return {
    url: appUrl,
    browser,
    context,
    page,
    services,
    userDataDir,
    exportDir,
    logger,
    clipboard: desktop.clipboard,
    openedFolders: desktop.openedFolders,
    close: async () => {
      await browser.close().catch(() => undefined)
      await services.dispose()
      await server.close()
    },
  }
}
