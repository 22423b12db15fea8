/**
 * Measures (prints, never asserts) which project files of the main process run code during one
 * device lookup: the `devices:fetch` request through the app's IPC glue (registerIpc over a stand-in
 * for ipcMain, the real sender check), dispatcher, handlers, services,
 * API client (against the demo fleet's simulator, left out of the count) and snapshot store, by V8
 * precise coverage reset just before the request. A file that only declares data (a schema, a
 * type) is not counted: none of its functions run. `npx tsx scripts/lookup-files.ts`
 */
import { Session } from 'node:inspector/promises'
import { mkdtemp } from 'node:fs/promises'
import { tmpdir } from 'node:os'
import { join, relative, resolve } from 'node:path'
import { fileURLToPath } from 'node:url'
import type { IpcMainInvokeEvent } from 'electron'
import { CHANNELS } from '@common/ipc/contract'
import { createHandlers } from '@main/ipc/handlers/create-handlers'
import { createIpcDispatcher } from '@main/ipc/ipc-dispatcher'
import { registerIpc } from '@main/ipc/register-ipc'
import { createMemoryLogger } from '@main/logger'
import { createTrustedSenderCheck } from '@main/security/trusted-sender'
import { createTestServices } from '../tests/support/main-services'

const root = resolve(import.meta.dirname, '..')
const session = new Session()
session.connect()
await session.post('Profiler.enable')
await session.post('Profiler.startPreciseCoverage', { callCount: true, detailed: false })

const services = await createTestServices(await mkdtemp(join(tmpdir(), 'lookup-files-')))
const appUrl = 'app://tellus/index.html'
const dispatch = createIpcDispatcher({ handlers: createHandlers(services), isTrustedSender: createTrustedSenderCheck(appUrl), logger: createMemoryLogger() })
/** The handlers registerIpc gives ipcMain, by channel; `invoke` calls one as a message from the app's window would. */
const registered = new Map<string, (event: IpcMainInvokeEvent, args: unknown) => unknown>()
registerIpc({ handle: (channel, listener) => void registered.set(channel, listener) }, dispatch)
const fromWindow = { senderFrame: { url: appUrl, parent: null } } as unknown as IpcMainInvokeEvent
const invoke = (channel: string, args?: unknown) => Promise.resolve(registered.get(channel)?.(fromWindow, args))
await invoke(CHANNELS.listSites) // the start screen: signs in, loads the store

/** Runs `run` and prints the project files any of whose functions ran meanwhile. */
async function filesOf(label: string, run: () => Promise<unknown>): Promise<void> {
  await session.post('Profiler.takePreciseCoverage') // resets the counters
  const outcome = await run()
  const { result } = await session.post('Profiler.takePreciseCoverage')
  const files = new Set<string>()
  for (const script of result) {
    if (!script.url.startsWith('file://')) continue
    const path = relative(root, fileURLToPath(script.url))
    if (path.startsWith('..') || path.includes('node_modules') || path.startsWith('electron/main/simulator') || path.startsWith('scripts/')) continue
    if (script.functions.some((fn) => fn.ranges.some((range) => range.count > 0))) files.add(path)
  }
  console.log(`\n${label}: ${files.size} files (${JSON.stringify(outcome).slice(0, 60)}…)`)
  for (const file of [...files].sort()) console.log(`  ${file}`)
}

await filesOf('first lookup', () => invoke(CHANNELS.fetchDevice, { deviceId: 'dvc_2d7f0e9b4c61' }))
await filesOf('second lookup', () => invoke(CHANNELS.fetchDevice, { deviceId: 'dvc_8b2e4d6f1a93' }))
await services.dispose()
process.exit(0)
