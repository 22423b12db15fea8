/** Minimal logger interface the main-process services log through. Never pass secrets or tokens to it. */
export interface Logger {
  info(message: string): void
  warn(message: string): void
  error(message: string): void
}

/** Logs to the console with a level prefix. */
export const consoleLogger: Logger = {
  info: (message) => console.info(`[info] ${message}`),
  warn: (message) => console.warn(`[warn] ${message}`),
  error: (message) => console.error(`[error] ${message}`),
}

/** Collects log lines in memory (tests, and the leak check). */
export function createMemoryLogger(): Logger & { lines: string[] } {
  const lines: string[] = []
  return {
    lines,
    info: (m) => lines.push(`info ${m}`),
    warn: (m) => lines.push(`warn ${m}`),
    error: (m) => lines.push(`error ${m}`),
  }
}
