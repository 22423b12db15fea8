/** Options of `TellusClient`, and their defaults. */
import type { Result } from '@common/errors'
import type { Logger } from '../logger'
import type { Sleep } from './abortable-sleep'
import type { Timeouts } from './http-request'
import type { PacerRegistry, PacingOptions } from './pacer-registry'
import type { RetryOptions } from './retry-policy'
import type { WaitInfo } from './wait-info'

/** How to build a `TellusClient`: the profile's base URL and credentials, plus injectable collaborators. */
export interface TellusClientOptions {
  /** e.g. `https://api.telluspower.example.com/v1`; https, or http on loopback only. */
  baseUrl: string
  clientId: string
  /** The client secret, or … */
  clientSecret?: string
  /** … a way to fetch it when a token is needed (e.g. from the keychain). */
  getClientSecret?: () => Promise<Result<string>>
  /** Default: the global `fetch`. */
  fetch?: typeof fetch
  /** Clock in ms (token expiry, pacing). Default `Date.now`. */
  now?: () => number
  /** Waits (backoff, pacing). Default: a real, cancellable timer. */
  sleep?: Sleep
  /** [0, 1) for jitter. Default `Math.random`. */
  random?: () => number
  /** Told whenever a request has to wait, so the UI can say why. */
  onWait?: (info: WaitInfo) => void
  /** Default: 15 s until headers, 30 s in all. */
  timeouts?: Partial<Timeouts>
  /** Default 2 MiB. */
  maxBodyBytes?: number
  /** Default: 5 attempts, 1 s doubling to 30 s, 30 % jitter. */
  retry?: Partial<RetryOptions>
  /** Per-client limits (default 60 reads and 10 token requests a minute) and the registry sharing them. */
  pacer?: Partial<PacingOptions> & { registry?: PacerRegistry }
  /** Receives one secret-free line per request. */
  logger?: Logger
}

/** The device detail as the client returns it. */
export interface DeviceResponse<D> {
  device: D
  /** The envelope's `data` exactly as received (what a snapshot stores). */
  raw: unknown
  /** When the response arrived (ISO 8601). */
  receivedAt: string
}

/** Per-call options. */
export interface CallOptions {
  /** Aborting it cancels the request in flight and any wait; the result is then `cancelled`. */
  signal?: AbortSignal
}
