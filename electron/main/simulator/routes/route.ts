/** The shape of an API route of the simulator. */
import type { Reply } from '../envelope'
import type { SimulatorState } from '../state'
import type { TokenPrincipal } from '../tokens'

/** What a route handler gets. */
export interface RouteContext {
  state: SimulatorState
  url: URL
  /** Capture groups of the route's pattern, URI-decoded. */
  params: string[]
  headers: Record<string, string | string[] | undefined>
  /** The authenticated client (routes with `access: 'read'`). */
  principal?: TokenPrincipal
  /** The request body as text (at most 64 KiB; larger bodies reject). */
  readBody(): Promise<string>
  /** Records which client a public request came from (for the request log). */
  identify(clientId: string): void
}

/** One API route. */
export interface Route {
  method: 'GET' | 'POST'
  pattern: RegExp
  /** 'read': needs a valid token with the read scope and counts against the read rate limit. */
  access: 'public' | 'read'
  /** The device id a request is about, so device-targeted faults apply to it. */
  faultTarget?: (params: string[]) => string
  handle(context: RouteContext): Reply | Promise<Reply>
}
