/**
 * What the technician sees when the app cannot start (userData not writable, a service that
 * throws): a native error dialog with the reason and where the log file is, then a clean exit.
 * Electron's dialog and exit are passed in, so this runs in Node tests.
 */
import type { Logger } from './logger'

/** The dialog's title and text for a startup failure. */
export function describeStartupFailure(error: unknown, logFilePath: string): { title: string; content: string } {
  const reason = error instanceof Error ? error.message : String(error)
  return {
    title: 'Tellus Field could not start',
    content: [
      `Reason: ${reason}`,
      '',
      `The log file is at ${logFilePath}`,
      'Check that this folder is writable and there is free disk space, then start Tellus Field again. If it keeps happening, send the log file to support.',
    ].join('\n'),
  }
}

/** Logs the failure, shows the dialog, runs `cleanUp` (best effort) and exits with code 1. */
export async function reportStartupFailure(
  error: unknown,
  options: { logger: Logger; logFilePath: string; showErrorBox: (title: string, content: string) => void; cleanUp: () => Promise<void>; exit: (code: number) => void },
): Promise<void> {
  const stack = error instanceof Error && error.stack ? ` ${error.stack}` : ''
  options.logger.error(`startup failed: ${String(error)}${stack}`)
  const { title, content } = describeStartupFailure(error, options.logFilePath)
  options.showErrorBox(title, content)
  await options.cleanUp().catch((cleanUpError: unknown) => options.logger.warn(`clean-up after the failed start: ${String(cleanUpError)}`))
  options.exit(1)
}
