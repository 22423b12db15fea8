/**
 * The built-in "Demo fleet": the project's Tellus simulator, started on loopback inside the main
 * process the first time the demo profile is used, so a technician can explore the app at once.
 * Its chargers report the proposed device extensions (component health, OCPP metadata) too.
 */
import type { DemoDevice } from '@common/ipc/contract'
import { DEVICES } from '../simulator/fleet'
import type { SimulatorHandle, SimulatorOptions } from '../simulator/index'

export const DEMO_CREDENTIALS = { clientId: 'demo_field_client', clientSecret: 'demo-fleet-secret' } as const

export interface DemoFleet {
  /** Base URL of the running simulator (starts it on first use). */
  baseUrl(): Promise<string>
  /** Base URL if the simulator is already running, else null (never starts it). */
  runningBaseUrl(): string | null
  /** The chargers the demo fleet serves (does not need it running). */
  devices(): DemoDevice[]
  dispose(): Promise<void>
}

/** Creates the lazily started demo fleet. `start` is the simulator's `startSimulator`. */
export function createDemoFleet(start: (options?: SimulatorOptions) => Promise<SimulatorHandle>, options: SimulatorOptions = {}): DemoFleet {
  let running: Promise<SimulatorHandle> | null = null
  let started: SimulatorHandle | null = null
  const handle = () => {
    running ??= start({ host: '127.0.0.1', port: 0, extensions: true, ...options }).then(
      (simulator) => (started = simulator),
      (error: unknown) => {
        running = null
        throw error
      },
    )
    return running
  }
  return {
    baseUrl: async () => (await handle()).baseUrl,
    runningBaseUrl: () => started?.baseUrl ?? null,
    devices: () => DEVICES.map(({ deviceId, model, siteId }) => ({ deviceId, model, siteId })),
    dispose: async () => {
      const current = running
      running = null
      started = null
      if (current) await (await current).close()
    },
  }
}
