import { DeviceIdSchema, type DeviceId } from '@common/devices/device-id'

/** A device id for a test, checked by the one schema (as the IPC boundary does in the app). */
export function asDeviceId(text: string): DeviceId {
  return DeviceIdSchema.parse(text)
}
