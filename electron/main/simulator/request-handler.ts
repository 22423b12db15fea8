/**
 * The HTTP request pipeline: log → faults → route → auth, scope and read rate limit → handler →
 * reply (or the fault's mangled version of it). Control requests under /__sim skip all of that but
 * are refused unless they come from loopback; without a control surface (the app's demo fleet)
 * /__sim is an unknown path like any other (404). Nothing a client does can throw out of here.
 */
import type { IncomingMessage, ServerResponse } from 'node:http'
import { authenticateReader, bearerToken } from './auth'
import { type Reply, failure, invalidParameter, tooManyRequests } from './envelope'
import { respondWithFault, runFaults, sendReply } from './fault-responses'
import { EVERY_REQUEST } from './faults'
import { BodyTooLargeError, readBody } from './request-body'
import { HttpSink } from './response-sink'
import { type SimulatorInfo, controlRoute, isControlPath } from './routes/control'
import { type RouteMatch, matchRoute } from './routes/index'
import type { RouteContext } from './routes/route'
import type { SimulatorState } from './state'
import type { RequestLogEntry, SimulatorControl } from './types'

/** The control endpoint's collaborators: what it steers and what `GET /__sim` describes. */
export interface ControlSurface {
  control: SimulatorControl
  info: () => SimulatorInfo
}

/** Whether a remote address is the local machine. */
export function isLoopbackAddress(address: string | undefined): boolean {
  return !!address && (address.startsWith('127.') || address === '::1' || address.startsWith('::ffff:127.'))
}

/** Parses a request target into a URL (a malformed one becomes '/'). */
export function requestUrl(rawUrl: string | undefined): URL {
  try {
    return new URL(rawUrl ?? '/', 'http://simulator.invalid')
  } catch {
    return new URL('/', 'http://simulator.invalid')
  }
}

/** The device ids (most specific first) whose faults apply to a request. */
export function faultTargets(match: RouteMatch | undefined): string[] {
  const device = match?.route.faultTarget?.(match.params)
  return device ? [device, EVERY_REQUEST] : [EVERY_REQUEST]
}

async function routeReply(state: SimulatorState, match: RouteMatch | undefined, req: IncomingMessage, url: URL, entry: RequestLogEntry): Promise<Reply> {
  if (!match) return failure(3001, undefined, 'route not found')
  const context: RouteContext = {
    state,
    url,
    params: match.params,
    headers: req.headers,
    readBody: () => readBody(req),
    identify: (clientId) => {
      entry.clientId = clientId
    },
  }
  if (match.route.access === 'read') {
    const auth = authenticateReader(state.tokens, bearerToken(req.headers.authorization))
    if (auth.principal) entry.clientId = auth.principal.clientId
    if (!auth.ok) return auth.reply
    const limit = state.readLimiter.take(auth.principal.clientId)
    if (!limit.allowed) return tooManyRequests(limit.retryAfterSeconds)
    context.principal = auth.principal
  }
  try {
    return await match.route.handle(context)
  } catch (error) {
    if (error instanceof BodyTooLargeError) return invalidParameter('body', null, error.message)
    return failure(9001)
  }
}

async function handleApiRequest(state: SimulatorState, req: IncomingMessage, res: ServerResponse, url: URL): Promise<void> {
  const entry = state.log.add(req.method ?? 'GET', req.url ?? '/', state.now())
  const sink = new HttpSink(req, res, (status) => {
    entry.status = status
  })
  const match = matchRoute(req.method ?? 'GET', url.pathname)
  const outcome = await runFaults(state.faults, state.delays, faultTargets(match), sink)
  if (outcome.handled) return
  const reply = await routeReply(state, match, req, url, entry)
  if (outcome.mangle) respondWithFault(sink, outcome.mangle, reply)
  else sendReply(sink, reply)
}

async function handleControlRequest(req: IncomingMessage, res: ServerResponse, url: URL, { control, info }: ControlSurface): Promise<void> {
  const sink = new HttpSink(req, res, () => undefined)
  if (!isLoopbackAddress(req.socket.remoteAddress)) {
    sendReply(sink, failure(2003, undefined, 'the control endpoint is loopback-only'))
    return
  }
  let reply: Reply
  try {
    const body = req.method === 'POST' ? await readBody(req) : ''
    reply = controlRoute(req.method ?? 'GET', url.pathname, body, control, info)
  } catch (error) {
    reply = failure(1001, undefined, error instanceof Error ? error.message : 'invalid control request')
  }
  sendReply(sink, reply)
}

/** The server's `request` listener; `controlSurface` null serves no /__sim endpoint. */
export function createRequestHandler(state: SimulatorState, controlSurface: ControlSurface | null) {
  return (req: IncomingMessage, res: ServerResponse): void => {
    req.on('error', () => undefined)
    res.on('error', () => undefined)
    const url = requestUrl(req.url)
    const handling = controlSurface && isControlPath(url.pathname)
      ? handleControlRequest(req, res, url, controlSurface)
      : handleApiRequest(state, req, res, url)
    handling.catch(() => {
      if (!res.headersSent && !res.destroyed) sendReply(new HttpSink(req, res, () => undefined), failure(9001))
    })
  }
}
