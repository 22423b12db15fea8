import type { Result } from '../errors'
import type { TellusApi } from './contract'

/** How the exposed API reaches main: Electron's ipcRenderer in the preload, page bindings in the browser shell. */
export interface ApiTransport {
  invoke(channel: string, args: unknown): Promise<unknown>
  subscribe(event: string, listener: (payload: unknown) => void): () => void
}

/**
 * Builds the object exposed as `window.tellus` from the contract's channel map: one named function
 * per channel, plus `on(event, listener)`. Never exposes the transport itself.
 *
 * It must stay self-contained (no references to imports at runtime): the browser shell injects its
 * source text into the page so that the very same function builds the API there.
 */
export function buildTellusApi(
  channels: Record<string, string>,
  events: readonly string[],
  transport: ApiTransport,
): TellusApi {
  const api: Record<string, unknown> = {}
  for (const [method, channel] of Object.entries(channels)) {
    api[method] = async (args?: unknown): Promise<Result<unknown>> => {
      try {
        return (await transport.invoke(channel, args)) as Result<unknown>
      } catch (error) {
        // Transport failure (main crashed, channel missing): still a Result, never a throw.
        const message = error instanceof Error ? error.message : String(error)
        return { ok: false, error: { kind: 'internal', message: `The app could not reach its main process (${message}).`, action: 'Restart Tellus Field.' } }
      }
    }
  }
  api.on = (event: string, listener: (payload: unknown) => void) => {
    if (!events.includes(event)) throw new Error(`Unknown event: ${event}`)
    return transport.subscribe(event, listener)
  }
  return Object.freeze(api) as unknown as TellusApi
}
