/** The simulator's API routes and how a request finds its route. */
import { type Reply, failure } from '../envelope'
import { TOKEN_PATH } from '../request-log'
import { chargingRecordsRoute } from './charging-records'
import { deviceRoute } from './device'
import type { Route } from './route'
import { sitesRoute } from './sites'
import { tokenRoute } from './token'

/** Path of the WebSocket telemetry stream. */
export const STREAM_PATH = '/v1/operator/stream'

function needsUpgrade(): Reply {
  return failure(1001, { field: 'Upgrade', value: null }, 'this endpoint needs a WebSocket upgrade')
}

/** Every route, in match order. */
export const ROUTES: readonly Route[] = [
  { method: 'POST', pattern: new RegExp(`^${TOKEN_PATH}$`), access: 'public', handle: tokenRoute },
  { method: 'GET', pattern: /^\/v1\/operator\/sites$/, access: 'read', handle: sitesRoute },
  {
    method: 'GET',
    pattern: /^\/v1\/operator\/devices\/([^/]+)$/,
    access: 'read',
    faultTarget: (params) => params[0] ?? '',
    handle: deviceRoute,
  },
  { method: 'GET', pattern: /^\/v1\/operator\/charging-records$/, access: 'read', handle: chargingRecordsRoute },
  { method: 'GET', pattern: new RegExp(`^${STREAM_PATH}$`), access: 'public', handle: needsUpgrade },
]

/** A matched route with its decoded parameters. */
export interface RouteMatch {
  route: Route
  params: string[]
}

/** Finds the route for a request; undefined means 404/3001. */
export function matchRoute(method: string, pathname: string): RouteMatch | undefined {
  for (const route of ROUTES) {
    if (route.method !== method) continue
    const match = route.pattern.exec(pathname)
    if (!match) continue
    try {
      return { route, params: match.slice(1).map((param) => decodeURIComponent(param)) }
    } catch {
      return undefined
    }
  }
  return undefined
}
