/** Helpers for the stream client tests: a simulator, a real API client's stream access, recorded statuses. */
import { afterEach } from 'vitest'
import type { LiveFrame, StreamStatus, StreamStateName } from '@common/live/stream-status'
import { startSimulator, type SimulatorHandle } from '@main/simulator/index'
import type { StreamAccess } from '@main/tellus/stream/stream-access'
import { TelemetryStreamClient, type StreamClientOptions } from '@main/tellus/stream/telemetry-stream-client'
import { TellusClient } from '@main/tellus/tellus-client'

/** A stream client under test with everything it reported. */
export interface StreamHarness {
  sim: SimulatorHandle
  client: TelemetryStreamClient
  frames: LiveFrame[]
  statuses: StreamStatus[]
  /** Resolves once the status reaches `state` after `fromIndex` statuses; rejects after `timeoutMs`. */
  waitFor(state: StreamStateName, fromIndex?: number, timeoutMs?: number): Promise<StreamStatus>
  waitForFrames(count: number, timeoutMs?: number): Promise<void>
}

const cleanups: Array<() => Promise<void>> = []
afterEach(async () => {
  for (const cleanup of cleanups.splice(0)) await cleanup()
})

/** Starts a simulator (fast frames) and a stream client on a real API client for the demo credentials. */
export async function streamHarness(
  options: Partial<StreamClientOptions> = {},
  simulator: Parameters<typeof startSimulator>[0] = {},
  wrapAccess: (access: StreamAccess) => StreamAccess = (access) => access,
): Promise<StreamHarness> {
  const sim = await startSimulator({ streamIntervalMs: 20, ...simulator })
  const api = new TellusClient({ baseUrl: sim.baseUrl, ...sim.credentials })
  const access = api.streamAccess()
  if (!access.ok) throw new Error(access.error.message)
  const frames: LiveFrame[] = []
  const statuses: StreamStatus[] = []
  const client = new TelemetryStreamClient({
    access: wrapAccess(access.value),
    onFrame: (frame) => frames.push(frame),
    onStatus: (status) => statuses.push(status),
    backoff: { baseDelayMs: 20, maxDelayMs: 200, jitterRatio: 0.3 },
    ...options,
  })
  cleanups.push(async () => {
    client.stop('not-watching')
    await sim.close()
  })
  const until = async (done: () => boolean, what: string, timeoutMs: number) => {
    const deadline = Date.now() + timeoutMs
    while (!done()) {
      if (Date.now() > deadline) throw new Error(`timed out waiting for ${what}; states: ${statuses.map((s) => s.connection.state).join(' → ')}`)
      await new Promise((resolve) => setTimeout(resolve, 5))
    }
  }
  return {
    sim,
    client,
    frames,
    statuses,
    waitFor: async (state, fromIndex = 0, timeoutMs = 5000) => {
      await until(() => statuses.slice(fromIndex).some((s) => s.connection.state === state), state, timeoutMs)
      return statuses.slice(fromIndex).find((s) => s.connection.state === state)!
    },
    waitForFrames: (count, timeoutMs = 5000) => until(() => frames.length >= count, `${count} frames`, timeoutMs),
  }
}

/** The stream requests the simulator logged (path and status). */
export function streamRequests(sim: SimulatorHandle): Array<{ path: string; status: number }> {
  return sim.control
    .requests()
    .filter((entry) => entry.path.startsWith('/v1/operator/stream'))
    .map(({ path, status }) => ({ path, status }))
}
