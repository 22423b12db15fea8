/**
 * Connector readings at any instant, computed from the fleet, the seed and the clock: the same
 * seed, start time and instant always give the same numbers. Power is consistent with voltage ×
 * current (it is computed from the rounded values), discharging power and current are negative.
 */
import type { ConnectorSpec, DeviceSpec, SimConnectorState } from './fleet'
import { siteOf } from './fleet'
import { MAINS_VOLTAGE, MODELS } from './models'
import { noiseFor, round, unitFor } from './prng'
import { type SessionKind, sessionCycleSeconds, sessionPoint } from './session-model'

/** What readings depend on besides the instant: the seed and when the simulator started. */
export interface FleetEnv {
  seed: number
  /** Simulator start on its clock (ms); sessions and the offline charger's silence are anchored here. */
  startedAt: number
  /** True when chargers report the proposed extensions (extensions.ts). */
  extensions?: boolean
}

/** A connector's electrical and thermal state at one instant (the v1.3 `Connector` readings). */
export interface ConnectorReading {
  status: SimConnectorState
  power: number
  voltage: number
  current: number
  energy_delivered: number
  soc?: number
  temperature: number
}

/** Readings are re-sampled (noise changes) once per telemetry interval. */
const SAMPLE_MS = 5000

/** True when the charger still sends heartbeats. */
export function isOnline(device: DeviceSpec): boolean {
  return device.offlineForMs === undefined
}

/** When an offline charger last reported (ms on the simulator's clock); undefined when online. */
export function offlineSince(device: DeviceSpec, env: FleetEnv): number | undefined {
  return device.offlineForMs === undefined ? undefined : env.startedAt - device.offlineForMs
}

/** True when a connector in this state sends telemetry every few seconds (a session is under way). */
export function isActiveState(state: SimConnectorState): boolean {
  return state === 'charging' || state === 'discharging'
}

function sessionKind(state: SimConnectorState): SessionKind | undefined {
  if (state === 'charging') return 'charge'
  if (state === 'discharging') return 'discharge'
  if (state === 'preparing') return 'plugged'
  return undefined
}

/** The connector's readings at `atMs` on the simulator's clock. */
export function connectorReadingAt(device: DeviceSpec, connector: ConnectorSpec, env: FleetEnv, atMs: number): ConnectorReading {
  const model = MODELS[device.model]
  const keys = [env.seed, device.deviceId, connector.connectorId] as const
  const sample = Math.floor(atMs / SAMPLE_MS)
  const ambient = siteOf(device).ambientC
  const kind = sessionKind(connector.state)
  const session = connector.session

  let power = 0
  let voltage = 0
  let current = 0
  let energy = 0
  let soc: number | undefined
  if (kind && session) {
    const cycle = sessionCycleSeconds(session, kind, model.current)
    const elapsed =
      connector.sessionStartedAt === undefined
        ? positiveModulo(cycle * (0.08 + 0.22 * unitFor(...keys, 'session-phase')) + (atMs - env.startedAt) / 1000, cycle)
        : Math.min(Math.max(0, (atMs - connector.sessionStartedAt) / 1000), cycle)
    const point = sessionPoint(session, kind, model.current, elapsed)
    soc = Math.min(100, Math.max(0, Math.round(point.soc)))
    energy = round(point.energyKwh, 2)
    if (point.powerKw !== 0) {
      voltage =
        model.current === 'AC'
          ? round(MAINS_VOLTAGE * (1 + 0.012 * noiseFor(...keys, sample, 'voltage')), 1)
          : round((session.packVoltage ?? 400) * (0.88 + (0.17 * point.soc) / 100) * (1 + 0.003 * noiseFor(...keys, sample, 'voltage')), 1)
      const noisyPowerKw = point.powerKw * (1 + 0.006 * noiseFor(...keys, sample, 'power'))
      current = round((noisyPowerKw * 1000) / voltage, 1)
      power = round((voltage * current) / 1000, 2)
    }
  }
  const temperature =
    connector.temperatureC ?? ambient + 1.5 + (22 * Math.abs(power)) / model.connectorMaxKw + (connector.state === 'fault' ? 4 : 0)
  const reading: ConnectorReading = {
    status: connector.state,
    power,
    voltage,
    current,
    energy_delivered: energy,
    temperature: round(temperature + 0.3 * noiseFor(...keys, sample, 'temperature'), 1),
  }
  if (soc !== undefined) reading.soc = soc
  return reading
}

function positiveModulo(value: number, modulus: number): number {
  return ((value % modulus) + modulus) % modulus
}
