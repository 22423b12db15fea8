/**
 * The Tellus Open Platform API client of the main process: the only code that talks to the API.
 * Every method resolves to a `Result` and never throws. The client secret and the access token
 * live in private fields, never in anything returned, logged or shown.
 *
 *   const client = new TellusClient({ baseUrl, clientId, clientSecret, onWait })
 *   const device = await client.getDevice('dvc_a1b2c3d4e5f6', { signal })
 */
import { appError, fail, ok, type Result } from '@common/errors'
import type { DeviceId } from '@common/devices/device-id'
import { createRedactor, CONTROL_CHARACTERS, excerptOf, type Redactor } from '@common/redact'
import { parseChargingRecordQuery, type ChargingRecordQuery } from '@common/tellus/charging-record-query'
import { ChargingRecordPageSchema, DeviceSchema, SitePageSchema, type ChargingRecordPage, type Device, type Site } from '@common/tellus/schemas'
import { validateBaseUrl } from '../credentials/profile-input'
import type { Logger } from '../logger'
import { shapeError } from './errors'
import { DEFAULT_MAX_BODY_BYTES, DEFAULT_TIMEOUTS, type Timeouts } from './http-request'
import { DEFAULT_PACING, realSleep, sharedPacerRegistry, type PacerRegistry, type PacingOptions, type Sleep, type WaitInfo } from './pacer'
import { DEFAULT_RETRY, type RetryOptions } from './retry'
import type { StreamAccess } from './stream/stream-access'
import { ApiTransport } from './transport'

export type { ChargingRecordQuery } from '@common/tellus/charging-record-query'
export type { WaitInfo } from './pacer'

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

/** The device detail as the client returns it: the one parse of the payload, and the payload itself. */
export interface DeviceResponse {
  /** The payload validated by `DeviceSchema` (unknown keys kept, malformed extension values dropped). */
  device: Device
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

/** The API base URL: https, or http on loopback only (the shared rule in credentials/base-url). */
export function parseBaseUrl(input: unknown): Result<{ baseUrl: string; host: string }> {
  if (typeof input !== 'string') return fail(appError('invalid-input', 'Enter the API base URL (e.g. https://api.example.com/v1).'))
  const valid = validateBaseUrl(input)
  if (!valid.ok) return valid
  return ok({ baseUrl: valid.value, host: new URL(valid.value).host })
}

/** The client_id: non-empty, one line, printable. */
export function parseClientId(input: unknown): Result<string> {
  if (typeof input !== 'string' || input.trim() === '') return fail(appError('invalid-input', 'Enter the client ID.', { action: 'Add it in Profiles.' }))
  if (CONTROL_CHARACTERS.test(input) || input.length > 256) return fail(appError('invalid-input', 'The client ID contains characters that cannot be right.', { action: 'Check it in Profiles.' }))
  return ok(input.trim())
}

/** Site pages of 100 fetched at most (10 000 sites) before the list is called broken. */
const MAX_SITE_PAGES = 100
/** Tokens remembered for redaction. */
const REMEMBERED_TOKENS = 8

/** A callback from the UI that throws must not break the request it reports on. */
function guarded<A>(callback: (arg: A) => void): (arg: A) => void {
  return (arg) => {
    try {
      callback(arg)
    } catch {
      // Ignored on purpose: reporting a wait is best effort.
    }
  }
}

/** Calls the secret getter; one that throws instead of returning a Result is still a Result. */
async function readSecret(getClientSecret: () => Promise<Result<string>>): Promise<Result<string>> {
  try {
    return await getClientSecret()
  } catch {
    return fail(appError('internal', 'The client secret could not be read.', { action: 'Open Profiles and enter the client secret again.' }))
  }
}

/** The API client of one profile (base URL + client_id). */
export class TellusClient {
  readonly #secrets = new Set<string>()
  readonly #tokens: string[] = []
  readonly #redact: Redactor
  readonly #transport: Result<ApiTransport>
  readonly #host: string
  readonly #now: () => number

  constructor(options: TellusClientOptions) {
    this.#redact = createRedactor(() => [...this.#secrets, ...this.#tokens])
    this.#now = options.now ?? Date.now
    if (options.clientSecret) this.#secrets.add(options.clientSecret)
    const base = parseBaseUrl(options.baseUrl)
    this.#host = base.ok ? base.value.host : 'the API'
    this.#transport = base.ok ? this.createTransport(options, base.value) : base
  }

  /** The request pipeline, or why there cannot be one (every call then returns that error). */
  private createTransport(options: TellusClientOptions, base: { baseUrl: string; host: string }): Result<ApiTransport> {
    const clientId = parseClientId(options.clientId)
    if (!clientId.ok) return clientId
    const { clientSecret, getClientSecret } = options
    if (!clientSecret && !getClientSecret) {
      return fail(appError('invalid-input', 'This profile has no client secret.', { action: 'Enter the client secret in Profiles.' }))
    }
    const pacing = { ...DEFAULT_PACING, ...options.pacer }
    const registry = options.pacer?.registry ?? sharedPacerRegistry
    const pacers = registry.pacersFor(base.baseUrl, clientId.value, pacing, this.#now)
    return ok(
      new ApiTransport({
        ...base,
        clientId: clientId.value,
        getClientSecret: async () => {
          const result = clientSecret ? ok(clientSecret) : await readSecret(getClientSecret!)
          if (result.ok) this.#secrets.add(result.value)
          return result
        },
        fetch: options.fetch ?? ((input, init) => globalThis.fetch(input, init)),
        now: this.#now,
        sleep: options.sleep ?? realSleep,
        random: options.random ?? Math.random,
        onWait: options.onWait && guarded(options.onWait),
        timeouts: { ...DEFAULT_TIMEOUTS, ...options.timeouts },
        maxBodyBytes: options.maxBodyBytes ?? DEFAULT_MAX_BODY_BYTES,
        retry: { ...DEFAULT_RETRY, ...options.retry },
        pacers,
        redact: this.#redact,
        onToken: (token) => this.remember(token),
        logger: options.logger,
      }),
    )
  }

  /**
   * `GET /operator/devices/{device_id}`: the charger, validated, plus its raw `data` for snapshots.
   * The id was checked where it entered main (`DeviceIdSchema`); only the secret guard runs here.
   */
  async getDevice(deviceId: DeviceId, options: CallOptions = {}): Promise<Result<DeviceResponse>> {
    if (!this.#transport.ok) return this.#transport
    const id = this.refuseSecret(deviceId)
    if (!id.ok) return id
    const context = { host: this.#host, endpoint: 'device' as const, deviceId: id.value }
    const path = `/operator/devices/${encodeURIComponent(id.value)}`
    const result = await this.#transport.value.get(path, {}, DeviceSchema, context, options.signal)
    if (!result.ok) return result
    const receivedAt = new Date(this.#now()).toISOString()
    const { data: device, raw } = result.value
    if (device.device_id !== id.value) {
      const excerpt = excerptOf(JSON.stringify(raw) ?? '', this.#redact)
      return fail(shapeError(context, `device_id is ${JSON.stringify(device.device_id.slice(0, 64))}, not the one asked for`, { status: 200, excerpt }))
    }
    return ok({ device, raw, receivedAt })
  }

  /** `GET /operator/sites`, every page (100 a page). */
  async listSites(options: CallOptions = {}): Promise<Result<Site[]>> {
    if (!this.#transport.ok) return this.#transport
    const context = { host: this.#host, endpoint: 'sites' as const }
    const sites: Site[] = []
    for (let page = 1; page <= MAX_SITE_PAGES; page++) {
      const result = await this.#transport.value.get('/operator/sites', { page, size: 100 }, SitePageSchema, context, options.signal)
      if (!result.ok) return result
      const { items, size, total } = result.value.data
      sites.push(...items)
      if (items.length === 0 || page * size >= total) return ok(sites)
    }
    return fail(shapeError(context, `more than ${MAX_SITE_PAGES} pages`, { status: 200, excerpt: '' }))
  }

  /** `GET /operator/charging-records`, of one device or (no `deviceId`) of the whole operator: one page (default size 100). */
  async listChargingRecords(query: ChargingRecordQuery, options: CallOptions = {}): Promise<Result<ChargingRecordPage>> {
    if (!this.#transport.ok) return this.#transport
    const valid = parseChargingRecordQuery(query, this.#redact)
    if (!valid.ok) return valid
    const id = valid.value.device_id === undefined ? ok(undefined) : this.refuseSecret(valid.value.device_id)
    if (!id.ok) return id
    const context = { host: this.#host, endpoint: 'charging-records' as const, deviceId: valid.value.device_id }
    const result = await this.#transport.value.get('/operator/charging-records', { ...valid.value }, ChargingRecordPageSchema, context, options.signal)
    return result.ok ? ok(result.value.data) : result
  }

  /** Requests a fresh token: proves the base URL, client ID and secret work ("add profile"). */
  async verifyCredentials(options: CallOptions = {}): Promise<Result<void>> {
    if (!this.#transport.ok) return this.#transport
    const token = await this.#transport.value.tokens.renew(options.signal)
    return token.ok ? ok(undefined) : token
  }

  /** When (ms from now) the next `count` reads could go under this client's pacing, if nobody else reads meanwhile. */
  readSlots(count: number): number[] {
    return this.#transport.ok ? this.#transport.value.readSlots(count) : Array<number>(count).fill(0)
  }

  /** What the telemetry stream needs: the base URL and this client's token (held, or renewed on demand). */
  streamAccess(): Result<StreamAccess> {
    if (!this.#transport.ok) return this.#transport
    const transport = this.#transport.value
    return ok({
      baseUrl: transport.baseUrl,
      getToken: (signal) => transport.tokens.getToken(signal),
      renewToken: (signal) => transport.tokens.renew(signal),
    })
  }

  /** Drops the in-memory token (and abandons a token request in flight). */
  clearToken(): void {
    if (this.#transport.ok) this.#transport.value.tokens.clear()
  }

  /** Signs out: the same as `clearToken`; the next request signs in again. */
  signOut(): void {
    this.clearToken()
  }

  /** Secret-free summary for logs and debugging (JSON.stringify of a client shows only this). */
  toJSON(): { host: string; signedIn: boolean } {
    return { host: this.#host, signedIn: this.#transport.ok && this.#transport.value.tokens.hasToken }
  }

  /** The device id, refused when it is one of this client's secrets: proxies log URLs, so a pasted secret must not travel in one. */
  private refuseSecret(id: DeviceId): Result<DeviceId> {
    if (this.#redact(id) !== id) {
      return fail(appError('invalid-input', 'That looks like a client secret or token, not a device id.', { action: 'Enter the device id from the work order (e.g. dvc_a1b2c3d4e5f6).' }))
    }
    return ok(id)
  }

  private remember(token: string): void {
    this.#tokens.push(token)
    if (this.#tokens.length > REMEMBERED_TOKENS) this.#tokens.shift()
  }
}
