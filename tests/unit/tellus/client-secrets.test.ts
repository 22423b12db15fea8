/**
 * The client secret and the access token never leave the client: not in results (success or any
 * error path), not in excerpts (even when a server echoes them back), not in log lines, not in the
 * client object itself.
 */
import { describe, expect, it } from 'vitest'
import type { Result } from '@common/errors'
import { createMemoryLogger } from '@main/logger'
import type { Fault } from '@main/simulator/index'
import { TellusClient } from '@main/tellus/tellus-client'
import { readRequestBody, recordingFetch, useServers, useSimulators } from './support'
import { asDeviceId } from '../../support/device-ids'

const startSimulator = useSimulators()
const startServer = useServers()

function expectNoSecrets(haystack: string, secrets: string[]): void {
  expect(secrets.length).toBeGreaterThan(0)
  for (const secret of secrets) {
    expect(secret.length).toBeGreaterThan(8)
    expect(haystack).not.toContain(secret)
  }
}

describe('secrets stay inside the client', () => {
  it('across every error path against the simulator', async () => {
    const { sim, clientOptions } = await startSimulator()
    const wire = recordingFetch()
    const logger = createMemoryLogger()
    const options = clientOptions({ fetch: wire.fetch, logger, timeouts: { headersMs: 300, totalMs: 600 }, retry: { maxAttempts: 2 } })
    const client = new TellusClient(options)
    const id = sim.deviceIds[0]!
    const results: Result<unknown>[] = []
    const run = async (call: () => Promise<Result<unknown>>) => results.push(await call())

    await run(() => client.getDevice(id))
    await run(() => client.listSites())
    await run(() => client.listChargingRecords({ deviceId: id, size: 3 }))
    const faults: Fault[] = [
      { kind: 'rate-limit', count: 5, retryAfterSeconds: 1 },
      { kind: 'server-error', count: 5 },
      { kind: 'connection-reset', count: 5 },
      { kind: 'truncated-json', count: 1 },
      { kind: 'captive-portal', count: 1 },
      { kind: 'wrong-content-type', count: 1 },
      { kind: 'hang', count: 1 },
      { kind: 'hang-before-headers', count: 1 },
      { kind: 'latency', ms: 1000 },
    ]
    for (const fault of faults) {
      sim.control.setFault(id, fault)
      await run(() => client.getDevice(id))
      sim.control.clearFaults()
    }
    // The same faults on the token endpoint, where the secret travels.
    for (const fault of faults) {
      client.signOut()
      sim.control.setFault('*', fault)
      await run(() => client.getDevice(id))
      sim.control.clearFaults()
    }
    sim.control.expireAllTokens()
    await run(() => client.getDevice(id))
    sim.control.revokeAllTokens()
    await run(() => client.getDevice(id))
    await run(() => client.getDevice(asDeviceId('dvc_000000000000')))
    await run(() => client.getDevice(asDeviceId(sim.credentials.clientSecret)))
    await run(() => client.listChargingRecords({ deviceId: id, page: 1_000_000_000_000 }))
    await run(() => client.getDevice(id, { signal: AbortSignal.abort() }))
    await run(() => client.verifyCredentials())
    const wrong = new TellusClient({ ...options, clientSecret: 'wrong-secret-value-123' })
    await run(() => wrong.getDevice(id))
    sim.control.addClient('no_read_client', 'no-read-secret-456', ['write'])
    await run(() => new TellusClient({ ...options, clientId: 'no_read_client', clientSecret: 'no-read-secret-456' }).getDevice(id))

    expect(results.filter((r) => !r.ok).length).toBeGreaterThan(15)
    const everything = [JSON.stringify(results), JSON.stringify(client), String(client), logger.lines.join('\n')].join('\n')
    expectNoSecrets(everything, [sim.credentials.clientSecret, 'wrong-secret-value-123', 'no-read-secret-456', ...new Set(wire.tokens())])
    expect(logger.lines.length).toBeGreaterThan(10)
    // Nor did the secret travel in any URL (where proxies and servers log it).
    expectNoSecrets(JSON.stringify(sim.control.requests()), [sim.credentials.clientSecret])
  })

  it('redacts a server that echoes the secret and the token back into its answers', async () => {
    const token = 'eyJhbGciOiJIUzI1NiJ9.echo-test-token.signature-part'
    const secret = 'echoed-client-secret-789'
    let mode = 0
    const { url } = await startServer(async (req, res) => {
      const body = await readRequestBody(req)
      if (req.method === 'POST') {
        if (mode === 0) {
          res.writeHead(200, { 'content-type': 'text/html' })
          return res.end(`<html><body>Login required. You sent: ${body}</body></html>`)
        }
        res.writeHead(200, { 'content-type': 'application/json' })
        return res.end(JSON.stringify({ access_token: token, token_type: 'Bearer', expires_in: 86400 }))
      }
      const auth = req.headers.authorization ?? ''
      const echoes = [
        () => [500, 'application/json', JSON.stringify({ code: 9001, message: `failed for ${auth}`, details: { field: token, auth } })],
        () => [400, 'application/json', JSON.stringify({ code: 1001, message: 'bad', details: { field: token } })],
        () => [200, 'text/plain', `you are ${auth} with ${token}`],
        () => [418, 'application/json', JSON.stringify({ code: 4242, message: token, data: { token, secret } })],
        () => [200, 'application/json', `{"code":0,"data":{"device_id":"${token}`],
      ]
      const [status, type, text] = echoes[(mode - 1) % echoes.length]!()
      res.writeHead(status as number, { 'content-type': type as string })
      res.end(text)
    })
    const logger = createMemoryLogger()
    const client = new TellusClient({
      baseUrl: `${url}/v1`,
      clientId: 'echo_client',
      clientSecret: secret,
      retry: { maxAttempts: 1 },
      logger,
    })
    const results: Result<unknown>[] = [await client.verifyCredentials()]
    expect(results[0]).toMatchObject({ ok: false, error: { kind: 'invalid-response' } })
    for (mode = 1; mode <= 5; mode++) results.push(await client.getDevice(asDeviceId('dvc_1')))
    expect(results.every((r) => !r.ok)).toBe(true)
    expect(results.some((r) => !r.ok && (r.error.excerpt ?? '').includes('[redacted]'))).toBe(true)
    expectNoSecrets([JSON.stringify(results), JSON.stringify(client), logger.lines.join('\n')].join('\n'), [secret, token, 'echo-test-token'])
  })
})
