import { ok } from '@common/errors'
import type { MainServices } from '@main/services/create-main-services'
import type { HandlerMap } from '../ipc-dispatcher'

/** Device lookup (with offline fallback), sites of the active profile, and the demo fleet's chargers. */
export function deviceHandlers(services: MainServices): Pick<HandlerMap, 'fetchDevice' | 'listSites' | 'listDemoDevices'> {
  return {
    fetchDevice: ({ deviceId }) => services.devices.fetchDevice(deviceId),
    listSites: () => services.listSites(),
    listDemoDevices: async () => ok(services.demo.devices()),
  }
}
