/**
 * Public types of the local Tellus operator API simulator (re-exported by `index.ts`).
 */
import type { DeviceId } from '@common/devices/device-id'

/** How to start a simulator. Every field is optional. */
export interface SimulatorOptions {
  /** TCP port; default 0 (a random free port). */
  port?: number
  /** Interface to bind; default '127.0.0.1'. */
  host?: string
  /** Seed of the deterministic fleet readings and charging history; default 1. */
  seed?: number
  /** Clock in ms; default `Date.now`. Readings, token expiry and rate-limit windows all follow it. */
  now?: () => number
  /** Lifetime of issued tokens; default 86400. */
  tokenTtlSeconds?: number
  /** GET requests per client_id per 60 s window; default 60. */
  readsPerMinute?: number
  /** Token requests per client_id per 60 s window; default 10. */
  tokenRequestsPerMinute?: number
  /** Interval between telemetry frames on the WebSocket stream; default 5000. */
  streamIntervalMs?: number
  /** Some chargers report the proposed device extensions (component health, OCPP metadata); default false. */
  extensions?: boolean
  /**
   * Serve the `/__sim/*` control endpoint (faults, tokens, connectors over HTTP); default false, so
   * `/__sim/*` answers 404 like any unknown path. Only `npm run sim` and tests turn it on: the app's
   * demo fleet never does, since any web page may POST text/plain to a loopback port.
   */
  controlEndpoint?: boolean
}

/** A running simulator. */
export interface SimulatorHandle {
  /** e.g. 'http://127.0.0.1:41234/v1' (clients append '/operator/...'). */
  baseUrl: string
  port: number
  /** The demo client: 'demo_field_client' / 'demo-fleet-secret'. */
  credentials: { clientId: string; clientSecret: string }
  /** Every device id the simulator serves. */
  deviceIds: DeviceId[]
  control: SimulatorControl
  /** Closes the server, every socket (including hanging ones) and every stream. */
  close(): Promise<void>
}

/** An OAuth scope of an operator client. */
export type Scope = 'read' | 'write'

/** Test and command-line control over a running simulator. */
export interface SimulatorControl {
  /** Registers another client; without the 'read' scope its reads get 403/2003. Default scopes: ['read']. */
  addClient(clientId: string, clientSecret: string, scopes?: Scope[]): void
  /** Sets (or with null clears) the fault for a device id, or for every request with '*'. */
  setFault(target: string, fault: Fault | null): void
  clearFaults(): void
  /** The next use of any token issued so far gets 401/2002. */
  expireAllTokens(): void
  /** The next use of any token issued so far gets 401/2001. */
  revokeAllTokens(): void
  /** Lifetime of tokens issued from now on. */
  setTokenTtl(seconds: number): void
  /** Every request received since the last reset (control endpoint excluded), oldest first. */
  requests(): RequestLogEntry[]
  resetRequestLog(): void
  /** Requests to the token endpoint since the last request-log reset. */
  tokenRequestCount(): number
  /** Plays a test charge: changes one connector's state (throws for an unknown device or connector). */
  setConnectorState(deviceId: string, connectorId: number, action: ConnectorAction): void
  /** Breaks the open telemetry streams (those carrying `deviceId`, or all); returns how many. */
  streamFault(kind: StreamFaultKind, deviceId?: string): number
}

/** What a technician does at a connector; `reset` returns it to the fleet's own state. */
export type ConnectorAction = 'plug-in' | 'start' | 'stop' | 'fault' | 'reset'

/**
 * Stream faults, applied to streams that are open: `drop` ends the connection without a close frame,
 * `stall` keeps it open but sends nothing (frames or pongs) until the client gives up, `malformed`
 * sends one frame that is not valid JSON, `expire` closes with 1008 "token expired".
 */
export type StreamFaultKind = 'drop' | 'stall' | 'malformed' | 'expire'

/** A failure injected into matching requests. With `count` it is consumed per request; without, it persists. */
export type Fault =
  | { kind: 'latency'; ms: number }
  | { kind: 'rate-limit'; count: number; retryAfterSeconds?: number }
  | { kind: 'server-error'; count?: number; /** `envelope` (default): 500 with code 9001; `html`/`plain`: a bare 500 page, as nginx sends. */ body?: 'envelope' | 'html' | 'plain' }
  | { kind: 'connection-reset'; count?: number }
  | { kind: 'truncated-json'; count?: number }
  | { kind: 'captive-portal'; count?: number }
  | { kind: 'wrong-content-type'; count?: number }
  | { kind: 'hang'; count?: number }
  | { kind: 'hang-before-headers'; count?: number }
  /** The normal reply, valid JSON, with a field nested `depth` arrays deep (default 10,000: about 20 kB) added to its `data`. */
  | { kind: 'deep-nesting'; count?: number; depth?: number }
  /** The token endpoint's `access_token` carries CR/LF (not valid in a header); other replies pass unchanged. */
  | { kind: 'bad-token'; count?: number }

/** One request the simulator received. `status` is 0 while unanswered or when no response was sent. */
export interface RequestLogEntry {
  method: string
  /** Path and query, with any `token` query value redacted. */
  path: string
  status: number
  clientId?: string
  /** Arrival time on the simulator's clock (ms). */
  at: number
}
