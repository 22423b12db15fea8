import { ok } from '@common/errors'
import type { MainServices } from '@main/services/create-main-services'
import type { HandlerMap } from '../ipc-dispatcher'

/** App information. */
export function appHandlers(services: MainServices): Pick<HandlerMap, 'getAppInfo'> {
  return {
    getAppInfo: async () => ok(services.appInfo()),
  }
}
