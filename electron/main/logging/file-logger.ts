/**
 * The main process's log file: `<userData>/logs/main.log`, written with electron-log, rotated at
 * `maxBytes` into `main.1.log` … `main.<keep>.log` (oldest dropped). Every line is redacted before
 * it is written: known secrets (registered with `rememberSecret`) and anything credential-shaped
 * (`client_secret=…`, `"access_token": "…"`, `Bearer …`), and flattened to one line so a message
 * cannot forge log entries.
 */
import { renameSync, rmSync } from 'node:fs'
import { join, parse } from 'node:path'
import electronLog from 'electron-log/node'
import type { Logger } from '../logger'
import { createRedactor, oneLine } from '@common/redact'

/** The log file's name inside the logs folder. */
export const LOG_FILE_NAME = 'main.log'
/** Size at which the log rotates (1 MiB), and how many rotated files are kept. */
export const LOG_MAX_BYTES = 1024 * 1024
export const LOG_KEEP_ROTATED = 3

export interface FileLoggerOptions {
  /** The logs folder (created on first write). */
  dir: string
  maxBytes?: number
  keep?: number
  /** Also print each line on the console (the app; tests keep it quiet). */
  console?: boolean
}

/** A Logger that writes to the log file, and knows secrets to keep out of it. */
export interface FileLogger extends Logger {
  /** The log file's full path (for the startup error dialog and About). */
  readonly filePath: string
  /** Registers a secret value (a client secret, a token) that must never be written. */
  rememberSecret(value: string): void
}

let instances = 0

/** Creates the file logger; nothing is written until the first line. */
export function createFileLogger(options: FileLoggerOptions): FileLogger {
  const filePath = join(options.dir, LOG_FILE_NAME)
  const keep = options.keep ?? LOG_KEEP_ROTATED
  const secrets = new Set<string>()
  const redact = createRedactor(() => secrets)
  const log = electronLog.create({ logId: `tellus-main-${++instances}` })
  log.transports.file.resolvePathFn = () => filePath
  log.transports.file.maxSize = options.maxBytes ?? LOG_MAX_BYTES
  log.transports.file.format = '[{y}-{m}-{d} {h}:{i}:{s}.{ms}] [{level}]{scope} {text}'
  log.transports.file.archiveLogFn = (file) => rotate(file.toString(), keep)
  log.transports.console.level = options.console ? 'info' : false
  log.transports.console.format = '[{level}]{scope} {text}'
  const write = (level: 'info' | 'warn' | 'error') => (message: string) => log[level](oneLine(redact(message)))
  return {
    filePath,
    info: write('info'),
    warn: write('warn'),
    error: write('error'),
    rememberSecret: (value) => void (value !== '' && secrets.add(value)),
  }
}

/** Shifts main.log → main.1.log → … → main.<keep>.log, dropping the oldest. */
function rotate(path: string, keep: number): void {
  const { dir, name, ext } = parse(path)
  const numbered = (n: number) => join(dir, `${name}.${n}${ext}`)
  rmSync(numbered(keep), { force: true })
  for (let n = keep - 1; n >= 1; n--) {
    try {
      renameSync(numbered(n), numbered(n + 1))
    } catch {
      // That generation does not exist yet.
    }
  }
  renameSync(path, numbered(1))
}
