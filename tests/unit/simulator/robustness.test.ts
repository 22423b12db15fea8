import { connect } from 'node:net'
import { describe, expect, it } from 'vitest'
import { startSimulator } from '@main/simulator/index'
import { ErrorEnvelopeSchema } from './v13-schemas'
import { get, issueToken, pause, postToken, useSimulators } from './support'

const start = useSimulators()

/** Sends raw bytes and resolves with whatever comes back before the server closes the socket. */
function rawExchange(port: number, bytes: string): Promise<string> {
  return new Promise((resolve) => {
    const socket = connect(port, '127.0.0.1', () => socket.write(bytes))
    let received = ''
    socket.on('data', (chunk) => (received += chunk.toString('utf8')))
    socket.on('close', () => resolve(received))
    socket.on('error', () => resolve(received))
  })
}

describe('robustness', () => {
  it('survives clients that disconnect mid-request, mid-hang and mid-latency', async () => {
    const { sim } = await start()
    const token = await issueToken(sim)
    for (const fault of [{ kind: 'hang' as const }, { kind: 'hang-before-headers' as const }, { kind: 'latency' as const, ms: 50 }]) {
      sim.control.setFault('dvc_a1b2c3d4e5f6', fault)
      const abort = new AbortController()
      const pending = fetch(`${sim.baseUrl}/operator/devices/dvc_a1b2c3d4e5f6`, { headers: { authorization: `Bearer ${token}` }, signal: abort.signal })
        .then((response) => response.text())
        .catch(() => 'aborted')
      await pause(20)
      abort.abort()
      expect(await pending).toBe('aborted')
    }
    await pause(60)
    sim.control.clearFaults()
    expect((await get(sim, '/operator/devices/dvc_a1b2c3d4e5f6', token)).status).toBe(200)
  })

  it('answers malformed HTTP with 400 and keeps serving', async () => {
    const { sim } = await start()
    expect(await rawExchange(sim.port, 'THIS IS NOT HTTP\r\n\r\n')).toMatch(/^HTTP\/1\.1 400/)
    expect((await get(sim, '/operator/sites')).status).toBe(401)
  })

  it('refuses a token request body over 64 KiB with 400/1001', async () => {
    const { sim } = await start()
    const response = await postToken(sim, JSON.stringify({ client_id: 'x'.repeat(70_000), client_secret: 'y', grant_type: 'client_credentials' }))
    expect(response.status).toBe(400)
    expect(ErrorEnvelopeSchema.parse(response.json).code).toBe(1001)
  })

  it('answers 404/3001 for a device id that is not valid percent-encoding', async () => {
    const { sim } = await start()
    const token = await issueToken(sim)
    const response = await get(sim, '/operator/devices/%E0%A4%A', token)
    expect(response.status).toBe(404)
    expect(ErrorEnvelopeSchema.parse(response.json).code).toBe(3001)
  })

  it('close() resolves with hanging requests and streams open, and can be called twice', async () => {
    const sim = await startSimulator()
    const token = await issueToken(sim)
    sim.control.setFault('*', { kind: 'hang-before-headers' })
    const hanging = fetch(`${sim.baseUrl}/operator/sites`, { headers: { authorization: `Bearer ${token}` } }).catch((error: unknown) => error)
    await pause(50)
    await Promise.all([sim.close(), sim.close()])
    expect(await hanging).toBeInstanceOf(Error)
    await expect(fetch(`${sim.baseUrl}/operator/sites`)).rejects.toThrow()
  })

  it('refuses to start with out-of-range options', async () => {
    await expect(startSimulator({ tokenTtlSeconds: 0 })).rejects.toThrow()
    await expect(startSimulator({ readsPerMinute: 0 })).rejects.toThrow()
    await expect(startSimulator({ streamIntervalMs: 0 })).rejects.toThrow()
  })

  it('binds to the requested port and rejects when it is taken', async () => {
    const { sim } = await start()
    await expect(startSimulator({ port: sim.port })).rejects.toMatchObject({ code: 'EADDRINUSE' })
  })
})
