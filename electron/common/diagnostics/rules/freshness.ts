/**
 * Freshness: a device that is offline (F-0301), a heartbeat too old for a device not reported
 * offline (F-0301), and connector telemetry too old while charging or discharging.
 * Ages are taken at `context.now`; a timestamp in the future (clock skew) is never "stale".
 */
import { formatAge, formatDuration } from '@common/format/duration'
import { formatNumber } from '@common/format/number'
import { parseTimestamp } from '@common/format/timestamp'
import type { Finding } from '../finding'
import { connectorLabel, connectorsOf } from '../readings'
import { faultReference } from '../references'
import type { DiagnosticRule } from '../rule-types'
import { HEARTBEAT_FRESH_MS, HEARTBEAT_INTERVAL_MS, TELEMETRY_INTERVAL_MS, TELEMETRY_STALE_MS } from '../thresholds'

const seconds = (ms: number): string => `${formatNumber(ms / 1000, 0)} s`

/** Flags a device whose status is `offline`, with the age of its last heartbeat. */
export const deviceOfflineRule: DiagnosticRule = (device, { now }) => {
  if (device.status !== 'offline') return []
  const heartbeat = parseTimestamp(device.last_heartbeat)
  const when = heartbeat === undefined ? 'the platform gives no last heartbeat time' : `its last heartbeat was ${formatAge(now - heartbeat)}`
  return [
    {
      ruleId: 'device-offline',
      severity: 'critical',
      message: `The device is offline: ${when}.`,
      action:
        'Check power and the network link at the charger; if several chargers at the site dropped together, look at the site router or uplink. The readings shown are from before it went offline.',
      reference: faultReference('F-0301'),
    },
  ]
}

/** Flags a heartbeat older than the fresh limit while the device is not reported offline. */
export const heartbeatStaleRule: DiagnosticRule = (device, { now }) => {
  if (device.status === 'offline') return []
  const heartbeat = parseTimestamp(device.last_heartbeat)
  if (heartbeat === undefined) return []
  const age = now - heartbeat
  if (age <= HEARTBEAT_FRESH_MS) return []
  const reported = device.status === 'online' ? 'although the device is reported online' : 'although the device is not reported offline'
  return [
    {
      ruleId: 'heartbeat-stale',
      severity: 'warning',
      message: `The last heartbeat was ${formatAge(age)} ${reported}; a fresh one is under ${seconds(HEARTBEAT_FRESH_MS)} old (they normally come every ${seconds(HEARTBEAT_INTERVAL_MS)}).`,
      action: "Fetch again in a minute; if the heartbeat stays old, check the charger's network link, as the platform may not have marked it offline yet.",
      reference: faultReference('F-0301'),
    },
  ]
}

const ACTIVE_STATES: readonly string[] = ['charging', 'discharging']

/** Flags active connectors whose last telemetry is older than the stale limit (not when offline). */
export const telemetryStaleRule: DiagnosticRule = (device, { now }) => {
  if (device.status === 'offline') return []
  return connectorsOf(device).flatMap((connector): Finding[] => {
    if (!ACTIVE_STATES.includes(connector.status)) return []
    const telemetry = parseTimestamp(connector.last_telemetry_time)
    if (telemetry === undefined) return []
    const age = now - telemetry
    if (age <= TELEMETRY_STALE_MS) return []
    return [
      {
        ruleId: 'telemetry-stale',
        severity: 'warning',
        connectorId: connector.connector_id,
        message: `${connectorLabel(connector)} is ${connector.status} but its last telemetry is ${formatDuration(age)} old; while active it normally reports every ${seconds(TELEMETRY_INTERVAL_MS)}.`,
        action: "Treat its readings as out of date; fetch again, and if telemetry stays old check the charger's connection to the platform.",
      },
    ]
  })
}
