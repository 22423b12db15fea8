/**
 * The loopback-only control endpoint under `/__sim`, so a simulator started with `npm run sim` can
 * be driven with curl. It is exempt from faults, rate limits and the request log.
 *
 *   GET  /__sim                     what is served (base URL, demo credentials, devices)
 *   GET  /__sim/requests            the request log
 *   POST /__sim/requests/reset      empty the request log
 *   POST /__sim/faults              {"target": "<device_id>|*", "fault": {"kind": ...} | null}
 *   POST /__sim/clear               clear every fault
 *   POST /__sim/tokens/expire       every issued token -> 401/2002
 *   POST /__sim/tokens/revoke       every issued token -> 401/2001
 *   POST /__sim/token-ttl           {"seconds": 120}
 *   POST /__sim/clients             {"client_id": "...", "client_secret": "...", "scopes": ["read"]}
 *   POST /__sim/connectors          {"device_id": "...", "connector_id": 1, "action": "plug-in|start|stop|fault|reset"}
 *   POST /__sim/stream-faults       {"kind": "drop|stall|malformed|expire", "device_id": "..." (optional)}
 */
import { z } from 'zod'
import { type Reply, failure, invalidParameter, success } from '../envelope'
import { CONNECTOR_ACTIONS } from '../connector-control'
import { FaultSchema } from '../faults'
import type { Fault, SimulatorControl } from '../types'

/** Path prefix of the control endpoint. */
export const CONTROL_PREFIX = '/__sim'

/** True for a path the control endpoint serves. */
export function isControlPath(pathname: string): boolean {
  return pathname === CONTROL_PREFIX || pathname.startsWith(`${CONTROL_PREFIX}/`)
}

/** What `GET /__sim` describes. */
export interface SimulatorInfo {
  base_url: string
  client_id: string
  client_secret: string
  devices: Array<{ device_id: string; model: string; site_id: string; status: string }>
}

const ConnectorRequestSchema = z.strictObject({
  device_id: z.string().min(1),
  connector_id: z.number().int().min(1),
  action: z.enum(CONNECTOR_ACTIONS),
})
const StreamFaultRequestSchema = z.strictObject({
  kind: z.enum(['drop', 'stall', 'malformed', 'expire']),
  device_id: z.string().min(1).optional(),
})
const FaultRequestSchema = z.strictObject({ target: z.string().min(1), fault: FaultSchema.nullable() })
const TtlRequestSchema = z.strictObject({ seconds: z.number().int().min(1) })
const ClientRequestSchema = z.strictObject({
  client_id: z.string().min(1),
  client_secret: z.string().min(1),
  scopes: z.array(z.enum(['read', 'write'])).optional(),
})

function parseJson<T>(schema: z.ZodType<T>, raw: string): { ok: true; value: T } | { ok: false; reply: Reply } {
  let parsed: unknown
  try {
    parsed = JSON.parse(raw === '' ? '{}' : raw)
  } catch {
    return { ok: false, reply: invalidParameter('body', null, 'request body must be JSON') }
  }
  const result = schema.safeParse(parsed)
  if (result.success) return { ok: true, value: result.data }
  return { ok: false, reply: failure(1001, { issues: result.error.issues.map((issue) => `${issue.path.join('.') || 'body'}: ${issue.message}`) }) }
}

/** Serves one control request. */
export function controlRoute(method: string, pathname: string, body: string, control: SimulatorControl, info: () => SimulatorInfo): Reply {
  const action = `${method} ${pathname.slice(CONTROL_PREFIX.length) || '/'}`
  switch (action) {
    case 'GET /':
      return success(info())
    case 'GET /requests':
      return success(control.requests())
    case 'POST /requests/reset':
      control.resetRequestLog()
      return success(null)
    case 'POST /faults': {
      const request = parseJson(FaultRequestSchema, body)
      if (!request.ok) return request.reply
      control.setFault(request.value.target, request.value.fault as Fault | null)
      return success({ target: request.value.target, fault: request.value.fault })
    }
    case 'POST /clear':
      control.clearFaults()
      return success(null)
    case 'POST /tokens/expire':
      control.expireAllTokens()
      return success(null)
    case 'POST /tokens/revoke':
      control.revokeAllTokens()
      return success(null)
    case 'POST /token-ttl': {
      const request = parseJson(TtlRequestSchema, body)
      if (!request.ok) return request.reply
      control.setTokenTtl(request.value.seconds)
      return success({ seconds: request.value.seconds })
    }
    case 'POST /clients': {
      const request = parseJson(ClientRequestSchema, body)
      if (!request.ok) return request.reply
      control.addClient(request.value.client_id, request.value.client_secret, request.value.scopes)
      return success({ client_id: request.value.client_id })
    }
    case 'POST /connectors': {
      const request = parseJson(ConnectorRequestSchema, body)
      if (!request.ok) return request.reply
      const { device_id: deviceId, connector_id: connectorId, action } = request.value
      try {
        control.setConnectorState(deviceId, connectorId, action)
      } catch (error) {
        return failure(3001, { device_id: deviceId, connector_id: connectorId }, error instanceof Error ? error.message : String(error))
      }
      return success({ device_id: deviceId, connector_id: connectorId, action })
    }
    case 'POST /stream-faults': {
      const request = parseJson(StreamFaultRequestSchema, body)
      if (!request.ok) return request.reply
      return success({ kind: request.value.kind, streams: control.streamFault(request.value.kind, request.value.device_id) })
    }
    default:
      return failure(3001, undefined, `no control action ${action}`)
  }
}
