/**
 * One measurement in a NEW process, so "cold" means cold: module caches, the store and the heap
 * start empty. Prints one JSON line: { ms, cpuMs, rssBeforeMb, rssAfterMb, items } (cpuMs: this
 * process's CPU time over the same span, which a busy shared machine inflates less than wall time).
 *   list <root>          first `list({ limit: 200 })` of a new store (what the start screen asks:
 *                        answered from the first page)
 *   list-site <root>     first `list({ siteId, limit: 200 })`: a filtered list waits for the full load
 *   list-all <root>      first `list()` of every snapshot
 *   start <userDataDir>  the services the app creates, then the calls the start screen makes
 * Usage: node --import tsx cold-start-child.ts <mode> <folder>
 */
import { RECENT_SNAPSHOTS_LIMIT } from '@common/snapshots/recent-snapshots'
import { SnapshotStore } from '@main/snapshots/snapshot-store'
import { createTestServices, openStartScreen } from '../../support/main-services'

const [mode, folder] = process.argv.slice(2)
if (!folder || !['list', 'list-site', 'list-all', 'start'].includes(mode ?? '')) throw new Error('usage: cold-start-child <list|list-site|list-all|start> <folder>')
const mb = () => Math.round((process.memoryUsage().rss / 1048576) * 10) / 10

async function measure(): Promise<{ items: number; dispose?: () => Promise<void> }> {
  if (mode !== 'start') {
    const query = mode === 'list' ? { limit: RECENT_SNAPSHOTS_LIMIT } : mode === 'list-site' ? { siteId: 'site_007', limit: RECENT_SNAPSHOTS_LIMIT } : {}
    const listed = await new SnapshotStore({ root: folder! }).list(query)
    if (!listed.ok) throw new Error(listed.error.message)
    return { items: listed.value.items.length }
  }
  const services = await createTestServices(folder!)
  const results = await openStartScreen(services)
  const failed = results.find((result) => !result.ok)
  if (failed && !failed.ok) throw new Error(failed.error.message)
  const listed = results[3]
  return { items: listed?.ok ? (listed.value as { items: unknown[] }).items.length : 0, dispose: () => services.dispose() }
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
