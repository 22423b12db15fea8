/**
 * `npm run preview:browser`: the app in Debian's Chromium, with the real main-process handlers and
 * services in this Node process (for working on the UI where the Electron binary is missing).
 *
 *   --headless                 no window (default when there is no $DISPLAY)
 *   --user-data-dir DIR        the app's userData folder (profiles, settings, snapshots); default: a temp folder
 *   --remote-debugging-port N  let another Playwright process attach: chromium.connectOverCDP('http://127.0.0.1:N')
 *   --keychain                 store secrets in the real OS keychain (default: in memory)
 *
 * Builds the renderer first when out/renderer is missing. Ctrl-C stops it.
 */
import { execFileSync } from 'node:child_process'
import { existsSync } from 'node:fs'
import { resolve } from 'node:path'
import { parseArgs } from 'node:util'
import { KeytarSecretStore } from '@main/credentials/keytar-secret-store'
import { consoleLogger } from '@main/logger'
import { launchBrowserShell } from './browser-shell/launch-browser-shell'

const { values } = parseArgs({
  options: {
    headless: { type: 'boolean', default: !process.env.DISPLAY },
    'user-data-dir': { type: 'string' },
    'remote-debugging-port': { type: 'string' },
    keychain: { type: 'boolean', default: false },
    help: { type: 'boolean', default: false },
  },
})
if (values.help) {
  console.log('usage: npm run preview:browser -- [--headless] [--user-data-dir DIR] [--remote-debugging-port N] [--keychain]')
  process.exit(0)
}

const root = resolve(import.meta.dirname, '..')
if (!existsSync(resolve(root, 'out/renderer/index.html'))) {
  console.log('Building the renderer (electron-vite build)…')
  execFileSync(resolve(root, 'node_modules/.bin/electron-vite'), ['build'], { cwd: root, stdio: 'inherit' })
}

const shell = await launchBrowserShell({
  headless: values.headless,
  userDataDir: values['user-data-dir'] ? resolve(values['user-data-dir']) : undefined,
  remoteDebuggingPort: values['remote-debugging-port'] ? Number(values['remote-debugging-port']) : undefined,
  secretStore: values.keychain ? new KeytarSecretStore() : undefined,
  logger: consoleLogger,
})
console.log(`Tellus Field (browser shell) at ${shell.url}`)
console.log(`userData: ${shell.userDataDir}`)
if (values['remote-debugging-port']) console.log(`CDP: http://127.0.0.1:${values['remote-debugging-port']}`)
console.log(values.headless ? 'Headless. Ctrl-C to stop.' : 'Close the window or press Ctrl-C to stop.')

const stop = async () => {
  await shell.close()
  process.exit(0)
}
process.on('SIGINT', () => void stop())
process.on('SIGTERM', () => void stop())
shell.browser.on('disconnected', () => void stop())
