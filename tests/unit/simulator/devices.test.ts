import { describe, expect, it } from 'vitest'
import { ErrorEnvelopeSchema } from './v13-schemas'
import { dataOf, get, issueToken, useSimulators } from './support'

const start = useSimulators()

describe('GET /v1/operator/devices/{device_id}', () => {
  it('returns the device with its connectors', async () => {
    const { sim } = await start()
    const device = dataOf<Record<string, unknown>>(await get(sim, '/operator/devices/dvc_a1b2c3d4e5f6', await issueToken(sim)))
    expect(device).toMatchObject({
      device_id: 'dvc_a1b2c3d4e5f6',
      model: 'AC-7kW-V2',
      manufacturer: 'Tellus Power',
      firmware_version: '2.1.0',
      status: 'online',
      site_id: 'site_002',
      connectors: [{ connector_id: 1, status: 'charging' }],
    })
  })

  it('serves every id in the handle', async () => {
    const { sim } = await start()
    const token = await issueToken(sim)
    for (const id of sim.deviceIds) {
      expect(dataOf<{ device_id: string }>(await get(sim, `/operator/devices/${id}`, token)).device_id).toBe(id)
    }
  })

  it.each(['dvc_000000000000', 'dvc_A1B2C3D4E5F6', 'dvc_%2F..%2Fsites', 'dvc_a1b2c3d4e5f6%20'])('answers 404/3001 for the unknown id %s', async (id) => {
    const { sim } = await start()
    const response = await get(sim, `/operator/devices/${id}`, await issueToken(sim))
    expect(response.status).toBe(404)
    expect(ErrorEnvelopeSchema.parse(response.json)).toMatchObject({ code: 3001, message: 'Device not found' })
  })

  it('answers 404/3001 for a path below a device (no such route)', async () => {
    const { sim } = await start()
    const response = await get(sim, '/operator/devices/dvc_a1b2c3d4e5f6/events', await issueToken(sim))
    expect(response.status).toBe(404)
    expect(ErrorEnvelopeSchema.parse(response.json).code).toBe(3001)
  })
})
