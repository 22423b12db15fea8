/**
 * Main's services as tests and benchmarks start them: a userData folder, secrets in memory, no
 * window (saves are refused, events dropped), and the calls the start screen makes.
 */
import { join } from 'node:path'
import type { Result } from '@common/errors'
import { RECENT_SNAPSHOTS_LIMIT } from '@common/snapshots/recent-snapshots'
import { MemorySecretStore } from '@main/credentials/memory-secret-store'
import { createHandlers } from '@main/ipc/handlers/create-handlers'
import { createMemoryLogger } from '@main/logger'
import { createMainServices, type MainServices, type MainServicesOptions } from '@main/services/create-main-services'
import { createMemoryDesktopBridge } from '@main/services/desktop-bridge'

/** Creates the services over `userDataDir`; `overrides` replace any option. */
export function createTestServices(userDataDir: string, overrides: Partial<MainServicesOptions> = {}): Promise<MainServices> {
  return createMainServices({
    userDataDir,
    appInfo: () => ({ name: 'Tellus Field', version: '0.0.0', platform: process.platform, arch: process.arch, versions: { electron: null, chrome: null, node: process.versions.node } }),
    secretStore: new MemorySecretStore(),
    chooseSavePath: async () => null,
    emit: () => undefined,
    logger: createMemoryLogger(),
    desktop: createMemoryDesktopBridge(join(userDataDir, 'logs', 'main.log')),
    ...overrides,
  })
}

/** What the start screen asks for when the app opens: app info, profiles, settings, recent snapshots, demo chargers. */
export function openStartScreen(services: MainServices): Promise<Result<unknown>[]> {
  const handlers = createHandlers(services)
  return Promise.all([
    handlers.getAppInfo(undefined as never),
    handlers.listProfiles(undefined as never),
    handlers.getSettings(undefined as never),
    handlers.listSnapshots({ limit: RECENT_SNAPSHOTS_LIMIT }),
    handlers.listDemoDevices(undefined as never),
  ])
}
