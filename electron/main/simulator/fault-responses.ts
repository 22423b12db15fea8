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

/** Sends a reply as JSON. */
export function sendReply(sink: ResponseSink, reply: Reply): void {
  sink.send(reply.status, { ...reply.headers, 'content-type': JSON_CONTENT_TYPE }, JSON.stringify(reply.body))
}

/** True for faults that mangle the reply the request would have had (so it must be computed first). */
export function faultNeedsReply(fault: Fault): boolean {
  return fault.kind === 'truncated-json' || fault.kind === 'wrong-content-type' || fault.kind === 'hang'
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
