/** Everything a running simulator holds, built once from its options. */
import { type ChargingRecordData, generateChargingRecords } from './charging-records'
import { ClientRegistry } from './clients'
import { ConnectorControl } from './connector-control'
import { Delays } from './delays'
import { FaultRegistry } from './faults'
import { SlidingWindowLimiter } from './rate-limiter'
import type { FleetEnv } from './readings'
import { RequestLog } from './request-log'
import { TokenStore } from './tokens'
import type { SimulatorOptions } from './types'

/** The simulator's state, shared by its routes, stream and control. */
export interface SimulatorState {
  now: () => number
  env: FleetEnv
  records: ChargingRecordData[]
  clients: ClientRegistry
  tokens: TokenStore
  readLimiter: SlidingWindowLimiter
  tokenLimiter: SlidingWindowLimiter
  faults: FaultRegistry
  log: RequestLog
  delays: Delays
  streamIntervalMs: number
  /** Connector states changed by the control (a test charge). */
  connectors: ConnectorControl
}

/** Builds the state; throws on an option out of range. */
export function createSimulatorState(options: SimulatorOptions = {}): SimulatorState {
  const now = options.now ?? Date.now
  const env: FleetEnv = { seed: options.seed ?? 1, startedAt: now(), extensions: options.extensions ?? false }
  const streamIntervalMs = options.streamIntervalMs ?? 5000
  if (!Number.isFinite(streamIntervalMs) || streamIntervalMs < 10) throw new Error(`streamIntervalMs must be ≥ 10, got ${streamIntervalMs}.`)
  return {
    now,
    env,
    records: generateChargingRecords(env),
    clients: new ClientRegistry(),
    tokens: new TokenStore(now, options.tokenTtlSeconds ?? 86_400),
    readLimiter: new SlidingWindowLimiter(options.readsPerMinute ?? 60, now),
    tokenLimiter: new SlidingWindowLimiter(options.tokenRequestsPerMinute ?? 10, now),
    faults: new FaultRegistry(),
    log: new RequestLog(),
    delays: new Delays(),
    streamIntervalMs,
    connectors: new ConnectorControl(now),
  }
}
