import type { MainServices } from '../../services/create-main-services'
import type { HandlerMap } from '../ipc-dispatcher'

/** Device lookup (with offline fallback) and sites of the active profile. */
export function deviceHandlers(services: MainServices): Pick<HandlerMap, 'fetchDevice' | 'listSites'> {
  return {
    fetchDevice: ({ deviceId }) => services.devices.fetchDevice(deviceId),
    listSites: () => services.listSites(),
  }
}
