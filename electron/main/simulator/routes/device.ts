/** `GET /v1/operator/devices/{device_id}`: one charger with its connectors; 404/3001 when unknown. */
import { type Reply, failure, success } from '../envelope'
import { deviceView } from '../device-view'
import { findDevice } from '../fleet'
import type { RouteContext } from './route'

/** Returns the charger's details at the simulator's current time. */
export function deviceRoute(context: RouteContext): Reply {
  const deviceId = context.params[0] ?? ''
  const device = findDevice(deviceId)
  if (!device) return failure(3001, { device_id: deviceId }, 'Device not found')
  return success(deviceView(context.state.connectors.current(device), context.state.env, context.state.now()))
}
