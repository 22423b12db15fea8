/**
 * OCPP: the charger is online on this API but its OCPP backend (the customer's CSMS) has gone
 * quiet: no message for longer than CSMS_SILENCE_MS, or a message rate of 0 per minute.
 * OCPP carries sessions, RFID and billing, so a silent CSMS means no one can start a paid session.
 */
import { formatAge, formatDuration } from '@common/format/duration'
import { parseTimestamp } from '@common/format/timestamp'
import { CSMS_SILENCE_MS } from '../component-thresholds'
import type { DiagnosticRule } from '../rule-types'

/** Flags a silent CSMS while the device is online. */
export const csmsSilenceRule: DiagnosticRule = (device, { now }) => {
  if (device.status !== 'online') return []
  const last = parseTimestamp(device.ocpp_csms_last_message_at)
  const silentFor = last === undefined ? undefined : now - last
  const quiet = silentFor !== undefined && silentFor > CSMS_SILENCE_MS
  const zeroRate = device.ocpp_csms_messages_per_minute === 0
  if (!quiet && !zeroRate) return []
  const evidence = quiet
    ? `its last OCPP message to the CSMS was ${formatAge(silentFor)}, longer than the ${formatDuration(CSMS_SILENCE_MS)} the app allows`
    : 'its OCPP message rate to the CSMS is 0 per minute'
  return [
    {
      ruleId: 'csms-silent',
      severity: 'warning',
      extensionField: quiet ? 'ocpp_csms_last_message_at' : 'ocpp_csms_messages_per_minute',
      message: `The charger is online here but ${evidence}.`,
      action:
        'Sessions, RFID and billing run over OCPP: ask the operator whether their CSMS sees the charger, and check the OCPP URL, certificates and the site firewall; a remote reconnect may restore it.',
    },
  ]
}
