import { ok } from '@common/errors'
import type { MainServices } from '@main/services/create-main-services'
import type { HandlerMap } from '../ipc-dispatcher'

/** App settings; a new retention applies to the snapshot store at once. */
export function settingsHandlers({ settings, snapshots }: MainServices): Pick<HandlerMap, 'getSettings' | 'updateSettings'> {
  return {
    getSettings: async () => ok(settings.get()),
    updateSettings: async (change) => {
      const updated = await settings.update(change)
      if (updated.ok) await snapshots.setRetention(updated.value.snapshotRetention)
      return updated
    },
  }
}
