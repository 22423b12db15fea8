/**
 * The setup several e2e files share: a Tellus simulator of their own, a browser shell signed in to an
 * operator profile on it through the Profiles form, and the page's uncaught errors collected.
 */
import { rm } from 'node:fs/promises'
import type { BrowserShell, BrowserShellOptions } from '../../../scripts/browser-shell/launch-browser-shell'
import { MemorySecretStore } from '@main/credentials/memory-secret-store'
import { startSimulator, type SimulatorHandle, type SimulatorOptions } from '@main/simulator/index'
import { addProfileThroughUi } from '../profiles/profile-steps'
import { SCREEN_SIZES, startShell } from './e2e-shell'

/** What `startOperatorShell` gives a test file. */
export interface OperatorShell {
  sim: SimulatorHandle
  shell: BrowserShell
  /** Messages of the page's uncaught errors (a test expects none). */
  pageErrors: string[]
  /** Closes the shell and the simulator and removes the userData folder. */
  close(): Promise<void>
}

/**
 * Starts the simulator with the profile's client, the shell (a keychain that is not session-only, so
 * no banner says so; 1280x800 unless `options.shell` says otherwise), and adds the profile through the UI.
 */
export async function startOperatorShell(
  profile: { name: string; clientId: string; clientSecret: string },
  options: { simulator?: SimulatorOptions; shell?: BrowserShellOptions } = {},
): Promise<OperatorShell> {
  const sim = await startSimulator({ port: 0, ...options.simulator })
  sim.control.addClient(profile.clientId, profile.clientSecret)
  const shell = await startShell({ secretStore: new MemorySecretStore(), viewport: SCREEN_SIZES[0], ...options.shell })
  const pageErrors: string[] = []
  shell.page.on('pageerror', (error) => pageErrors.push(error.message))
  await addProfileThroughUi(shell.page, { ...profile, baseUrl: sim.baseUrl })
  return {
    sim,
    shell,
    pageErrors,
    close: async () => {
      await shell.close()
      await sim.close()
      await rm(shell.userDataDir, { recursive: true, force: true })
    },
  }
}
