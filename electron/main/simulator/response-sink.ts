/**
 * Where a response goes: a normal HTTP response, or the raw socket of a WebSocket handshake that is
 * being refused. Both can send a whole response, send headers and part of a body and stop (hang),
 * reset the connection, or hold it without answering. Writes after the client left are ignored.
 */
import type { IncomingMessage, ServerResponse } from 'node:http'
import { STATUS_CODES } from 'node:http'
import type { Duplex } from 'node:stream'
import { Socket } from 'node:net'

/** One response in the making. */
export interface ResponseSink {
  /** Sends a complete response (Content-Length is set here). */
  send(status: number, headers: Record<string, string>, body: string): void
  /** Sends headers (with the full body's Content-Length) and `part` of the body, then stops forever. */
  sendPartial(status: number, headers: Record<string, string>, part: string, fullLength: number): void
  /** Drops the connection abruptly (TCP reset), sending nothing. */
  reset(): void
  /** True once the response is complete or the connection is gone. */
  readonly closed: boolean
}

/** Called with the HTTP status once a response (or 0 for a reset) is on its way. */
export type StatusListener = (status: number) => void

function resetSocket(socket: Duplex): void {
  if (socket instanceof Socket && !socket.destroyed) socket.resetAndDestroy()
  else socket.destroy()
}

/** A sink over `http.ServerResponse`. */
export class HttpSink implements ResponseSink {
  constructor(
    private readonly req: IncomingMessage,
    private readonly res: ServerResponse,
    private readonly onStatus: StatusListener,
  ) {
    res.on('error', () => undefined)
  }

  get closed(): boolean {
    return this.res.destroyed || this.res.writableEnded || this.req.socket.destroyed
  }

  send(status: number, headers: Record<string, string>, body: string): void {
    if (this.closed || this.res.headersSent) return
    this.onStatus(status)
    this.res.writeHead(status, { ...headers, 'content-length': String(Buffer.byteLength(body)) })
    this.res.end(body)
  }

  sendPartial(status: number, headers: Record<string, string>, part: string, fullLength: number): void {
    if (this.closed || this.res.headersSent) return
    this.onStatus(status)
    this.res.writeHead(status, { ...headers, 'content-length': String(fullLength) })
    this.res.write(part)
  }

  reset(): void {
    this.onStatus(0)
    resetSocket(this.req.socket)
  }
}

/** A sink that writes a raw HTTP/1.1 response on the socket of a refused WebSocket handshake. */
export class SocketSink implements ResponseSink {
  private written = false

  constructor(
    private readonly socket: Duplex,
    private readonly onStatus: StatusListener,
  ) {}

  get closed(): boolean {
    return this.written || this.socket.destroyed
  }

  send(status: number, headers: Record<string, string>, body: string): void {
    if (this.closed) return
    this.written = true
    this.onStatus(status)
    this.socket.once('finish', () => this.socket.destroy())
    this.socket.end(this.head(status, { ...headers, 'content-length': String(Buffer.byteLength(body)), connection: 'close' }) + body)
  }

  sendPartial(status: number, headers: Record<string, string>, part: string, fullLength: number): void {
    if (this.closed) return
    this.written = true
    this.onStatus(status)
    this.socket.write(this.head(status, { ...headers, 'content-length': String(fullLength) }) + part)
  }

  reset(): void {
    this.written = true
    this.onStatus(0)
    resetSocket(this.socket)
  }

  private head(status: number, headers: Record<string, string>): string {
    const lines = Object.entries(headers).map(([name, value]) => `${name}: ${value}\r\n`)
    return `HTTP/1.1 ${status} ${STATUS_CODES[status] ?? ''}\r\n${lines.join('')}\r\n`
  }
}
