/**
 * Cost of the API client per device fetch, against a raw `fetch` of the same URL, on loopback
 * against the simulator. The client does pacing, token lookup, timeouts, a streamed size-capped
 * body read, envelope parsing and zod validation; the raw fetch only reads and JSON-parses.
 * Limits are lifted on both sides (the simulator's 60 reads/min would otherwise pace the loop).
 */
import { startSimulator } from '@main/simulator/index'
import { PacerRegistry } from '@main/tellus/pacer'
import { TellusClient } from '@main/tellus/tellus-client'
import { median, percentile, timeRuns, type BenchFigure } from './bench-types'

const RUNS = 300

export default async function clientBench(): Promise<BenchFigure[]> {
  const sim = await startSimulator({ readsPerMinute: 1_000_000, tokenRequestsPerMinute: 1_000 })
  try {
    const deviceId = sim.deviceIds[0]!
    const url = `${sim.baseUrl}/operator/devices/${deviceId}`
    const tokenResponse = await fetch(`${sim.baseUrl}/operator/oauth/token`, {
      method: 'POST',
      headers: { 'content-type': 'application/json' },
      body: JSON.stringify({ client_id: sim.credentials.clientId, client_secret: sim.credentials.clientSecret, grant_type: 'client_credentials' }),
    })
    const { access_token: token } = (await tokenResponse.json()) as { access_token: string }
    const client = new TellusClient({
      baseUrl: sim.baseUrl,
      ...sim.credentials,
      pacer: { readsPerMinute: 1_000_000, tokenRequestsPerMinute: 1_000, registry: new PacerRegistry() },
    })
    const rawFetch = async () => {
      const response = await fetch(url, { headers: { accept: 'application/json', authorization: `Bearer ${token}` } })
      JSON.parse(await response.text())
    }
    const clientFetch = async () => {
      const result = await client.getDevice(deviceId)
      if (!result.ok) throw new Error(result.error.message)
    }
    // Interleave the two in blocks so that drift (GC, JIT, CPU frequency) hits both alike.
    const raw: number[] = []
    const viaClient: number[] = []
    for (let block = 0; block < 6; block++) {
      raw.push(...(await timeRuns(rawFetch, RUNS / 6, block === 0 ? 20 : 2)))
      viaClient.push(...(await timeRuns(clientFetch, RUNS / 6, block === 0 ? 20 : 2)))
    }
    const rawMedian = median(raw)
    const clientMedian = median(viaClient)
    const note = `${RUNS} runs, loopback, simulator`
    return [
      { name: 'device fetch, raw fetch + JSON.parse, median', value: rawMedian, unit: 'ms', note },
      { name: 'device fetch, TellusClient.getDevice, median', value: clientMedian, unit: 'ms', note },
      { name: 'device fetch, raw fetch, p95', value: percentile(raw, 95), unit: 'ms', note },
      { name: 'device fetch, TellusClient.getDevice, p95', value: percentile(viaClient, 95), unit: 'ms', note },
      { name: 'client overhead per fetch (median difference)', value: clientMedian - rawMedian, unit: 'ms', note },
      { name: 'client / raw ratio (medians)', value: clientMedian / rawMedian, unit: 'x', note },
    ]
  } finally {
    await sim.close()
  }
}
