/** The `SimulatorControl` a test (or the /__sim endpoint) uses to steer a running simulator. */
import type { SimulatorState } from './state'
import type { TelemetryStream } from './stream'
import type { SimulatorControl } from './types'

/** Builds the control over a simulator's state and (once the server exists) its telemetry stream. */
export function createControl(state: SimulatorState, stream: () => Pick<TelemetryStream, 'applyFault'>): SimulatorControl {
  return {
    addClient: (clientId, clientSecret, scopes) => state.clients.add(clientId, clientSecret, scopes),
    setFault: (target, fault) => state.faults.set(target, fault),
    clearFaults: () => state.faults.clear(),
    expireAllTokens: () => state.tokens.expireAll(),
    revokeAllTokens: () => state.tokens.revokeAll(),
    setTokenTtl: (seconds) => state.tokens.setTtl(seconds),
    requests: () => state.log.list(),
    resetRequestLog: () => state.log.reset(),
    tokenRequestCount: () => state.log.tokenRequestCount(),
    setConnectorState: (deviceId, connectorId, action) => void state.connectors.apply(deviceId, connectorId, action),
    streamFault: (kind, deviceId) => stream().applyFault(kind, deviceId),
  }
}
