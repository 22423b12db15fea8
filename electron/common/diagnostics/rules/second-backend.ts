/**
 * Second backend: a charger that reports OCPP metadata talks to a CSMS over OCPP and to this API
 * at once, which needs firmware 260420.0107 or later (coexistence guide). Older date-style builds
 * are a warning; a semver version cannot be checked (Tellus does not document how the two relate).
 */
import type { Device } from '@common/tellus/schemas'
import { SECOND_BACKEND_MIN_FIRMWARE } from '../component-thresholds'
import { compareFirmwareVersions, parseFirmwareVersion } from '../firmware-version'
import type { DiagnosticRule } from '../rule-types'

function reportsOcpp(device: Device): boolean {
  return device.ocpp_version != null || device.ocpp_csms_last_message_at != null || device.ocpp_csms_messages_per_minute != null
}

/** Flags firmware too old (or not checkable) for OCPP and this API side by side. */
export const secondBackendRule: DiagnosticRule = (device) => {
  const version = device.firmware_version?.trim()
  if (!reportsOcpp(device) || !version) return []
  const installed = parseFirmwareVersion(version)
  const required = parseFirmwareVersion(SECOND_BACKEND_MIN_FIRMWARE)!
  const order = installed ? compareFirmwareVersions(installed, required) : undefined
  const ocpp = device.ocpp_version ? `OCPP ${device.ocpp_version}` : 'OCPP'
  if (order === undefined) {
    return [
      {
        ruleId: 'second-backend-firmware',
        severity: 'info',
        extensionField: 'ocpp_version',
        message: `The charger reports ${ocpp} to a CSMS next to this API; that needs firmware ${SECOND_BACKEND_MIN_FIRMWARE} or later, and firmware ${version} cannot be compared with it.`,
        action: 'Ask Tellus support which build this version corresponds to before relying on both backends.',
      },
    ]
  }
  if (order >= 0) return []
  return [
    {
      ruleId: 'second-backend-firmware',
      severity: 'warning',
      extensionField: 'ocpp_version',
      message: `The charger reports ${ocpp} to a CSMS next to this API, which needs firmware ${SECOND_BACKEND_MIN_FIRMWARE} or later; it runs ${version}.`,
      action: `Upgrade to ${SECOND_BACKEND_MIN_FIRMWARE} or later: earlier firmware supports only one backend, so one of the two connections may drop.`,
    },
  ]
}
