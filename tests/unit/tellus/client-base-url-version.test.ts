/** A base URL without /v1 (a common slip when copying it) is answered with a hint, not "Not found (3001)". */
import { describe, expect, it } from 'vitest'
import { TellusClient } from '@main/tellus/tellus-client'
import { useSimulators } from './support'
import { asDeviceId } from '../../support/device-ids'

const startSimulator = useSimulators()

describe('TellusClient with a base URL that lacks /v1', () => {
  it.each([
    ['sign-in', (client: TellusClient) => client.verifyCredentials()],
    ['device lookup', (client: TellusClient, deviceId: string) => client.getDevice(asDeviceId(deviceId))],
  ] as const)('%s says the base URL needs /v1 and shows the fixed URL', async (_name, call) => {
    const { sim, clientOptions } = await startSimulator()
    const withoutVersion = sim.baseUrl.replace(/\/v1$/, '')
    const client = new TellusClient(clientOptions({ baseUrl: withoutVersion }))
    const result = await call(client, sim.deviceIds[0]!)
    expect(result.ok).toBe(false)
    if (result.ok) return
    expect(result.error.code).toBeUndefined()
    expect(result.error.message).toContain(`${withoutVersion} has no /v1 at the end`)
    expect(result.error.action).toContain(`${withoutVersion}/v1`)
  })

  it('a 3001 under a base URL with /v1 stays "not found" for the device', async () => {
    const { clientOptions } = await startSimulator()
    const result = await new TellusClient(clientOptions()).getDevice(asDeviceId('dvc_000000000000'))
    expect(!result.ok && result.error.code).toBe(3001)
  })
})
