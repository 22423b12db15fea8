/**
 * Child process for the crash test: saves (and now and then deletes) snapshots in a loop with the
 * real store until it is killed. Prints `saved <id>` after each save resolves.
 * Usage: node --import tsx save-loop-child.ts <root> <retention> <firstSecond>
 */
import { SnapshotStore } from '@main/snapshots/snapshot-store'
import { asDeviceId } from '../../support/device-ids'

const [root, retention, firstSecond] = process.argv.slice(2)
if (!root || !retention || !firstSecond) throw new Error('usage: save-loop-child <root> <retention> <firstSecond>')
const store = new SnapshotStore({ root, retentionPerDevice: Number(retention) })
const padding = 'x'.repeat(64 * 1024) // a big payload widens the window in which a write is partial

for (let n = 0; ; n++) {
  const deviceId = asDeviceId(`dvc_crash_${n % 3}`)
  const second = Number(firstSecond) + n
  const result = await store.save({
    deviceId,
    fetchedAt: new Date(Date.UTC(2025, 2, 15) + second * 1000).toISOString(),
    profileId: 'prof_crash',
    profileName: 'Crash test',
    baseUrl: 'http://127.0.0.1:1/v1',
    data: { device_id: deviceId, firmware_version: `1.0.${n}`, status: 'online', connectors: [{ connector_id: 1, status: 'idle' }], padding },
  })
  if (!result.ok) {
    process.stderr.write(`save failed: ${result.error.message}\n`)
    process.exit(2)
  }
  process.stdout.write(`saved ${second} ${result.value.id}\n`)
  if (n % 7 === 6) {
    const list = await store.list({ deviceId })
    const oldest = list.ok ? list.value.items.at(-1) : undefined
    if (oldest && list.ok && list.value.items.length > 1) await store.delete(oldest.id)
  }
}
