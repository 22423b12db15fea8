/** Collaborators that misbehave (a throwing onWait, secret getter, logger or sleep) do not break a request. */
import { describe, expect, it } from 'vitest'
import { TellusClient } from '@main/tellus/tellus-client'
import { useSimulators } from './support'

const startSimulator = useSimulators()

describe('TellusClient with misbehaving collaborators', () => {
  it('a throwing onWait, logger and a rejecting sleep still give a result', async () => {
    const { sim, clientOptions } = await startSimulator()
    const client = new TellusClient(
      clientOptions({
        onWait: () => {
          throw new Error('UI gone')
        },
        sleep: async () => {
          throw new Error('timer broken')
        },
        logger: {
          info: () => {
            throw new Error('disk full')
          },
          warn: () => {
            throw new Error('disk full')
          },
          error: () => undefined,
        },
      }),
    )
    const id = sim.deviceIds[0]!
    sim.control.setFault(id, { kind: 'server-error', count: 1 })
    expect((await client.getDevice(id)).ok).toBe(true)
  })

  it('a secret getter that throws becomes a typed error', async () => {
    const { sim, clientOptions } = await startSimulator()
    const { clientSecret: _unused, ...options } = clientOptions()
    const client = new TellusClient({
      ...options,
      getClientSecret: () => Promise.reject(new Error('keychain exploded')),
    })
    const result = await client.getDevice(sim.deviceIds[0]!)
    expect(result).toMatchObject({ ok: false, error: { kind: 'internal', message: 'The client secret could not be read.' } })
    expect(JSON.stringify(result)).not.toContain('exploded')
    expect(sim.control.requests()).toEqual([])
  })
})
