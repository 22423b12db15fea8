#!/usr/bin/env node
/**
 * `npm test`: every test layer, then one closing line `N passed, N failed`.
 *
 *   checks    typecheck (node + web) and lint, one count each
 *   unit      vitest project "unit" (Node; real HTTP against the simulator)
 *   renderer  vitest project "renderer" (jsdom)
 *   e2e       electron-vite build, then vitest project "e2e" (Debian's Chromium)
 *   electron  vitest project "electron": the packaged app.asar (stand-in Electron) and the real-Electron
 *             smoke test (skipped, and counted as skipped, where the Electron binary is not installed)
 *   keychain  vitest project "keychain" under dbus-run-session with a fresh, unlocked gnome-keyring
 *
 * `npm test -- unit e2e` runs a subset. Exits non-zero when anything failed or a layer could not run.
 */
import { spawnSync } from 'node:child_process'
import { mkdtempSync, readFileSync, rmSync } from 'node:fs'
import { tmpdir } from 'node:os'
import { join } from 'node:path'

const LAYERS = ['checks', 'unit', 'renderer', 'e2e', 'electron', 'keychain']
const wanted = process.argv.slice(2)
const layers = wanted.length ? LAYERS.filter((l) => wanted.includes(l)) : LAYERS
const bin = (name) => join('node_modules', '.bin', name)
const totals = { passed: 0, failed: 0, skipped: 0 }
const summary = []
/** Whether `electron-vite build` succeeded (null: not run yet); e2e and electron share one build. */
let built = null

function run(command, args, options = {}) {
  const result = spawnSync(command, args, { stdio: 'inherit', ...options })
  return result.status === 0
}

function check(name, command, args) {
  console.log(`\n=== check: ${name} ===`)
  const passed = run(command, args)
  totals[passed ? 'passed' : 'failed'] += 1
  summary.push(`${name}: ${passed ? 'passed' : 'FAILED'}`)
}

function vitestLayer(project, wrap) {
  console.log(`\n=== tests: ${project} ===`)
  const dir = mkdtempSync(join(tmpdir(), `tellus-${project}-`))
  const report = join(dir, 'report.json')
  const args = ['run', '--project', project, '--reporter=default', '--reporter=json', `--outputFile.json=${report}`]
  const exitedCleanly = wrap ? wrap(args) : run(bin('vitest'), args)
  let counts
  try {
    const json = JSON.parse(readFileSync(report, 'utf8'))
    counts = { passed: json.numPassedTests, failed: json.numFailedTests, skipped: json.numPendingTests + json.numTodoTests }
    // A suite that failed to load (syntax error, missing module) has no tests but must still fail the run.
    if (json.numFailedTestSuites > 0 && counts.failed === 0) counts.failed = json.numFailedTestSuites
  } catch {
    counts = { passed: 0, failed: 1, skipped: 0 }
  }
  if (!exitedCleanly && counts.failed === 0) counts.failed = 1
  rmSync(dir, { recursive: true, force: true })
  totals.passed += counts.passed
  totals.failed += counts.failed
  totals.skipped += counts.skipped
  summary.push(`${project}: ${counts.passed} passed, ${counts.failed} failed${counts.skipped ? `, ${counts.skipped} skipped` : ''}`)
}

/** Runs vitest inside a private D-Bus session with a fresh, unlocked gnome-keyring (a real Secret Service). */
function underSecretService(args) {
  const dataHome = mkdtempSync(join(tmpdir(), 'tellus-keyring-'))
  const quoted = [bin('vitest'), ...args].map((a) => `'${a.replaceAll("'", "'\\''")}'`).join(' ')
  const script = `echo -n tellus-test | gnome-keyring-daemon --unlock --components=secrets >/dev/null && ${quoted}`
  const ok = run('dbus-run-session', ['--', 'sh', '-c', script], { env: { ...process.env, XDG_DATA_HOME: dataHome } })
  rmSync(dataHome, { recursive: true, force: true })
  return ok
}

for (const layer of layers) {
  if (layer === 'checks') {
    check('typecheck', bin('tsc'), ['-p', 'tsconfig.node.json', '--noEmit'])
    check('typecheck:web', bin('tsc'), ['-p', 'tsconfig.web.json', '--noEmit'])
    check('typecheck:e2e', bin('tsc'), ['-p', 'tsconfig.e2e.json', '--noEmit'])
    check('lint', bin('eslint'), ['.', '--max-warnings=0'])
  } else if (layer === 'e2e' || layer === 'electron') {
    if (built === null) {
      console.log(`\n=== build for ${layer} ===`)
      built = run(bin('electron-vite'), ['build'])
    }
    if (built) vitestLayer(layer)
    else {
      totals.failed += 1
      summary.push(`${layer}: build FAILED`)
    }
  } else if (layer === 'keychain') {
    vitestLayer('keychain', underSecretService)
  } else {
    vitestLayer(layer)
  }
}

console.log('\n=== summary ===')
for (const line of summary) console.log(line)
console.log(`${totals.passed} passed, ${totals.failed} failed${totals.skipped ? `, ${totals.skipped} skipped` : ''}`)
process.exit(totals.failed > 0 || totals.passed === 0 ? 1 : 0)
