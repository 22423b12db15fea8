/**
 * `GET /v1/operator/stream?devices=…` (WebSocket): one `TelemetryFrame` per subscribed online
 * device at once and then every `streamIntervalMs`. The token comes in the Authorization header or
 * `?token=`. Refusals are plain HTTP responses with the error envelope: 400/1002 without `devices`,
 * 404/3001 for an unknown device, 401/2001|2002 for a bad token, 403/2003 without the read scope,
 * 429/5001 for a second connection of the same client and device set (v1.3: one per set).
 * Offline chargers send no frames. When the token expires or is revoked the server closes the
 * socket with 1008 ("token expired" / "token invalid"). Pings are answered with pongs (unless the
 * stream is stalled). Stream faults (`applyFault`) break open streams on demand.
 */
import type { IncomingMessage } from 'node:http'
import type { Duplex } from 'node:stream'
import { WebSocket, WebSocketServer } from 'ws'
import { authenticateReader, bearerToken } from './auth'
import { type Reply, failure, missingParameter, success } from './envelope'
import { respondWithFault, runFaults, sendReply } from './fault-responses'
import { EVERY_REQUEST } from './faults'
import { telemetryFrame } from './device-view'
import { type DeviceSpec, findDevice } from './fleet'
import { isOnline } from './readings'
import { requestUrl } from './request-handler'
import { SocketSink } from './response-sink'
import { STREAM_PATH } from './routes/index'
import type { SimulatorState } from './state'
import type { StreamFaultKind } from './types'

/** WebSocket close code used when the token stops being valid. */
export const TOKEN_CLOSE_CODE = 1008
const MAX_BUFFERED_BYTES = 1024 * 1024

interface Subscription {
  key: string
  token: string
  devices: DeviceSpec[]
  timer?: NodeJS.Timeout
  /** Set by the `stall` fault: no frames and no pongs any more. */
  stalled?: boolean
}

/** What the `malformed` fault sends: a frame cut off mid-way (not valid JSON). */
export const MALFORMED_FRAME = '{"device_id":"dvc_a1b2c3d4e5f6","timestamp":"2026-05-01T10:00:00Z","connectors":[{"connector_id":1,"sta'

type HandshakeVerdict = { ok: true; subscription: Subscription } | { ok: false; reply: Reply }

/** The telemetry stream: accepts upgrades and pushes frames. */
export class TelemetryStream {
  private readonly wss = new WebSocketServer({ noServer: true, clientTracking: false, autoPong: false })
  private readonly subscriptions = new Map<WebSocket, Subscription>()
  private readonly openKeys = new Set<string>()

  constructor(private readonly state: SimulatorState) {}

  /** Handles an HTTP upgrade request (any path; only the stream path is accepted). */
  async handleUpgrade(req: IncomingMessage, socket: Duplex, head: Buffer): Promise<void> {
    socket.on('error', () => undefined)
    const { state } = this
    const url = requestUrl(req.url)
    const entry = state.log.add(req.method ?? 'GET', req.url ?? '/', state.now())
    const sink = new SocketSink(socket, (status) => {
      entry.status = status
    })
    if (url.pathname !== STREAM_PATH) {
      sendReply(sink, failure(3001, undefined, 'route not found'))
      return
    }
    const outcome = await runFaults(state.faults, state.delays, [EVERY_REQUEST], sink)
    if (outcome.handled || socket.destroyed) return
    const verdict = this.checkHandshake(req, url)
    if (verdict.ok) entry.clientId = verdict.subscription.key.split('|')[0]
    if (outcome.mangle) {
      respondWithFault(sink, outcome.mangle, verdict.ok ? success(null) : verdict.reply)
      return
    }
    if (!verdict.ok) {
      sendReply(sink, verdict.reply)
      return
    }
    const { subscription } = verdict
    this.openKeys.add(subscription.key)
    this.wss.handleUpgrade(req, socket, head, (ws) => {
      entry.status = 101
      this.attach(ws, subscription)
    })
    if (socket.destroyed) this.openKeys.delete(subscription.key)
  }

  /** Applies a stream fault to every open stream (carrying `deviceId`, when given); returns how many. */
  applyFault(kind: StreamFaultKind, deviceId?: string): number {
    let affected = 0
    for (const [ws, subscription] of [...this.subscriptions]) {
      if (deviceId && !subscription.devices.some((device) => device.deviceId === deviceId)) continue
      affected += 1
      if (kind === 'drop') ws.terminate()
      else if (kind === 'stall') subscription.stalled = true
      else if (kind === 'malformed') ws.send(MALFORMED_FRAME)
      else {
        ws.close(TOKEN_CLOSE_CODE, 'token expired')
        this.detach(ws)
      }
    }
    return affected
  }

  /** Closes every stream at once. */
  close(): void {
    for (const [ws, subscription] of this.subscriptions) {
      clearInterval(subscription.timer)
      ws.terminate()
    }
    this.subscriptions.clear()
    this.openKeys.clear()
    this.wss.close()
  }

  private checkHandshake(req: IncomingMessage, url: URL): HandshakeVerdict {
    const ids = [...new Set((url.searchParams.get('devices') ?? '').split(',').map((id) => id.trim()).filter(Boolean))]
    if (ids.length === 0) return { ok: false, reply: missingParameter('devices') }
    const devices: DeviceSpec[] = []
    for (const id of ids) {
      const device = findDevice(id)
      if (!device) return { ok: false, reply: failure(3001, { device_id: id }, 'Device not found') }
      devices.push(device)
    }
    const token = bearerToken(req.headers.authorization) ?? url.searchParams.get('token') ?? undefined
    const auth = authenticateReader(this.state.tokens, token)
    if (!auth.ok) return { ok: false, reply: auth.reply }
    const key = `${auth.principal.clientId}|${[...ids].sort().join(',')}`
    if (this.openKeys.has(key)) {
      return { ok: false, reply: failure(5001, undefined, 'a stream for this client and device set is already open') }
    }
    return { ok: true, subscription: { key, token: token ?? '', devices } }
  }

  private attach(ws: WebSocket, subscription: Subscription): void {
    this.subscriptions.set(ws, subscription)
    ws.on('error', () => undefined)
    ws.on('close', () => this.detach(ws))
    ws.on('ping', (data) => {
      if (!subscription.stalled) ws.pong(data)
    })
    this.tick(ws, subscription)
    subscription.timer = setInterval(() => this.tick(ws, subscription), this.state.streamIntervalMs)
  }

  private detach(ws: WebSocket): void {
    const subscription = this.subscriptions.get(ws)
    if (!subscription) return
    clearInterval(subscription.timer)
    this.subscriptions.delete(ws)
    this.openKeys.delete(subscription.key)
  }

  private tick(ws: WebSocket, subscription: Subscription): void {
    if (ws.readyState !== WebSocket.OPEN || subscription.stalled) return
    const check = this.state.tokens.check(subscription.token)
    if (!check.ok) {
      ws.close(TOKEN_CLOSE_CODE, check.code === 2002 ? 'token expired' : 'token invalid')
      this.detach(ws)
      return
    }
    if (ws.bufferedAmount > MAX_BUFFERED_BYTES) return
    const now = this.state.now()
    for (const device of subscription.devices) {
      if (isOnline(device)) ws.send(JSON.stringify(telemetryFrame(this.state.connectors.current(device), this.state.env, now)))
    }
  }
}
