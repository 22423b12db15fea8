import { useEffect } from 'react'
import { useAppStore } from '@renderer/store/store-context'
import type { LiveDevice } from '@renderer/store/live-slice'

/**
 * Watches a device's live telemetry while the calling view is open (null watches nothing) and
 * returns what has arrived so far. Main keeps one stream for every watch.
 */
export function useLiveDevice(deviceId: string | null): LiveDevice | undefined {
  const watch = useAppStore((s) => s.watchDevice)
  const unwatch = useAppStore((s) => s.unwatchDevice)
  useEffect(() => {
    if (!deviceId) return
    void watch(deviceId)
    return () => void unwatch(deviceId)
  }, [deviceId, watch, unwatch])
  return useAppStore((s) => (deviceId ? s.liveDevices[deviceId] : undefined))
}
