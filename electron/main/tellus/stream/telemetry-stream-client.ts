/**
 * The telemetry stream client: one WebSocket per API client carrying the whole set of watched
 * devices (the API allows one connection per client and device set), re-opened when the set
 * changes. The token goes in the handshake's Authorization header (`tokenIn: 'query'` is the
 * documented fallback for clients that cannot set headers). Reconnects with capped exponential
 * backoff and jitter; a 1008 close or a 401 refusal renews the token and reconnects at once (once
 * per frame received, so a server that keeps refusing does not get hammered). A connection that
 * hears nothing (no frame, no pong) for `livenessMs` is taken as stalled and replaced. Malformed
 * frames are dropped and counted; nothing here throws.
 *
 *   const client = new TelemetryStreamClient({ access, onFrame, onStatus })
 *   client.setDevices(['dvc_a1b2c3d4e5f6'])   // connects
 *   client.stop('window-hidden')
 */
import WebSocket from 'ws'
import type { LiveFrame, StreamConnection, StreamStatus, StreamStopReason } from '@common/live/stream-status'
import type { Logger } from '../../logger'
import { backoffDelay, DEFAULT_RETRY } from '../retry'
import { MAX_FRAME_BYTES, parseFrame } from './frame-parser'
import { decideRefusal, type RefusalDecision } from './handshake-refusal'
import { streamUrl, type StreamAccess } from './stream-access'

/** Reconnect delays: 1 s, 2 s, 4 s … capped at 30 s, plus up to 30 % jitter. */
export const STREAM_BACKOFF = { baseDelayMs: 1000, maxDelayMs: 30_000, jitterRatio: 0.3 }
/** Silence (no frame, no pong) after which a connection counts as stalled; pings go out at half of it. */
export const DEFAULT_LIVENESS_MS = 20_000
const HANDSHAKE_TIMEOUT_MS = 15_000
const MAX_REFUSAL_BODY_BYTES = 8 * 1024
/** Close code the server uses when the token expired or was revoked. */
export const TOKEN_CLOSE_CODE = 1008

/** What the client is built from. */
export interface StreamClientOptions {
  access: StreamAccess
  onFrame: (frame: LiveFrame) => void
  onStatus: (status: StreamStatus) => void
  now?: () => number
  random?: () => number
  /** Where the token goes: the handshake header (default) or `?token=` (the documented fallback). */
  tokenIn?: 'header' | 'query'
  backoff?: typeof STREAM_BACKOFF
  livenessMs?: number
  logger?: Logger
}

const NO_RETRY_KINDS = new Set(['auth', 'invalid-input', 'keychain'])

/** The stream of one API client. */
export class TelemetryStreamClient {
  #devices: string[] = []
  #socket: WebSocket | null = null
  #generation = 0
  #attempt = 0
  #renewNext = false
  #renewedSinceFrame = false
  #lastHeard = 0
  #stalled = false
  #retryTimer: NodeJS.Timeout | undefined
  #livenessTimer: NodeJS.Timeout | undefined
  #status: StreamStatus = { connection: { state: 'stopped', reason: 'not-watching' }, deviceIds: [], frames: 0, malformedFrames: 0 }
  readonly #now: () => number
  readonly #host: string

  constructor(private readonly options: StreamClientOptions) {
    this.#now = options.now ?? Date.now
    this.#host = safeHost(options.access.baseUrl)
  }

  /** The current status (also pushed through `onStatus` on every change). */
  get status(): StreamStatus {
    return this.#status
  }

  /** Streams exactly these devices: reconnects when the set changed; an empty set stops the stream. */
  setDevices(deviceIds: readonly string[]): void {
    const next = [...new Set(deviceIds)].sort()
    const running = this.#status.connection.state !== 'stopped' && this.#status.connection.state !== 'unavailable'
    if (running && next.join(',') === this.#devices.join(',')) return
    this.#devices = next
    if (next.length === 0) {
      this.stop('not-watching')
      return
    }
    this.halt()
    this.#attempt = 0
    this.#renewedSinceFrame = false
    this.#status = { ...this.#status, deviceIds: next }
    void this.connect()
  }

  /** Closes the stream and keeps it closed until `setDevices` or `resume`. */
  stop(reason: StreamStopReason): void {
    this.halt()
    this.setConnection({ state: 'stopped', reason })
  }

  /** Opens the stream again for the devices it last carried (after the window came back). */
  resume(): void {
    const devices = this.#devices
    this.#devices = []
    this.setDevices(devices)
  }

  private halt(): void {
    this.#generation += 1
    clearTimeout(this.#retryTimer)
    clearInterval(this.#livenessTimer)
    const socket = this.#socket
    this.#socket = null
    if (socket) closeQuietly(socket)
  }

  private async connect(): Promise<void> {
    const generation = ++this.#generation
    const { access } = this.options
    this.setConnection({ state: 'connecting', attempt: this.#attempt })
    const token = this.#renewNext ? await access.renewToken() : await access.getToken()
    this.#renewNext = false
    if (generation !== this.#generation) return
    if (!token.ok) {
      if (token.error.kind === 'cancelled') return
      if (NO_RETRY_KINDS.has(token.error.kind)) this.setConnection({ state: 'unavailable', message: token.error.message, action: token.error.action })
      else this.scheduleRetry(`no token: ${token.error.message}`)
      return
    }
    const query = this.options.tokenIn === 'query'
    const ws = new WebSocket(streamUrl(access.baseUrl, this.#devices, query ? token.value : undefined), {
      headers: query ? {} : { Authorization: `Bearer ${token.value}` },
      handshakeTimeout: HANDSHAKE_TIMEOUT_MS,
      maxPayload: MAX_FRAME_BYTES,
      perMessageDeflate: false,
    })
    this.#socket = ws
    this.#stalled = false
    const current = () => this.#socket === ws
    ws.on('error', () => undefined) // 'close' follows every error
    ws.on('open', () => {
      if (!current()) return
      this.#lastHeard = this.#now()
      this.setConnection({ state: 'live', since: this.#now() })
      this.watchLiveness(ws)
    })
    ws.on('pong', () => {
      if (current()) this.#lastHeard = this.#now()
    })
    ws.on('message', (data: Buffer) => {
      if (current()) this.receive(data)
    })
    ws.on('unexpected-response', (request, response) => {
      readLimited(response, MAX_REFUSAL_BODY_BYTES, (body) => {
        request.destroy()
        if (!current()) return
        this.dropSocket()
        this.onRefused(decideRefusal(response.statusCode ?? 0, body, this.#host))
      })
    })
    ws.on('close', (code: number) => {
      if (!current()) return
      this.dropSocket()
      if (code === TOKEN_CLOSE_CODE) this.onTokenRejected('the server closed the stream: token expired (1008)')
      else this.scheduleRetry(this.#stalled ? `no frames or answers for ${Math.round(this.liveness / 1000)} s` : `the connection dropped (${code})`)
    })
  }

  private receive(data: Buffer): void {
    this.#lastHeard = this.#now()
    const parsed = parseFrame(data, new Set(this.#devices))
    if (!parsed.ok) {
      this.options.logger?.warn(`stream: dropped a frame from ${this.#host}: ${parsed.reason}`)
      this.#status = { ...this.#status, malformedFrames: this.#status.malformedFrames + 1 }
      this.emit()
      return
    }
    this.#attempt = 0
    this.#renewedSinceFrame = false
    this.#status = { ...this.#status, frames: this.#status.frames + 1 }
    try {
      this.options.onFrame({ frame: parsed.frame, receivedAt: this.#now() })
    } catch (error) {
      this.options.logger?.error(`stream: frame listener failed: ${error instanceof Error ? error.message : String(error)}`)
    }
  }

  private onRefused(decision: RefusalDecision): void {
    if (decision.kind === 'renew-token') this.onTokenRejected('the server refused the token')
    else if (decision.kind === 'retry') this.scheduleRetry(decision.reason, decision.retryAfterMs)
    else {
      this.options.logger?.warn(`stream: not available from ${this.#host}: ${decision.message}`)
      this.setConnection({ state: 'unavailable', message: decision.message, action: decision.action })
    }
  }

  /** Renews the token; reconnects at once the first time, with backoff if it happens again before a frame. */
  private onTokenRejected(reason: string): void {
    this.#renewNext = true
    if (this.#renewedSinceFrame) {
      this.scheduleRetry(reason)
      return
    }
    this.#renewedSinceFrame = true
    void this.connect()
  }

  private scheduleRetry(reason: string, minimumDelayMs = 0): void {
    const delay = Math.max(minimumDelayMs, backoffDelay(this.#attempt, { ...DEFAULT_RETRY, ...STREAM_BACKOFF, ...this.options.backoff }, this.options.random ?? Math.random))
    this.#attempt += 1
    const generation = this.#generation
    this.setConnection({ state: 'reconnecting', attempt: this.#attempt, nextAttemptAt: this.#now() + delay, reason })
    this.#retryTimer = setTimeout(() => {
      if (generation === this.#generation) void this.connect()
    }, delay)
  }

  private get liveness(): number {
    return this.options.livenessMs ?? DEFAULT_LIVENESS_MS
  }

  private watchLiveness(ws: WebSocket): void {
    clearInterval(this.#livenessTimer)
    this.#livenessTimer = setInterval(() => {
      if (this.#socket !== ws) return
      if (this.#now() - this.#lastHeard > this.liveness) {
        this.#stalled = true
        ws.terminate()
      } else if (ws.readyState === WebSocket.OPEN) {
        ws.ping()
      }
    }, this.liveness / 2)
  }

  private dropSocket(): void {
    clearInterval(this.#livenessTimer)
    const socket = this.#socket
    this.#socket = null
    if (socket) closeQuietly(socket)
  }

  private setConnection(connection: StreamConnection): void {
    this.#status = { ...this.#status, connection, deviceIds: this.#devices }
    this.emit()
  }

  private emit(): void {
    try {
      this.options.onStatus(this.#status)
    } catch (error) {
      this.options.logger?.error(`stream: status listener failed: ${error instanceof Error ? error.message : String(error)}`)
    }
  }
}

function closeQuietly(socket: WebSocket): void {
  socket.removeAllListeners()
  socket.on('error', () => undefined)
  if (socket.readyState === WebSocket.OPEN) socket.close(1000)
  else socket.terminate()
}

function readLimited(stream: NodeJS.ReadableStream, maxBytes: number, done: (text: string) => void): void {
  const chunks: Buffer[] = []
  let size = 0
  let finished = false
  const finish = () => {
    if (finished) return
    finished = true
    done(Buffer.concat(chunks).toString('utf8'))
  }
  stream.on('data', (chunk: Buffer) => {
    if (size < maxBytes) chunks.push(chunk.subarray(0, maxBytes - size))
    size += chunk.length
    if (size >= maxBytes) finish()
  })
  stream.on('end', finish)
  stream.on('error', finish)
  stream.on('close', finish)
}

function safeHost(baseUrl: string): string {
  try {
    return new URL(baseUrl).host
  } catch {
    return 'the API'
  }
}
