/**
 * Field-for-field conformance with v1.3: every response the simulator gives is checked against the
 * STRICT schemas in v13-schemas.ts. The one allowed deviation is the fleet's single connector in
 * `preparing` (a state the runbooks use but the ConnectorState enum lacks); it is asserted explicitly.
 */
import { describe, expect, it } from 'vitest'
import type { z } from 'zod'
import { connectStream, streamUrl, waitForFrames } from './stream-client'
import { dataOf, get, issueToken, postToken, useSimulators } from './support'
import {
  AccessTokenResponseSchema,
  ChargingRecordPageEnvelopeSchema,
  DeviceEnvelopeSchema,
  ErrorEnvelopeSchema,
  HTTP_STATUS_OF,
  SitePageEnvelopeSchema,
  TelemetryFrameSchema,
} from './v13-schemas'

const start = useSimulators()
const PREPARING_DEVICE = 'dvc_8b2e4d6f1a93'

/** The paths of every issue a strict parse reports. */
function issuePaths(schema: z.ZodType, value: unknown): string[] {
  const result = schema.safeParse(value)
  return result.success ? [] : result.error.issues.map((issue) => `${issue.path.join('.')}: ${issue.code}`)
}

describe('v1.3 conformance (strict schemas)', () => {
  it('token response', async () => {
    const { sim } = await start()
    const response = await postToken(sim, { client_id: sim.credentials.clientId, client_secret: sim.credentials.clientSecret, grant_type: 'client_credentials' })
    expect(issuePaths(AccessTokenResponseSchema, response.json)).toEqual([])
  })

  it('every site page', async () => {
    const { sim } = await start()
    const token = await issueToken(sim)
    for (const query of ['', '?status=active', '?status=inactive', '?page=2&size=1', '?page=5&size=100']) {
      expect(issuePaths(SitePageEnvelopeSchema, (await get(sim, `/operator/sites${query}`, token)).json)).toEqual([])
    }
  })

  it('every charging record', async () => {
    const { sim } = await start({ readsPerMinute: 1000 })
    const token = await issueToken(sim)
    let total = Infinity
    for (let page = 1; (page - 1) * 100 < total; page++) {
      const response = await get(sim, `/operator/charging-records?size=100&page=${page}`, token)
      expect(issuePaths(ChargingRecordPageEnvelopeSchema, response.json)).toEqual([])
      total = dataOf<{ total: number }>(response).total
    }
    expect(total).toBeGreaterThan(100)
  })

  it('every device, except exactly one connector in the undocumented preparing state', async () => {
    const { sim } = await start()
    const token = await issueToken(sim)
    const deviations: string[] = []
    for (const id of sim.deviceIds) {
      const json = (await get(sim, `/operator/devices/${id}`, token)).json
      deviations.push(...issuePaths(DeviceEnvelopeSchema, json).map((path) => `${id} ${path}`))
      const connectors = (json as { data: { connectors: Array<{ status: string }> } }).data.connectors
      connectors.forEach((connector, index) => {
        if (connector.status === 'preparing') expect(deviations).toContain(`${id} data.connectors.${index}.status: invalid_value`)
      })
    }
    expect(deviations).toEqual([`${PREPARING_DEVICE} data.connectors.0.status: invalid_value`])
  })

  it('every telemetry frame, except exactly the preparing connector', async () => {
    const { sim } = await start({ streamIntervalMs: 20 })
    const stream = await connectStream(streamUrl(sim.baseUrl, `devices=${sim.deviceIds.join(',')}&token=${await issueToken(sim)}`))
    if (!stream.ok) throw new Error('stream refused')
    await waitForFrames(stream.frames, sim.deviceIds.length * 2)
    const deviations = new Set(stream.frames.flatMap((frame) => issuePaths(TelemetryFrameSchema, frame).map((path) => `${frame.device_id} ${path}`)))
    expect([...deviations]).toEqual([`${PREPARING_DEVICE} connectors.0.state: invalid_value`])
  })

  it('every error code the simulator produces, with the documented HTTP status', async () => {
    const { sim, clock } = await start({ readsPerMinute: 2, tokenTtlSeconds: 60 })
    sim.control.addClient('writer', 'w', ['write'])
    const base = { client_id: sim.credentials.clientId, client_secret: sim.credentials.clientSecret, grant_type: 'client_credentials' }
    const token = await issueToken(sim)
    const writer = await issueToken(sim, 'writer', 'w')
    const produced = [
      await get(sim, '/operator/sites?size=0', token), // 1001
      await postToken(sim, { client_id: 'x' }), // 1002
      await get(sim, '/operator/sites'), // 2001
      await get(sim, '/operator/sites', writer), // 2003
      await get(sim, '/operator/devices/dvc_000000000000', token), // 3001
      await get(sim, '/operator/sites', token), // 5001 (third read in the window)
    ]
    clock.advance(60_000)
    produced.push(await get(sim, '/operator/sites', token)) // 2002
    sim.control.setFault('*', { kind: 'server-error', count: 1 })
    produced.push(await postToken(sim, base)) // 9001
    const codes = produced.map((response) => {
      expect(issuePaths(ErrorEnvelopeSchema, response.json)).toEqual([])
      const { code } = ErrorEnvelopeSchema.parse(response.json)
      expect(response.status).toBe(HTTP_STATUS_OF[code])
      expect(response.contentType).toMatch(/^application\/json/)
      return code
    })
    expect(codes).toEqual([1001, 1002, 2001, 2003, 3001, 5001, 2002, 9001])
  })
})
