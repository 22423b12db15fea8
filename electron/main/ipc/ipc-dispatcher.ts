/**
 * The one gate every IPC request passes through, under Electron and in the browser shell alike:
 * it refuses unknown channels and untrusted senders, validates the argument against the
 * contract's schema, runs the handler, and turns anything thrown into a plain `AppError`. Each
 * refusal is logged with its reason (never with the argument, which may hold a secret).
 */
import { appError, fail, type Result } from '@common/errors'
import { ARG_SCHEMAS, type ValidArgsOf } from '@common/ipc/contract-schemas'
import { CHANNELS, type ApiMethod, type ResultOf } from '@common/ipc/contract'
import type { SenderInfo } from '../security/trusted-sender'
import type { Logger } from '../logger'

/** A handler for one method: takes the validated argument (`ValidArgsOf`), returns a Result. */
export type Handler<M extends ApiMethod> = (args: ValidArgsOf<M>) => Promise<Result<ResultOf<M>>>
export type HandlerMap = { [M in ApiMethod]: Handler<M> }

export type Dispatch = (channel: string, rawArgs: unknown, sender: SenderInfo) => Promise<Result<unknown>>

const METHOD_BY_CHANNEL = new Map<string, ApiMethod>(
  (Object.entries(CHANNELS) as Array<[ApiMethod, string]>).map(([method, channel]) => [channel, method]),
)

/** Creates the dispatcher over a complete handler map. */
export function createIpcDispatcher(options: {
  handlers: HandlerMap
  isTrustedSender: (sender: SenderInfo) => boolean
  logger: Logger
}): Dispatch {
  const { handlers, isTrustedSender, logger } = options
  return async (channel, rawArgs, sender) => {
    const method = METHOD_BY_CHANNEL.get(channel)
    if (!method) {
      logger.warn(`ipc: refused unknown channel "${channel}"`)
      return fail(appError('invalid-input', `Unknown request "${channel}".`))
    }
    if (!isTrustedSender(sender)) {
      logger.warn(`ipc: refused "${channel}" from untrusted sender ${sender.url || '(unknown)'}${sender.isMainFrame ? '' : ' (sub-frame)'}`)
      return fail(appError('invalid-input', 'Refused: this request did not come from the Tellus Field window.'))
    }
    const parsed = ARG_SCHEMAS[method].safeParse(rawArgs)
    if (!parsed.success) {
      const detail = parsed.error.issues
        .slice(0, 3)
        .map((issue) => (issue.path.length ? `${issue.path.join('.')}: ${issue.message}` : issue.message))
        .join('; ')
      logger.warn(`ipc: refused "${channel}": invalid argument (${detail})`)
      return fail(appError('invalid-input', `Invalid request to "${channel}": ${detail}`))
    }
    try {
      const handler = handlers[method] as (args: unknown) => Promise<Result<unknown>>
      return await handler(parsed.data)
    } catch (error) {
      logger.error(`ipc: "${channel}" failed unexpectedly: ${error instanceof Error ? error.message : String(error)}`)
      return fail(appError('internal', 'Something went wrong inside Tellus Field.', { action: 'Try again; if it keeps happening, restart the app and report it.' }))
    }
  }
}
