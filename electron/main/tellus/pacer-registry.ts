/**
 * The pacers of each API client identity. The API limits are per client_id, so every TellusClient
 * for the same base URL and client_id shares one pair of pacers: a client recreated after a
 * profile edit, or a throwaway one that verifies credentials, still counts against the same budget.
 */
import { Pacer } from './pacer'

/** Per-client limits, per minute. */
export interface PacingOptions {
  readsPerMinute: number
  tokenRequestsPerMinute: number
  /** Safety margin added to each 60 s window (ms). */
  marginMs: number
}

/** The documented v1.3 limits. */
export const DEFAULT_PACING: PacingOptions = { readsPerMinute: 60, tokenRequestsPerMinute: 10, marginMs: 1000 }

/** The pacers one client identity shares. */
export interface ClientPacers {
  reads: Pacer
  token: Pacer
}

/** Pacers by base URL, client_id and limits. */
export class PacerRegistry {
  private readonly pacers = new Map<string, ClientPacers>()

  /** The pacers for this identity, created on first use with `now` as their clock. */
  pacersFor(baseUrl: string, clientId: string, options: PacingOptions, now: () => number): ClientPacers {
    const key = JSON.stringify([baseUrl, clientId, options.readsPerMinute, options.tokenRequestsPerMinute, options.marginMs])
    let pacers = this.pacers.get(key)
    if (!pacers) {
      const windowMs = 60_000
      pacers = {
        reads: new Pacer({ limit: options.readsPerMinute, windowMs, marginMs: options.marginMs }, now),
        token: new Pacer({ limit: options.tokenRequestsPerMinute, windowMs, marginMs: options.marginMs }, now),
      }
      this.pacers.set(key, pacers)
    }
    return pacers
  }
}

/** The registry every client uses unless given its own. */
export const sharedPacerRegistry = new PacerRegistry()
