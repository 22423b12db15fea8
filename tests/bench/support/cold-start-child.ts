/**
 * One measurement in a NEW process, so "cold" means cold: module caches, the store and the heap
 * start empty. Prints one JSON line: { ms, cpuMs, rssBeforeMb, rssAfterMb, items } (cpuMs: this
 * process's CPU time over the same span, which a busy shared machine inflates less than wall time).
 *   list <root>          first `list({ limit: 200 })` of a new store (what the start screen asks)
 *   list-all <root>      first `list()` of every snapshot
 *   start <userDataDir>  the services the app creates, then the calls the start screen makes
 * Usage: node --import tsx cold-start-child.ts <mode> <folder>
 */
import { createHandlers } from '@main/ipc/handlers/create-handlers'
import { MemorySecretStore } from '@main/credentials/memory-secret-store'
import { createMemoryLogger } from '@main/logger'
import { createMainServices } from '@main/services/create-main-services'
import { createMemoryDesktopBridge } from '@main/services/desktop-bridge'
import { SnapshotStore } from '@main/snapshots/snapshot-store'

const [mode, folder] = process.argv.slice(2)
if (!folder || !['list', 'list-all', 'start'].includes(mode ?? '')) throw new Error('usage: cold-start-child <list|list-all|start> <folder>')
const mb = () => Math.round((process.memoryUsage().rss / 1048576) * 10) / 10

async function measure(): Promise<{ items: number; dispose?: () => Promise<void> }> {
  if (mode !== 'start') {
    const listed = await new SnapshotStore({ root: folder! }).list(mode === 'list' ? { limit: 200 } : {})
    if (!listed.ok) throw new Error(listed.error.message)
    return { items: listed.value.items.length }
  }
  const services = await createMainServices({
    userDataDir: folder!,
    appInfo: () => ({ name: 'Tellus Field', version: '0.0.0', platform: process.platform, arch: process.arch, versions: { electron: null, chrome: null, node: process.versions.node } }),
    secretStore: new MemorySecretStore(),
    chooseSavePath: async () => null,
    emit: () => undefined,
    logger: createMemoryLogger(),
    desktop: createMemoryDesktopBridge(`${folder!}/logs/main.log`),
  })
  const handlers = createHandlers(services)
  // What the start screen asks for when it opens (app info, profiles, settings, recent devices, demo chargers).
  const results = await Promise.all([
    handlers.getAppInfo(undefined as never),
    handlers.listProfiles(undefined as never),
    handlers.getSettings(undefined as never),
    handlers.listSnapshots({ limit: 200 }),
    handlers.listDemoDevices(undefined as never),
  ])
  const failed = results.find((result) => !result.ok)
  if (failed && !failed.ok) throw new Error(failed.error.message)
  const listed = results[3]
  return { items: listed.ok ? (listed.value as { items: unknown[] }).items.length : 0, dispose: () => services.dispose() }
}

const rssBeforeMb = mb()
const start = performance.now()
const cpuStart = process.cpuUsage()
const { items, dispose } = await measure()
const ms = performance.now() - start
const cpu = process.cpuUsage(cpuStart)
const cpuMs = (cpu.user + cpu.system) / 1000
const rssAfterMb = mb()
await dispose?.()
process.stdout.write(`${JSON.stringify({ ms, cpuMs, rssBeforeMb, rssAfterMb, items })}\n`)
