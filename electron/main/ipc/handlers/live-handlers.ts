import type { MainServices } from '@main/services/create-main-services'
import type { HandlerMap } from '../ipc-dispatcher'

type LiveMethods =
  | 'watchDevice'
  | 'unwatchDevice'
  | 'setWindowVisible'
  | 'startRecording'
  | 'stopRecording'
  | 'listRecordings'
  | 'getRecording'
  | 'deleteRecording'
  | 'exportRecording'

/** Live telemetry (watches, window visibility) and recordings of test charges. */
export function liveHandlers({ live, recordings, recordingExporter }: MainServices): Pick<HandlerMap, LiveMethods> {
  return {
    watchDevice: ({ deviceId }) => live.watch(deviceId),
    unwatchDevice: ({ deviceId }) => live.unwatch(deviceId),
    setWindowVisible: async ({ visible }) => live.setWindowVisible(visible),
    startRecording: ({ deviceId }) => live.startRecording(deviceId),
    stopRecording: ({ deviceId }) => live.stopRecording(deviceId),
    listRecordings: ({ deviceId }) => recordings.list(deviceId),
    getRecording: ({ id }) => recordings.get(id),
    deleteRecording: async ({ id }) => {
      const deleted = await recordings.delete(id)
      return deleted.ok ? { ok: true, value: { deleted: 1 } } : deleted
    },
    exportRecording: (request) => recordingExporter.export(request),
  }
}
