/**
 * A deterministic 30-day charging history (v1.3 `ChargingRecord`s) for every connector, generated
 * once from the seed and the simulator's start time. Meters run on continuously per connector; V2G
 * discharge records (on the bidirectional connector) have negative energy, power and cost. A
 * connector in `fault` shows the failed-start signature for its last days: short sessions with
 * almost no energy, as the charger keeps failing to engage.
 */
import { DEVICES, type ConnectorSpec, type DeviceSpec } from './fleet'
import { toIsoSeconds } from './iso-time'
import { MODELS } from './models'
import { between, createRng, hashParts, round } from './prng'
import { type FleetEnv, offlineSince } from './readings'
import { randomVin } from './vin'

/** One charging record as `GET /v1/operator/charging-records` returns it. */
export interface ChargingRecordData {
  record_id: string
  device_id: string
  connector_id: number
  start_time: string
  end_time: string
  energy: number
  max_power: number
  avg_power: number
  cost: number
  meter_start: number
  meter_end: number
  vehicle_info: { vin: string; soc_start: number; soc_end: number }
}

const HOUR = 3_600_000
const HISTORY_MS = 30 * 24 * HOUR
const TARIFF_PER_KWH = { AC: 0.32, DC: 0.52, V2G: 0.18 } as const
const ID_CHARS = '0123456789abcdefghijklmnopqrstuvwxyz'

interface DraftSession {
  startMs: number
  endMs: number
  avgPowerKw: number
  maxPowerKw: number
  energyKwh: number
  socStart: number
  socEnd: number
  vin: string
  tariff: number
}

function draftSession(device: DeviceSpec, connector: ConnectorSpec, rng: () => number, endMs: number): DraftSession {
  const model = MODELS[device.model]
  const battery = between(rng, 40, 100)
  const vin = randomVin(rng)
  if (connector.state === 'discharging' && rng() < 0.35) {
    const socStart = Math.round(between(rng, 60, 90))
    const avg = -between(rng, 10, 20)
    const energy = Math.max(avg * between(rng, 0.5, 3), (-(socStart - 30) / 100) * battery)
    const durationMs = (energy / avg) * HOUR
    return {
      startMs: endMs - durationMs,
      endMs,
      avgPowerKw: avg,
      maxPowerKw: avg * between(rng, 1.02, 1.08),
      energyKwh: energy,
      socStart,
      socEnd: Math.round(socStart + (energy / battery) * 100),
      vin,
      tariff: TARIFF_PER_KWH.V2G,
    }
  }
  const socStart = Math.round(between(rng, 8, 60))
  let avg: number
  let hours: number
  if (model.current === 'AC') {
    avg = model.phases === 3 ? ([7.2, 10.8, 21.4][Math.floor(rng() * 3)] ?? 7.2) * between(rng, 0.95, 1) : between(rng, 6.4, 7.3)
    hours = between(rng, 1, 6)
  } else {
    avg = Math.min(model.connectorMaxKw * between(rng, 0.35, 0.75), 220)
    hours = between(rng, 0.25, 0.85)
  }
  const energy = Math.min(avg * hours, ((98 - socStart) / 100) * battery)
  const maxPower = Math.min(model.connectorMaxKw, avg * (model.current === 'AC' ? between(rng, 1.01, 1.04) : between(rng, 1.2, 1.5)))
  return {
    startMs: endMs - (energy / avg) * HOUR,
    endMs,
    avgPowerKw: avg,
    maxPowerKw: maxPower,
    energyKwh: energy,
    socStart,
    socEnd: Math.min(100, Math.round(socStart + (energy / battery) * 100)),
    vin,
    tariff: TARIFF_PER_KWH[model.current],
  }
}

/** A faulting connector's recent history: failed starts only (the F-0421 / stuck-in-Preparing signature). */
const FAILING_FOR_MS = 4 * 24 * HOUR

/** A start that never got going: a minute or three, almost no energy, the battery as it was. */
function failedStart(rng: () => number, endMs: number, tariff: number): DraftSession {
  const durationMs = between(rng, 40, 200) * 1000
  const energy = between(rng, 0.05, 0.3)
  const socStart = Math.round(between(rng, 10, 70))
  const avg = energy / (durationMs / HOUR)
  return { startMs: endMs - durationMs, endMs, avgPowerKw: avg, maxPowerKw: avg * between(rng, 1.5, 3), energyKwh: energy, socStart, socEnd: socStart, vin: randomVin(rng), tariff }
}

/** How long before the simulator started a connector's history ends: after its current session, or days back when unavailable. */
function historyGapMs(connector: ConnectorSpec): number {
  if (connector.state === 'unavailable') return 72 * HOUR
  return connector.session ? 6 * HOUR : HOUR
}

function recordId(rng: () => number, taken: Set<string>): string {
  for (;;) {
    let id = 'rec_'
    for (let i = 0; i < 10; i++) id += ID_CHARS[Math.floor(rng() * ID_CHARS.length)] ?? '0'
    if (!taken.has(id)) {
      taken.add(id)
      return id
    }
  }
}

function connectorHistory(device: DeviceSpec, connector: ConnectorSpec, env: FleetEnv, taken: Set<string>): ChargingRecordData[] {
  const rng = createRng(hashParts(env.seed, device.deviceId, connector.connectorId, 'history'))
  const isAc = MODELS[device.model].current === 'AC'
  const anchor = (offlineSince(device, env) ?? env.startedAt) - historyGapMs(connector)
  const drafts: DraftSession[] = []
  let cursor = anchor - between(rng, 0, 4) * HOUR
  const failing = connector.state === 'fault'
  while (cursor > anchor - HISTORY_MS) {
    if (failing && cursor > anchor - FAILING_FOR_MS) {
      const session = failedStart(rng, cursor, TARIFF_PER_KWH[MODELS[device.model].current])
      drafts.push(session)
      cursor = session.startMs - between(rng, 3, 10) * HOUR
      continue
    }
    const session = draftSession(device, connector, rng, cursor)
    drafts.push(session)
    cursor = session.startMs - (isAc ? between(rng, 3, 30) : between(rng, 0.5, 8)) * HOUR
  }
  drafts.reverse()
  let meter = round(between(rng, 5000, 40000), 1)
  return drafts.map((draft) => {
    const energy = round(draft.energyKwh, 2)
    const meterStart = meter
    const meterEnd = round(meterStart + energy, 2)
    meter = round(meterEnd + between(rng, 0, 0.3), 2)
    return {
      record_id: recordId(rng, taken),
      device_id: device.deviceId,
      connector_id: connector.connectorId,
      start_time: toIsoSeconds(draft.startMs),
      end_time: toIsoSeconds(draft.endMs),
      energy,
      max_power: round(draft.maxPowerKw, 2),
      avg_power: round(draft.avgPowerKw, 2),
      cost: round(energy * draft.tariff, 2),
      meter_start: meterStart,
      meter_end: meterEnd,
      vehicle_info: { vin: draft.vin, soc_start: draft.socStart, soc_end: draft.socEnd },
    }
  })
}

/** Every connector's history, newest first. */
export function generateChargingRecords(env: FleetEnv): ChargingRecordData[] {
  const taken = new Set<string>()
  const records = DEVICES.flatMap((device) => device.connectors.flatMap((connector) => connectorHistory(device, connector, env, taken)))
  return records.sort((a, b) => (a.start_time === b.start_time ? a.record_id.localeCompare(b.record_id) : a.start_time < b.start_time ? 1 : -1))
}
