/**
 * Issue 12 item 1: a stored client secret is only ever sent to the origin (scheme + host + port)
 * it was entered for. Moving a profile to another origin requires the secret to be entered again.
 * A second loopback server records every request it receives, so a leak cannot go unseen.
 */
import { createServer, type Server } from 'node:http'
import type { AddressInfo } from 'node:net'
import { afterAll, beforeAll, describe, expect, it } from 'vitest'
import type { ProfilesState } from '@common/profile-types'
import { startSimulator, type SimulatorHandle } from '@main/simulator/index'
import { createLeakApp, type LeakApp } from '../leak/leak-app'
import { unwrap } from '../../support/common-fixtures'

const CLIENT_ID = 'origin_canary_client'
const SECRET = 'sec-ORIGIN-CANARY-4b1d9e77c2a0'

/** A loopback HTTP server that answers 404 and keeps every request it received. */
async function startRecordingServer(): Promise<{ baseUrl: string; received: string[]; close(): Promise<void> }> {
  const received: string[] = []
  const server: Server = createServer((req, res) => {
    let body = ''
    req.on('data', (chunk: Buffer) => (body += chunk.toString('utf8')))
    req.on('end', () => {
      received.push(`${req.method} ${req.url} ${JSON.stringify(req.headers)} ${body}`)
      res.writeHead(404, { 'content-type': 'application/json' }).end('{"code":4001,"message":"nope","data":null}')
    })
  })
  await new Promise<void>((done) => server.listen(0, '127.0.0.1', done))
  const { port } = server.address() as AddressInfo
  return { baseUrl: `http://127.0.0.1:${port}/v1`, received, close: () => new Promise((done) => server.close(() => done())) }
}

describe('a stored secret never goes to a new origin', () => {
  let sim: SimulatorHandle
  let app: LeakApp
  let other: Awaited<ReturnType<typeof startRecordingServer>>
  let profileId: string

  beforeAll(async () => {
    sim = await startSimulator({ port: 0 })
    sim.control.addClient(CLIENT_ID, SECRET)
    other = await startRecordingServer()
    app = await createLeakApp()
    const state: ProfilesState = unwrap(await app.api.addProfile({ name: 'Origin depot', baseUrl: sim.baseUrl, clientId: CLIENT_ID, clientSecret: SECRET }))
    profileId = state.profiles.find((p) => p.name === 'Origin depot')!.id
  })

  afterAll(async () => {
    await app.dispose()
    await app.removeFolders()
    await other.close()
    await sim.close()
  })

  it('refuses a new origin without the secret, sends nothing there, and keeps the profile as it was', async () => {
    const result = await app.api.updateProfile({ id: profileId, baseUrl: other.baseUrl })
    expect(result).toMatchObject({
      ok: false,
      error: { kind: 'invalid-input', message: expect.stringContaining('different server'), action: expect.stringContaining('client secret') },
    })
    expect(other.received).toEqual([])
    const state = unwrap(await app.api.listProfiles())
    expect(state.profiles.find((p) => p.id === profileId)?.baseUrl).toBe(sim.baseUrl)
  })

  it('treats a changed port or scheme as a new origin too', async () => {
    const port = new URL(sim.baseUrl).port
    const otherPort = sim.baseUrl.replace(`:${port}`, `:${Number(port) === 65535 ? 65534 : Number(port) + 1}`)
    const viaLocalhost = sim.baseUrl.replace('127.0.0.1', 'localhost')
    for (const baseUrl of [otherPort, viaLocalhost]) {
      const result = await app.api.updateProfile({ id: profileId, baseUrl })
      expect(result).toMatchObject({ ok: false, error: { kind: 'invalid-input' } })
    }
    expect(other.received).toEqual([])
  })

  it('keeps the stored secret for a new path on the same origin', async () => {
    const result = await app.api.updateProfile({ id: profileId, baseUrl: `${sim.baseUrl}/` })
    expect(result.ok).toBe(true)
  })

  it('sends a secret to the new origin only when it was entered again for it', async () => {
    const result = await app.api.updateProfile({ id: profileId, baseUrl: other.baseUrl, clientSecret: 'sec-typed-for-the-new-server' })
    expect(result.ok).toBe(false)
    expect(other.received.length).toBeGreaterThan(0)
    expect(other.received.join('\n')).not.toContain(SECRET)
    expect(other.received.join('\n')).toContain('sec-typed-for-the-new-server')
  })
})
