/**
 * The connector control: plays a test charge on a simulated charger. Each action overrides one
 * connector of the static fleet until `reset`; a started session begins at that instant, so power
 * ramps up from zero as it would when a technician plugs in a test vehicle.
 */
import type { ConnectorSpec, DeviceSpec, SessionSpec } from './fleet'
import { findDevice } from './fleet'
import { MODELS } from './models'
import type { ConnectorAction } from './types'

/** What a technician does at a connector (and `reset`: back to the fleet's own state). */
export const CONNECTOR_ACTIONS = ['plug-in', 'start', 'stop', 'fault', 'reset'] as const satisfies readonly ConnectorAction[]

/** The test vehicle: a mid-size battery at 35 %, charging at up to 7.36 kW AC or 50 kW DC. */
function testVehicle(device: DeviceSpec): SessionSpec {
  const model = MODELS[device.model]
  if (model.current === 'AC') return { batteryKwh: 60, socStart: 35, powerKw: Math.min(model.connectorMaxKw, 7.36) }
  return { batteryKwh: 60, socStart: 35, powerKw: Math.min(model.connectorMaxKw, 50), packVoltage: 400 }
}

const keyOf = (deviceId: string, connectorId: number) => `${deviceId}#${connectorId}`

/** Connector overrides set by the control, applied over the fleet. */
export class ConnectorControl {
  private readonly overrides = new Map<string, ConnectorSpec>()

  constructor(private readonly now: () => number) {}

  /** Applies an action; throws with a plain message for an unknown device or connector. */
  apply(deviceId: string, connectorId: number, action: ConnectorAction): ConnectorSpec {
    const device = findDevice(deviceId)
    if (!device) throw new Error(`No simulated charger ${deviceId}.`)
    const fleetConnector = device.connectors.find((connector) => connector.connectorId === connectorId)
    if (!fleetConnector) throw new Error(`${deviceId} has no connector ${connectorId}.`)
    const key = keyOf(deviceId, connectorId)
    if (action === 'reset') {
      this.overrides.delete(key)
      return fleetConnector
    }
    const current = this.overrides.get(key) ?? fleetConnector
    // A session that draws no power is a vehicle stuck in preparing: a restart plays the test vehicle.
    const session = current.session && current.session.powerKw > 0 ? current.session : testVehicle(device)
    const next: ConnectorSpec =
      action === 'plug-in'
        ? { connectorId, state: 'preparing', session }
        : action === 'start'
          ? { connectorId, state: 'charging', session, sessionStartedAt: this.now() }
          : { connectorId, state: action === 'stop' ? 'idle' : 'fault' }
    this.overrides.set(key, next)
    return next
  }

  /** The charger as it is now: the fleet's spec with any overridden connectors swapped in. */
  current(device: DeviceSpec): DeviceSpec {
    if (this.overrides.size === 0) return device
    return {
      ...device,
      connectors: device.connectors.map((connector) => this.overrides.get(keyOf(device.deviceId, connector.connectorId)) ?? connector),
    }
  }
}
