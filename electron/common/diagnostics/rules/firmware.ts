/**
 * Firmware against the app's catalogue: behind (warning when more than two minor versions behind,
 * per the runbook, and also when a major version or an unknown distance behind; info otherwise),
 * ahead, not comparable, and each known issue of the installed version. A model not in the catalogue
 * is no finding: the firmware panel says so.
 */
import type { Device } from '@common/tellus/schemas'
import type { Finding } from '../finding'
import { behindDistance, compareFirmware, upgradeAdvised, type FirmwareComparison } from '../firmware'
import { parseFirmwareVersion } from '../firmware-version'
import { faultReference } from '../references'
import type { DiagnosticRule } from '../rule-types'
import { FIRMWARE_MAX_MINOR_VERSIONS_BEHIND } from '../thresholds'

/** The finding for a version behind the latest stable build (warning past the runbook's limit). */
export function firmwareBehindFinding(model: string, version: string, comparison: FirmwareComparison): Finding {
  const latest = comparison.latest ?? ''
  const note = comparison.note ? ` ${comparison.note}` : ''
  const upgrade = upgradeAdvised(comparison)
  const distance = behindDistance(comparison)
  return {
    ruleId: 'firmware-behind',
    severity: upgrade ? 'warning' : 'info',
    message: `Firmware ${version} is ${distance} ${latest}, the latest stable build for ${model}.${note}`,
    action: upgrade
      ? `Plan an upgrade to ${latest}: the runbook says to upgrade when more than ${FIRMWARE_MAX_MINOR_VERSIONS_BEHIND} minor versions behind.`
      : `No upgrade needed yet (within ${FIRMWARE_MAX_MINOR_VERSIONS_BEHIND} minor versions of ${latest}), unless a known issue applies.`,
  }
}

/** The finding for the comparison's status, or none when current. */
function statusFinding(device: Device, version: string, comparison: FirmwareComparison): Finding | undefined {
  const model = device.model ?? ''
  switch (comparison.status) {
    case 'current':
      return undefined
    case 'behind':
      return firmwareBehindFinding(model, version, comparison)
    case 'ahead':
      return {
        ruleId: 'firmware-ahead',
        severity: 'info',
        message: `Firmware ${version} is newer than ${comparison.latest ?? ''}, the latest stable build the app knows for ${model}.`,
        action: 'It may be a pre-release or the app catalogue may be out of date; note the version in the work order.',
      }
    case 'unparseable':
      if (parseFirmwareVersion(version) === undefined) {
        return {
          ruleId: 'firmware-not-comparable',
          severity: 'info',
          message: `Firmware "${version}" is not in a version format the app knows, so it cannot be compared with ${comparison.latest ?? ''}, the latest stable build for ${model}.`,
          action: 'Check the firmware on the charger display and note it in the work order.',
        }
      }
      return {
        ruleId: 'firmware-not-comparable',
        severity: 'info',
        message: `Firmware "${version}" cannot be compared with ${comparison.latest ?? ''}, the latest stable build for ${model}: the version formats differ and Tellus does not document how they relate.`,
        action: 'Check the firmware on the charger display or ask Tellus support which build it corresponds to.',
      }
    case 'unknown-model':
      // The firmware panel says "No catalogue entry for this model"; that is not a problem of the charger.
      return undefined
  }
}

/** Findings about the device's firmware version. */
export const firmwareRule: DiagnosticRule = (device) => {
  const version = device.firmware_version?.trim()
  if (!version) {
    return [
      {
        ruleId: 'firmware-missing',
        severity: 'info',
        message: 'The device did not report a firmware version, so it cannot be checked.',
        action: 'Read the firmware version on the charger display and note it in the work order.',
      },
    ]
  }
  const comparison = compareFirmware(device.model, version)
  const status = statusFinding(device, version, comparison)
  const issues = comparison.knownIssues.map(
    (issue): Finding => ({
      ruleId: 'firmware-known-issue',
      severity: issue.severity,
      message: `${issue.summary} This charger runs ${version}.`,
      action: issue.action,
      ...(issue.faultCode ? { reference: faultReference(issue.faultCode) } : {}),
    }),
  )
  return status ? [status, ...issues] : issues
}
