/**
 * The main process as the leak test drives it: the real services, handlers and IPC dispatcher
 * (wired like the browser shell does), an in-memory keychain, a memory logger, a fetch that records
 * issued tokens, and a typed `window.tellus`-like API whose every result and event is recorded.
 */
import { join } from 'node:path'
import { buildTellusApi } from '@common/ipc/build-api'
import { CHANNELS, EVENT_NAMES, type TellusApi } from '@common/ipc/contract'
import { MemorySecretStore } from '@main/credentials/memory-secret-store'
import { createHandlers } from '@main/ipc/handlers/create-handlers'
import { createIpcDispatcher } from '@main/ipc/ipc-dispatcher'
import { createMemoryLogger, type Logger } from '@main/logger'
import { createFileLogger } from '@main/logging/file-logger'
import { rememberingSecrets } from '@main/logging/secret-remembering-store'
import { createTrustedSenderCheck } from '@main/security/trusted-sender'
import { createMainServices, type MainServices } from '@main/services/create-main-services'
import { createMemoryDesktopBridge } from '@main/services/desktop-bridge'
import { createPagePdfRenderer } from '../../../scripts/browser-shell/page-pdf-renderer'
import { createRecordingFetch, type RecordingFetch } from './recording-fetch'
import { tempRoot } from '../../support/common-fixtures'

/** The page URL the dispatcher trusts (the browser shell's loopback server in real use). */
const APP_URL = 'http://127.0.0.1:1/index.html'

/** One recorded IPC exchange. */
export interface RecordedCall {
  channel: string
  result: unknown
}

export interface LeakApp {
  api: TellusApi
  services: MainServices
  secrets: MemorySecretStore
  logLines: string[]
  calls: RecordedCall[]
  events: unknown[]
  recorder: RecordingFetch
  userDataDir: string
  exportDir: string
  /** Files the save dialog was answered with. */
  exportedFiles: string[]
  /** Disposes the services (stops the demo simulator); the folders stay until `removeFolders`. */
  dispose(): Promise<void>
  removeFolders(): Promise<void>
}

/** Builds the app over fresh temp folders. */
export async function createLeakApp(): Promise<LeakApp> {
  const userData = await tempRoot('tellus-leak-userdata-')
  const exports = await tempRoot('tellus-leak-exports-')
  const userDataDir = userData.root
  const exportDir = exports.root
  const memoryLogger = createMemoryLogger()
  // Like the app: every line also goes to the redacted log file in userData, which the scan covers.
  const fileLogger = createFileLogger({ dir: join(userDataDir, 'logs') })
  const logger: Logger = {
    info: (m) => (memoryLogger.info(m), fileLogger.info(m)),
    warn: (m) => (memoryLogger.warn(m), fileLogger.warn(m)),
    error: (m) => (memoryLogger.error(m), fileLogger.error(m)),
  }
  const secrets = new MemorySecretStore()
  const recorder = createRecordingFetch()
  const calls: RecordedCall[] = []
  const events: unknown[] = []
  const exportedFiles: string[] = []
  const services = await createMainServices({
    userDataDir,
    appInfo: () => ({ name: 'Tellus Field', version: '0.0.0-leak', platform: process.platform, arch: process.arch, versions: { electron: null, chrome: null, node: process.versions.node } }),
    secretStore: rememberingSecrets(secrets, fileLogger.rememberSecret),
    chooseSavePath: async (suggestedName) => {
      const path = join(exportDir, suggestedName)
      exportedFiles.push(path)
      return path
    },
    emit: (event, payload) => events.push({ event, payload }),
    logger,
    desktop: createMemoryDesktopBridge(fileLogger.filePath),
    fetch: recorder.fetch,
    pdfRenderer: createPagePdfRenderer(),
  })
  const dispatch = createIpcDispatcher({ handlers: createHandlers(services), isTrustedSender: createTrustedSenderCheck(APP_URL), logger })
  const api = buildTellusApi(CHANNELS, EVENT_NAMES, {
    invoke: async (channel, args) => {
      const result = await dispatch(channel, args, { url: APP_URL, isMainFrame: true })
      calls.push({ channel, result })
      return result
    },
    subscribe: () => () => undefined,
  })
  return {
    api,
    services,
    secrets,
    logLines: memoryLogger.lines,
    calls,
    events,
    recorder,
    userDataDir,
    exportDir,
    exportedFiles,
    dispose: () => services.dispose(),
    removeFolders: async () => {
      await userData.cleanup()
      await exports.cleanup()
    },
  }
}
