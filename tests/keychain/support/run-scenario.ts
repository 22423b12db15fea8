/**
 * Starts `keychain-scenario.ts` in a child Node process (with tsx) in a chosen keychain
 * environment, and returns its parsed outcome.
 */
import { spawn } from 'node:child_process'
import { join } from 'node:path'
import type { ScenarioOutcome } from './scenario-shared'

const SCRIPT = join(import.meta.dirname, 'keychain-scenario.ts')
const REPO_ROOT = join(import.meta.dirname, '../../..')

export interface ScenarioRun {
  outcome: ScenarioOutcome
  stdout: string
  stderr: string
}

/**
 * The current environment without any way to reach a session bus or a display (no
 * DBUS_SESSION_BUS_ADDRESS, DISPLAY, WAYLAND_DISPLAY; a private, empty XDG_RUNTIME_DIR so no
 * `$XDG_RUNTIME_DIR/bus` is found; no GNOME_KEYRING_CONTROL). `runtimeDir` is an empty folder the
 * caller made (and removes).
 */
export function isolatedEnv(runtimeDir: string, extra: Record<string, string>): NodeJS.ProcessEnv {
  const env: NodeJS.ProcessEnv = { ...process.env }
  for (const name of ['DBUS_SESSION_BUS_ADDRESS', 'DISPLAY', 'WAYLAND_DISPLAY', 'GNOME_KEYRING_CONTROL']) delete env[name]
  return { ...env, XDG_RUNTIME_DIR: runtimeDir, ...extra }
}

/**
 * Runs the scenario. `wrap` names a shell command line to run it under (the node command is
 * appended as "$SCENARIO_NODE" --import tsx "$SCENARIO_SCRIPT"); without it, node runs directly.
 */
export function runScenario(env: NodeJS.ProcessEnv, wrap?: (nodeCommand: string) => string[]): Promise<ScenarioRun> {
  const nodeCommand = 'exec "$SCENARIO_NODE" --import tsx "$SCENARIO_SCRIPT"'
  const [command, ...args] = wrap ? wrap(nodeCommand) : [process.execPath, '--import', 'tsx', SCRIPT]
  return new Promise((resolve, reject) => {
    const child = spawn(command ?? process.execPath, args, {
      cwd: REPO_ROOT,
      env: { ...env, SCENARIO_NODE: process.execPath, SCENARIO_SCRIPT: SCRIPT },
      stdio: ['ignore', 'pipe', 'pipe'],
    })
    let stdout = ''
    let stderr = ''
    child.stdout.on('data', (chunk: Buffer) => (stdout += chunk.toString()))
    child.stderr.on('data', (chunk: Buffer) => (stderr += chunk.toString()))
    child.on('error', reject)
    child.on('close', (code) => {
      const line = stdout.trim().split('\n').pop() ?? ''
      try {
        resolve({ outcome: JSON.parse(line) as ScenarioOutcome, stdout, stderr })
      } catch {
        reject(new Error(`scenario exited with ${code}; stdout: ${stdout}\nstderr: ${stderr}`))
      }
    })
  })
}
