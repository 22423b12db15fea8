/** Helpers for the simulator tests: a fake clock, started simulators closed after each test, HTTP calls. */
import { afterEach } from 'vitest'
import { type SimulatorHandle, type SimulatorOptions, startSimulator } from '@main/simulator/index'

/** A clock the test moves by hand. */
export interface FakeClock {
  now: () => number
  advance(ms: number): void
}

/** A fake clock starting at a fixed instant. */
export function fakeClock(start = Date.parse('2026-05-01T10:00:00Z')): FakeClock {
  let current = start
  return {
    now: () => current,
    advance: (ms) => {
      current += ms
    },
  }
}

/** A simulator started for a test, with its clock. */
export interface TestSimulator {
  sim: SimulatorHandle
  clock: FakeClock
}

/** Registers an afterEach that closes every simulator the returned function started. */
export function useSimulators(): (options?: SimulatorOptions) => Promise<TestSimulator> {
  const running: SimulatorHandle[] = []
  afterEach(async () => {
    await Promise.all(running.splice(0).map((sim) => sim.close()))
  })
  return async (options = {}) => {
    const clock = fakeClock()
    const sim = await startSimulator({ now: clock.now, ...options })
    running.push(sim)
    return { sim, clock }
  }
}

/** An HTTP response read in full. */
export interface ReadResponse {
  status: number
  contentType: string
  text: string
  json: unknown
  headers: Headers
}

async function read(response: Response): Promise<ReadResponse> {
  const text = await response.text()
  let json: unknown
  try {
    json = JSON.parse(text)
  } catch {
    json = undefined
  }
  return { status: response.status, contentType: response.headers.get('content-type') ?? '', text, json, headers: response.headers }
}

/** POSTs a token request with the given JSON body. */
export async function postToken(sim: SimulatorHandle, body: unknown): Promise<ReadResponse> {
  return read(
    await fetch(`${sim.baseUrl}/operator/oauth/token`, {
      method: 'POST',
      headers: { 'content-type': 'application/json' },
      body: typeof body === 'string' ? body : JSON.stringify(body),
    }),
  )
}

/** A fresh access token for a client (the demo client by default). */
export async function issueToken(sim: SimulatorHandle, clientId = sim.credentials.clientId, clientSecret = sim.credentials.clientSecret): Promise<string> {
  const response = await postToken(sim, { client_id: clientId, client_secret: clientSecret, grant_type: 'client_credentials' })
  if (response.status !== 200) throw new Error(`token request failed: ${response.status} ${response.text}`)
  return (response.json as { access_token: string }).access_token
}

/** GETs `path` (relative to the base URL, e.g. '/operator/sites'), with a bearer token when given. */
export async function get(sim: SimulatorHandle, path: string, token?: string): Promise<ReadResponse> {
  return read(await fetch(`${sim.baseUrl}${path}`, { headers: token ? { authorization: `Bearer ${token}` } : {} }))
}

/** The `data` of a success envelope (throws otherwise). */
export function dataOf<T>(response: ReadResponse): T {
  const body = response.json as { code?: number; data?: T }
  if (response.status !== 200 || body?.code !== 0) throw new Error(`expected success, got ${response.status} ${response.text}`)
  return body.data as T
}

/** Asserts nothing; resolves after `ms` real milliseconds (to let a request sit on a hang). */
export function pause(ms: number): Promise<void> {
  return new Promise((resolve) => setTimeout(resolve, ms))
}
