/**
 * The local Tellus Open Platform API v1.3 simulator (operator side): the token endpoint, sites,
 * device details, charging records and the WebSocket telemetry stream, over a deterministic fleet,
 * with injectable failures. Used by the app's "Demo fleet" profile, by `npm run sim` and by tests.
 */
import { DeviceIdSchema } from '@common/devices/device-id'
import { DEMO_CLIENT } from './clients'
import { createControl } from './control'
import { DEVICES } from './fleet'
import { SimulatorServer } from './http-server'
import { isOnline } from './readings'
import type { SimulatorInfo } from './routes/control'
import { createSimulatorState } from './state'
import { TelemetryStream } from './stream'
import type { SimulatorHandle, SimulatorOptions } from './types'

/** The public types (defined in types.ts). */
export type { ConnectorAction, Fault, RequestLogEntry, Scope, SimulatorControl, SimulatorHandle, SimulatorOptions, StreamFaultKind } from './types'

/** Formats a host for a URL (IPv6 in brackets; wildcard addresses become loopback). */
function urlHost(host: string): string {
  if (host === '0.0.0.0' || host === '::' || host === '') return '127.0.0.1'
  return host.includes(':') ? `[${host}]` : host
}

/** Starts a simulator; resolves once it listens. */
export async function startSimulator(options: SimulatorOptions = {}): Promise<SimulatorHandle> {
  const host = options.host ?? '127.0.0.1'
  const state = createSimulatorState(options)
  const stream = new TelemetryStream(state)
  const control = createControl(state, () => stream)
  let baseUrl = ''
  const info = (): SimulatorInfo => ({
    base_url: baseUrl,
    client_id: DEMO_CLIENT.clientId,
    client_secret: DEMO_CLIENT.clientSecret,
    devices: DEVICES.map((device) => ({
      device_id: device.deviceId,
      model: device.model,
      site_id: device.siteId,
      status: isOnline(device) ? 'online' : 'offline',
    })),
  })
  const server = new SimulatorServer(state, stream, options.controlEndpoint === true ? { control, info } : null)
  const port = await server.listen(options.port ?? 0, host)
  baseUrl = `http://${urlHost(host)}:${port}/v1`
  return {
    baseUrl,
    port,
    credentials: { clientId: DEMO_CLIENT.clientId, clientSecret: DEMO_CLIENT.clientSecret },
    deviceIds: DEVICES.map((device) => DeviceIdSchema.parse(device.deviceId)),
    control,
    close: () => server.close(),
  }
}
