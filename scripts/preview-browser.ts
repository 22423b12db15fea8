/**
 * `npm run preview:browser`: the app in Debian's Chromium, with the real main-process handlers and
 * services in this Node process (for working on the UI where the Electron binary is missing).
 *
 *   --headless                 no window (default when there is no $DISPLAY)
 *   --user-data-dir DIR        the app's userData folder (profiles, settings, snapshots); default: a temp folder
 *   --remote-debugging-port N  let another Playwright process attach: chromium.connectOverCDP('http://127.0.0.1:N')
 *   --export-dir DIR           where exports are saved (default: <userData>/exports)
 *   --session-secrets          keep secrets in memory even where a Secret Service runs
 *
 * Secrets go to the OS keychain (Secret Service) when one answers, as in the app; otherwise they are
 * kept in memory for this session and the Profiles view says so. Builds the renderer first when
 * out/renderer is missing or older than its sources. Ctrl-C stops it.
 */
import { execFileSync } from 'node:child_process'
import { resolve } from 'node:path'
import { parseArgs } from 'node:util'
import { KeytarSecretStore } from '@main/credentials/keytar-secret-store'
import { consoleLogger } from '@main/logger'
import { chooseSecretStore } from './browser-shell/choose-secret-store'
import { launchBrowserShell } from './browser-shell/launch-browser-shell'
import { rendererNeedsBuild } from './browser-shell/renderer-freshness'

const { values } = parseArgs({
  options: {
    headless: { type: 'boolean', default: !process.env.DISPLAY },
    'user-data-dir': { type: 'string' },
    'remote-debugging-port': { type: 'string' },
    'export-dir': { type: 'string' },
    'session-secrets': { type: 'boolean', default: false },
    help: { type: 'boolean', default: false },
  },
})
if (values.help) {
  console.log('usage: npm run preview:browser -- [--headless] [--user-data-dir DIR] [--remote-debugging-port N] [--export-dir DIR] [--session-secrets]')
  process.exit(0)
}

const root = resolve(import.meta.dirname, '..')
if (await rendererNeedsBuild(root)) {
  console.log('The renderer build is missing or older than its sources: building it (electron-vite build)…')
  execFileSync(resolve(root, 'node_modules/.bin/electron-vite'), ['build'], { cwd: root, stdio: 'inherit' })
}

const secrets = await chooseSecretStore(values['session-secrets'] ? null : new KeytarSecretStore())
const shell = await launchBrowserShell({
  headless: values.headless,
  userDataDir: values['user-data-dir'] ? resolve(values['user-data-dir']) : undefined,
  remoteDebuggingPort: values['remote-debugging-port'] ? Number(values['remote-debugging-port']) : undefined,
  secretStore: secrets.store,
  exportDir: values['export-dir'] ? resolve(values['export-dir']) : undefined,
  logger: consoleLogger,
})
console.log(`Tellus Field (browser shell) at ${shell.url}`)
console.log(`userData: ${shell.userDataDir}`)
console.log(`Exports:  ${shell.exportDir}`)
console.log(
  secrets.kind === 'keychain'
    ? 'Secrets:  the OS keychain (Secret Service), as in the app'
    : `Secrets:  in memory for this session only (${secrets.reason ?? 'no keychain'})`,
)
if (values['remote-debugging-port']) console.log(`CDP: http://127.0.0.1:${values['remote-debugging-port']}`)
console.log(values.headless ? 'Headless. Ctrl-C to stop.' : 'Close the window or press Ctrl-C to stop.')

const stop = async () => {
  await shell.close()
  process.exit(0)
}
process.on('SIGINT', () => void stop())
process.on('SIGTERM', () => void stop())
shell.browser.on('disconnected', () => void stop())
