import { ok } from '@common/errors'
import { timelinePoint, TIMELINE_MAX_POINTS } from '@common/history/timeline'
import type { MainServices } from '@main/services/create-main-services'
import type { HandlerMap } from '../ipc-dispatcher'

/** Charging history (live with offline fallback) and the device's snapshot timeline. */
export function historyHandlers({ history, snapshots }: MainServices): Pick<HandlerMap, 'fetchHistory' | 'getTimeline'> {
  return {
    fetchHistory: ({ deviceId, days }) => history.fetchHistory(deviceId, days),
    getTimeline: async ({ deviceId }) => {
      const listed = await snapshots.list({ deviceId, limit: TIMELINE_MAX_POINTS })
      if (!listed.ok) return listed
      const points = []
      for (const meta of listed.value.items) {
        const snapshot = await snapshots.get(meta.id)
        if (snapshot.ok) points.push(timelinePoint(snapshot.value))
      }
      return ok(points.reverse())
    },
  }
}
