/**
 * Measures (prints, never asserts) which project files of the main process run code during one
 * device lookup: the `devices:fetch` request through the real IPC dispatcher, handlers, services,
 * API client (against the demo fleet's simulator, left out of the count) and snapshot store, by V8
 * precise coverage reset just before the request. A file that only declares data (a schema, a
 * type) is not counted: none of its functions run. `npx tsx scripts/lookup-files.ts`
 */
import { Session } from 'node:inspector/promises'
import { mkdtemp } from 'node:fs/promises'
import { tmpdir } from 'node:os'
import { join, relative, resolve } from 'node:path'
import { fileURLToPath } from 'node:url'
import { createHandlers } from '@main/ipc/handlers/create-handlers'
import { createIpcDispatcher } from '@main/ipc/ipc-dispatcher'
import { createMemoryLogger } from '@main/logger'
import { createTestServices } from '../tests/support/main-services'

const root = resolve(import.meta.dirname, '..')
const session = new Session()
session.connect()
await session.post('Profiler.enable')
await session.post('Profiler.startPreciseCoverage', { callCount: true, detailed: false })

const services = await createTestServices(await mkdtemp(join(tmpdir(), 'lookup-files-')))
const dispatch = createIpcDispatcher({ handlers: createHandlers(services), isTrustedSender: () => true, logger: createMemoryLogger() })
const sender = { url: 'app://tellus/index.html', isMainFrame: true }
await dispatch('sites:list', undefined, sender) // the start screen: signs in, loads the store

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

await filesOf('first lookup', () => dispatch('devices:fetch', { deviceId: 'dvc_2d7f0e9b4c61' }, sender))
await filesOf('second lookup', () => dispatch('devices:fetch', { deviceId: 'dvc_8b2e4d6f1a93' }, sender))
await services.dispose()
process.exit(0)
