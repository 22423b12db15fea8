/**
 * The v1.3 `Device` and `TelemetryFrame` payloads of a simulated charger at a given instant.
 * Online chargers heartbeat every 30 s and send telemetry every 5 s while a session is under way
 * (every 30 s otherwise); an offline charger's values are frozen at its last report.
 */
import { extensionsAt } from './extensions'
import type { DeviceSpec } from './fleet'
import { MANUFACTURER } from './fleet'
import { lastTick, toIsoSeconds } from './iso-time'
import { unitFor } from './prng'
import { type ConnectorReading, type FleetEnv, connectorReadingAt, isActiveState, offlineSince } from './readings'

/** Heartbeat interval of online chargers (ms). */
export const HEARTBEAT_MS = 30_000
const ACTIVE_TELEMETRY_MS = 5_000

/** A connector as `GET /v1/operator/devices/{id}` returns it. */
export interface ConnectorData extends ConnectorReading {
  connector_id: number
  last_telemetry_time: string
}

/** A charger as `GET /v1/operator/devices/{id}` returns it. */
export interface DeviceData {
  device_id: string
  sn: string
  model: string
  manufacturer: string
  firmware_version: string
  status: 'online' | 'offline'
  connectors: ConnectorData[]
  last_heartbeat: string
  site_id: string
  /** Proposed extensions, with the simulator's `extensions` option only. */
  [extension: string]: unknown
}

/** One frame of the telemetry stream. */
export interface TelemetryFrameData {
  device_id: string
  timestamp: string
  connectors: Array<{ connector_id: number; state: string; power: number; energy_delivered: number; soc?: number; component_health?: unknown }>
  component_health?: unknown
}

/** A whole-second phase in [0, period) that spreads chargers' report times apart. */
function phaseMs(env: FleetEnv, period: number, ...keys: Array<string | number>): number {
  return Math.floor((unitFor(env.seed, ...keys) * period) / 1000) * 1000
}

/** The charger's details as the platform would return them at `now`. */
export function deviceView(device: DeviceSpec, env: FleetEnv, now: number): DeviceData {
  const silentSince = offlineSince(device, env)
  const lastHeartbeat = silentSince ?? lastTick(now, HEARTBEAT_MS, phaseMs(env, HEARTBEAT_MS, device.deviceId, 'heartbeat'))
  const extensions = extensionsAt(device, env, silentSince ?? now)
  const connectors = device.connectors.map((connector): ConnectorData => {
    const period = isActiveState(connector.state) ? ACTIVE_TELEMETRY_MS : HEARTBEAT_MS
    const telemetryAt =
      silentSince === undefined
        ? lastTick(now, period, phaseMs(env, period, device.deviceId, connector.connectorId, 'telemetry'))
        : silentSince - phaseMs(env, HEARTBEAT_MS, device.deviceId, connector.connectorId, 'telemetry')
    const { status, ...readings } = connectorReadingAt(device, connector, env, telemetryAt)
    const health = extensions?.connectors[connector.connectorId]
    return {
      connector_id: connector.connectorId,
      status,
      ...readings,
      last_telemetry_time: toIsoSeconds(telemetryAt),
      ...(health ? { component_health: health } : {}),
    }
  })
  return {
    device_id: device.deviceId,
    sn: device.sn,
    model: device.model,
    manufacturer: MANUFACTURER,
    firmware_version: device.firmwareVersion,
    status: silentSince === undefined ? 'online' : 'offline',
    connectors,
    last_heartbeat: toIsoSeconds(lastHeartbeat),
    site_id: device.siteId,
    ...extensions?.device,
  }
}

/** The stream frame for an online charger at `now`. */
export function telemetryFrame(device: DeviceSpec, env: FleetEnv, now: number): TelemetryFrameData {
  const extensions = extensionsAt(device, env, now)
  const frame: TelemetryFrameData = {
    device_id: device.deviceId,
    timestamp: toIsoSeconds(now),
    connectors: device.connectors.map((connector) => {
      const reading = connectorReadingAt(device, connector, env, now)
      const frameConnector: TelemetryFrameData['connectors'][number] = {
        connector_id: connector.connectorId,
        state: reading.status,
        power: reading.power,
        energy_delivered: reading.energy_delivered,
      }
      if (reading.soc !== undefined) frameConnector.soc = reading.soc
      const health = extensions?.connectors[connector.connectorId]
      if (health) frameConnector.component_health = health
      return frameConnector
    }),
  }
  const deviceHealth = extensions?.device['component_health']
  if (deviceHealth) frame.component_health = deviceHealth
  return frame
}
