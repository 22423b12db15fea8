/**
 * Helpers for the API client tests: a virtual clock whose sleep moves time instead of waiting,
 * simulators and plain HTTP servers on 127.0.0.1 that are closed after each test, and a fetch that
 * records what went over the wire (to find tokens in the leak checks).
 */
import { createServer, type IncomingMessage, type Server, type ServerResponse } from 'node:http'
import type { AddressInfo } from 'node:net'
import { afterEach } from 'vitest'
import { startSimulator, type SimulatorHandle, type SimulatorOptions } from '@main/simulator/index'
import { PacerRegistry, type Sleep, type WaitInfo } from '@main/tellus/pacer'
import type { TellusClientOptions } from '@main/tellus/tellus-client'

/** A clock that only moves when told to or when someone sleeps on it. */
export interface VirtualTime {
  now: () => number
  advance(ms: number): void
  /** Moves the clock forward by `ms` at once (no real waiting), honouring an aborted signal. */
  sleep: Sleep
  /** Every sleep asked for, in ms. */
  sleeps: number[]
}

/** A virtual clock starting at a fixed instant. */
export function virtualTime(start = Date.parse('2026-05-01T10:00:00Z')): VirtualTime {
  let current = start
  const sleeps: number[] = []
  return {
    now: () => current,
    advance: (ms) => {
      current += ms
    },
    sleeps,
    sleep: async (ms, signal) => {
      sleeps.push(ms)
      if (!signal?.aborted) current += ms
    },
  }
}

/**
 * A virtual clock for parallel callers over real HTTP. Sleeps wake one at a time in due order, and
 * only when no request is in flight through `fetch`: time never jumps while the server has yet to
 * stamp a request, so the server sees requests at the virtual times the client meant them.
 */
export interface VirtualTimeline extends VirtualTime {
  fetch: typeof fetch
}

/** Creates a virtual timeline starting at a fixed instant. */
export function virtualTimeline(start = Date.parse('2026-05-01T10:00:00Z')): VirtualTimeline {
  let current = start
  let inFlight = 0
  let pumping = false
  const sleeps: number[] = []
  const timers: Array<{ due: number; wake: () => void }> = []
  const macrotask = () => new Promise<void>((resolve) => setImmediate(resolve))
  const pump = async () => {
    if (pumping) return
    pumping = true
    while (timers.length > 0) {
      await macrotask()
      if (inFlight > 0) continue
      timers.sort((a, b) => a.due - b.due)
      const next = timers.shift()!
      current = Math.max(current, next.due)
      next.wake()
    }
    pumping = false
  }
  return {
    now: () => current,
    advance: (ms) => {
      current += ms
    },
    sleeps,
    sleep: (ms, signal) =>
      new Promise<void>((resolve) => {
        sleeps.push(ms)
        const timer = {
          due: current + ms,
          wake: () => {
            signal?.removeEventListener('abort', onAbort)
            resolve()
          },
        }
        const onAbort = () => {
          const index = timers.indexOf(timer)
          if (index >= 0) timers.splice(index, 1)
          resolve()
        }
        signal?.addEventListener('abort', onAbort, { once: true })
        timers.push(timer)
        void pump()
      }),
    fetch: async (input, init) => {
      inFlight += 1
      try {
        return await globalThis.fetch(input, init)
      } finally {
        inFlight -= 1
      }
    },
  }
}

/** A simulator started for a test, with the virtual clock it and the client share. */
export interface TestSimulator {
  sim: SimulatorHandle
  time: VirtualTime
  /** Client options for this simulator: its base URL and demo credentials, the virtual clock, no jitter, own pacers. */
  clientOptions(extra?: Partial<TellusClientOptions>): TellusClientOptions & { waits: WaitInfo[] }
}

/**
 * Registers an afterEach that closes every simulator the returned function started. With
 * `timeline`, the clock is a `virtualTimeline` and the client's fetch goes through it.
 */
export function useSimulators(): (options?: SimulatorOptions, clock?: { timeline: true }) => Promise<TestSimulator> {
  const running: SimulatorHandle[] = []
  afterEach(async () => {
    await Promise.all(running.splice(0).map((sim) => sim.close()))
  })
  return async (options = {}, clock) => {
    const timeline = clock?.timeline ? virtualTimeline() : undefined
    const time = timeline ?? virtualTime()
    const sim = await startSimulator({ now: time.now, ...options })
    running.push(sim)
    return {
      sim,
      time,
      clientOptions: (extra = {}) => {
        const waits: WaitInfo[] = []
        return {
          baseUrl: sim.baseUrl,
          ...sim.credentials,
          now: time.now,
          sleep: time.sleep,
          random: () => 0.5,
          pacer: { registry: new PacerRegistry() },
          onWait: (info) => waits.push(info),
          waits,
          ...(timeline ? { fetch: timeline.fetch } : {}),
          ...extra,
        }
      },
    }
  }
}

/** A plain HTTP server for a test, on 127.0.0.1 with a random port. */
export interface TestServer {
  url: string
  server: Server
}

/** Registers an afterEach that closes every server the returned function started. */
export function useServers(): (handler: (req: IncomingMessage, res: ServerResponse) => void) => Promise<TestServer> {
  const running: Server[] = []
  afterEach(async () => {
    await Promise.all(
      running.splice(0).map(
        (server) =>
          new Promise<void>((resolve) => {
            server.closeAllConnections()
            server.close(() => resolve())
          }),
      ),
    )
  })
  return async (handler) => {
    const server = createServer(handler)
    running.push(server)
    await new Promise<void>((resolve) => server.listen(0, '127.0.0.1', resolve))
    return { url: `http://127.0.0.1:${(server.address() as AddressInfo).port}`, server }
  }
}

/** Reads a request body in full. */
export async function readRequestBody(req: IncomingMessage): Promise<string> {
  const chunks: Buffer[] = []
  for await (const chunk of req) chunks.push(chunk as Buffer)
  return Buffer.concat(chunks).toString('utf8')
}

/** The global fetch, recording every Authorization header and request body it sends. */
export function recordingFetch(): { fetch: typeof fetch; authorizations: string[]; bodies: string[]; tokens: () => string[] } {
  const authorizations: string[] = []
  const bodies: string[] = []
  return {
    authorizations,
    bodies,
    tokens: () => authorizations.map((value) => value.replace(/^Bearer /, '')),
    fetch: (input, init) => {
      const headers = new Headers(init?.headers)
      const authorization = headers.get('authorization')
      if (authorization) authorizations.push(authorization)
      if (typeof init?.body === 'string') bodies.push(init.body)
      return globalThis.fetch(input, init)
    },
  }
}

/** A response shaped like what `sendHttpRequest` returns, for the parser tests. */
export function httpResponse(status: number, body: string | Uint8Array, contentType: string | null = 'application/json') {
  return { status, contentType, body: typeof body === 'string' ? new TextEncoder().encode(body) : body }
}
