import type { ReactNode } from 'react'
import { useAppStore } from '@renderer/store/store-context'

const CLASSES = {
  recent: { button: 'recent-device', id: 'mono recent-id', meta: 'recent-meta' },
  demo: { button: 'demo-device', id: 'mono demo-device-id', meta: 'demo-device-meta' },
} as const

/** A button that puts a device id in the lookup and fetches it (recent devices, demo chargers). */
export function DeviceChoice({ deviceId, variant, children }: { deviceId: string; variant: 'recent' | 'demo'; children: ReactNode }) {
  const fetchDevice = useAppStore((s) => s.fetchDevice)
  const setQuery = useAppStore((s) => s.setDeviceQuery)
  const classes = CLASSES[variant]
  return (
    <button
      type="button"
      className={classes.button}
      onClick={() => {
        setQuery(deviceId)
        void fetchDevice(deviceId)
      }}
    >
      <span className={classes.id}>{deviceId}</span>
      <span className={classes.meta}>{children}</span>
    </button>
  )
}
