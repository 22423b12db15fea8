/**
 * Child process for the recording crash test: starts a recording with the real store and appends
 * frames as fast as it can until it is killed. Prints `wrote <n>` after each append resolves.
 * Usage: node --import tsx record-loop-child.ts <root>
 */
import { RecordingStore } from '@main/recordings/recording-store'
import { DEVICE, testFrame } from './support'

const [root] = process.argv.slice(2)
if (!root) throw new Error('usage: record-loop-child <root>')
const store = new RecordingStore({ root, syncIntervalMs: 50 })
const started = await store.start({ deviceId: DEVICE, profileName: 'Crash test', baseUrl: 'http://127.0.0.1:1/v1' })
if (!started.ok) {
  process.stderr.write(`start failed: ${started.error.message}\n`)
  process.exit(2)
}
const padding = 'x'.repeat(16 * 1024) // long lines widen the window in which a write is partial
const startMs = Date.now()
for (let n = 0; ; n++) {
  await store.append(testFrame(n, startMs, padding))
  process.stdout.write(`wrote ${n}\n`)
}
