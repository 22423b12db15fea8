/** Device statuses the API v1.3 does not document (only online and offline), e.g. `fault`. */
import { KNOWN_DEVICE_STATUSES } from '@common/tellus/schemas'
import type { DiagnosticRule } from '../rule-types'

const isKnownStatus = (status: string): boolean => (KNOWN_DEVICE_STATUSES as readonly string[]).includes(status)

/** Flags a device status other than online/offline; a missing status is not a finding. */
export const unknownDeviceStatusRule: DiagnosticRule = (device) => {
  const status = device.status
  if (!status || isKnownStatus(status)) return []
  const faulted = status.toLowerCase() === 'fault'
  return [
    {
      ruleId: 'device-status-unknown',
      severity: 'warning',
      message: `The device reports the status "${status}", which the Tellus API v1.3 does not list (only online and offline).`,
      action: faulted
        ? 'Treat the charger as faulted: read its fault code on the display or in the operator console and look it up in the fault dictionary.'
        : 'Check the charger on site; the app shows the status exactly as received.',
    },
  ]
}
