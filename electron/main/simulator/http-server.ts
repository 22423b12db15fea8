/**
 * The simulator's HTTP server: API requests, the control endpoint and WebSocket upgrades, with every
 * socket tracked so `close()` can end hanging responses and open streams at once.
 */
import { type Server, createServer } from 'node:http'
import type { Socket } from 'node:net'
import { type ControlSurface, createRequestHandler } from './request-handler'
import type { SimulatorState } from './state'
import type { TelemetryStream } from './stream'

/** A listening simulator server. */
export class SimulatorServer {
  private readonly server: Server
  private readonly sockets = new Set<Socket>()
  private closing: Promise<void> | undefined

  constructor(
    private readonly state: SimulatorState,
    private readonly stream: TelemetryStream,
    /** The /__sim control endpoint, or null to serve none. */
    controlSurface: ControlSurface | null,
  ) {
    this.server = createServer(createRequestHandler(state, controlSurface))
    this.server.on('connection', (socket: Socket) => {
      this.sockets.add(socket)
      socket.on('error', () => undefined)
      socket.on('close', () => this.sockets.delete(socket))
    })
    this.server.on('upgrade', (req, socket, head: Buffer) => {
      this.stream.handleUpgrade(req, socket, head).catch(() => socket.destroy())
    })
    this.server.on('clientError', (_error, socket) => {
      if (socket.writable) socket.end('HTTP/1.1 400 Bad Request\r\nConnection: close\r\n\r\n')
      socket.destroy()
    })
  }

  /** Starts listening; resolves with the bound port. */
  listen(port: number, host: string): Promise<number> {
    return new Promise((resolve, reject) => {
      const onError = (error: Error) => reject(error)
      this.server.once('error', onError)
      this.server.listen(port, host, () => {
        this.server.off('error', onError)
        this.server.on('error', () => undefined)
        const address = this.server.address()
        resolve(typeof address === 'object' && address ? address.port : port)
      })
    })
  }

  /** Closes streams, pending delays and every socket, then the server. Safe to call twice. */
  close(): Promise<void> {
    this.closing ??= new Promise<void>((resolve) => {
      this.stream.close()
      this.state.delays.cancelAll()
      this.server.close(() => resolve())
      this.server.closeAllConnections()
      for (const socket of this.sockets) socket.destroy()
      this.sockets.clear()
    })
    return this.closing
  }
}
