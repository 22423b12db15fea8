/** How each fault turns into what the client sees, and how normal replies are sent. */
import { assertNever } from '@common/errors'
import type { Delays } from './delays'
import { type Reply, failure, tooManyRequests } from './envelope'
import type { FaultRegistry } from './faults'
import type { ResponseSink } from './response-sink'
import type { Fault } from './types'

/** Content type of every JSON response. */
export const JSON_CONTENT_TYPE = 'application/json; charset=utf-8'

/** The page a captive portal (hotel / site guest Wi-Fi) serves instead of the API. */
export const CAPTIVE_PORTAL_HTML = `<!DOCTYPE html>
<html lang="en"><head><meta charset="utf-8"><title>Guest Wi-Fi - Sign in</title></head>
<body><h1>Welcome to Site Guest Wi-Fi</h1><p>Please accept the terms of use to continue.</p>
<form method="post" action="/login"><label>Room or badge number <input name="badge"></label>
<button type="submit">Connect</button></form></body></html>
`

/** The bare 500 page a proxy (nginx) sends when the API behind it fails. */
const SERVER_ERROR_HTML = '<html><head><title>500 Internal Server Error</title></head><body><center><h1>500 Internal Server Error</h1></center><hr><center>nginx</center></body></html>\n'

/** Nesting depth of the `deep-nesting` fault's extra field unless it names one (about 20 kB of JSON). */
export const DEEP_NESTING_DEFAULT_DEPTH = 10_000

/** What a CR/LF-broken access token carries after the real one (a header injection, as a hostile server sends). */
const BAD_TOKEN_TAIL = '\r\nX-Injected: 1'

const isRecord = (value: unknown): value is Record<string, unknown> => typeof value === 'object' && value !== null && !Array.isArray(value)

/**
 * The reply's JSON with a field `nested`, `depth` arrays deep, added to its `data` (to the body
 * itself when it has no object `data`). Built as text: serialising such a value would overflow the stack.
 */
export function deeplyNestedJson(body: unknown, depth: number): string {
  const marker = '__deep_nesting_marker__'
  const carrier = isRecord(body) && isRecord(body.data) ? { ...body, data: { ...body.data, [marker]: 0 } } : isRecord(body) ? { ...body, [marker]: 0 } : { value: body, [marker]: 0 }
  return JSON.stringify(carrier).replace(`"${marker}":0`, `"nested":${'['.repeat(depth)}${']'.repeat(depth)}`)
}

/** The reply with its `access_token` broken by a CR/LF; a reply without one is returned unchanged. */
function withBadToken(reply: Reply): Reply {
  const body = reply.body
  if (!isRecord(body) || typeof body.access_token !== 'string') return reply
  return { ...reply, body: { ...body, access_token: `${body.access_token}${BAD_TOKEN_TAIL}` } }
}

/** Sends a reply as JSON. */
export function sendReply(sink: ResponseSink, reply: Reply): void {
  sink.send(reply.status, { ...reply.headers, 'content-type': JSON_CONTENT_TYPE }, JSON.stringify(reply.body))
}

/** True for faults that mangle the reply the request would have had (so it must be computed first). */
export function faultNeedsReply(fault: Fault): boolean {
  return fault.kind === 'truncated-json' || fault.kind === 'wrong-content-type' || fault.kind === 'hang' || fault.kind === 'deep-nesting' || fault.kind === 'bad-token'
}

/** Responds with a fault's failure instead of (or made from) the normal `reply`. Latency is not handled here. */
export function respondWithFault(sink: ResponseSink, fault: Fault, reply: Reply = failure(9001)): void {
  const body = JSON.stringify(reply.body)
  switch (fault.kind) {
    case 'latency':
      sendReply(sink, reply)
      return
    case 'rate-limit':
      sendReply(sink, tooManyRequests(fault.retryAfterSeconds))
      return
    case 'server-error':
      if (fault.body === 'html') sink.send(500, { 'content-type': 'text/html' }, SERVER_ERROR_HTML)
      else if (fault.body === 'plain') sink.send(500, { 'content-type': 'text/plain' }, 'Internal Server Error')
      else sendReply(sink, failure(9001))
      return
    case 'connection-reset':
      sink.reset()
      return
    case 'captive-portal':
      sink.send(200, { 'content-type': 'text/html; charset=utf-8', 'cache-control': 'no-store' }, CAPTIVE_PORTAL_HTML)
      return
    case 'hang-before-headers':
      return
    case 'truncated-json':
      sink.send(200, { 'content-type': JSON_CONTENT_TYPE }, body.slice(0, Math.max(1, Math.floor(body.length / 2))))
      return
    case 'wrong-content-type':
      sink.send(reply.status, { 'content-type': 'text/plain; charset=utf-8' }, body)
      return
    case 'hang':
      sink.sendPartial(200, { 'content-type': JSON_CONTENT_TYPE }, body.slice(0, Math.max(1, Math.floor(body.length / 2))), Buffer.byteLength(body))
      return
    case 'deep-nesting':
      sink.send(reply.status, { ...reply.headers, 'content-type': JSON_CONTENT_TYPE }, deeplyNestedJson(reply.body, fault.depth ?? DEEP_NESTING_DEFAULT_DEPTH))
      return
    case 'bad-token':
      sendReply(sink, withBadToken(reply))
      return
    default:
      assertNever(fault, 'fault')
  }
}

/** What is left to do after the faults for a request ran. */
export type FaultOutcome = { handled: true } | { handled: false; mangle?: Fault }

/**
 * Takes the faults for `targets`: waits out latencies, then either answers with a terminal fault
 * (`handled`), or hands back a fault that needs the normal reply to mangle it.
 */
export async function runFaults(faults: FaultRegistry, delays: Delays, targets: string[], sink: ResponseSink): Promise<FaultOutcome> {
  for (const fault of faults.take(targets)) {
    if (fault.kind === 'latency') {
      if (fault.ms > 0) await delays.wait(fault.ms)
      if (sink.closed) return { handled: true }
      continue
    }
    if (faultNeedsReply(fault)) return { handled: false, mangle: fault }
    respondWithFault(sink, fault)
    return { handled: true }
  }
  return { handled: false }
}
