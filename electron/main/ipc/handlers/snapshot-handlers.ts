import { assertNever } from '@common/errors'
import type { MainServices } from '@main/services/create-main-services'
import type { HandlerMap } from '../ipc-dispatcher'

/** Offline snapshots: browse, open, delete, export. */
export function snapshotHandlers({ snapshots, exporter }: MainServices): Pick<HandlerMap, 'listSnapshots' | 'getSnapshot' | 'deleteSnapshots' | 'exportSnapshots'> {
  return {
    listSnapshots: (query) => snapshots.list(query),
    getSnapshot: ({ id }) => snapshots.get(id),
    deleteSnapshots: (deletion) => {
      switch (deletion.scope) {
        case 'one':
          return snapshots.delete(deletion.id)
        case 'device':
          return snapshots.deleteDevice(deletion.deviceId)
        case 'all':
          return snapshots.deleteAll()
        default:
          return assertNever(deletion, 'deletion scope')
      }
    },
    exportSnapshots: (request) => exporter.export(request),
  }
}
