/**
 * "Copy diagnostics" for support: the app and runtime versions, where its data and log live, the
 * keychain state, how many profiles exist (names and ids only, never credentials), the settings,
 * and the newest lines of the log file (already redacted when they were written). Plain text,
 * meant to be pasted into a support ticket.
 */
import { open } from 'node:fs/promises'
import type { AppInfo, Settings } from '@common/ipc/contract'
import type { ProfilesState } from '@common/profile-types'

/** How much of the log's end the report carries. */
export const DIAGNOSTICS_LOG_LINES = 80
const LOG_TAIL_BYTES = 64 * 1024

/** Everything the report is built from. */
export interface DiagnosticsInput {
  appInfo: AppInfo
  profiles: ProfilesState | null
  settings: Settings | null
  logFilePath: string
  logTail: string[]
  now: number
}

/** The report's text. */
export function buildDiagnosticsReport(input: DiagnosticsInput): string {
  const { appInfo, profiles, settings } = input
  const keychain = profiles === null ? 'unknown' : profiles.keychain.available ? 'available' : `unavailable (${profiles.keychain.reason})`
  const lines = [
    `Tellus Field diagnostics, ${new Date(input.now).toISOString()}`,
    `Version: ${appInfo.version} on ${appInfo.platform} (${appInfo.arch})`,
    `Electron: ${appInfo.versions.electron ?? 'not running under Electron'}; Chromium: ${appInfo.versions.chrome ?? 'unknown'}; Node.js: ${appInfo.versions.node}`,
    `Data folder: ${appInfo.paths.userData}`,
    `Snapshots: ${appInfo.paths.snapshots}`,
    `Log file: ${input.logFilePath}`,
    `Keychain: ${keychain}`,
    `Profiles: ${profiles === null ? 'unknown' : `${profiles.profiles.length} (active: ${profiles.activeProfileId ?? 'none'})`}`,
    `Settings: ${settings === null ? 'unknown' : JSON.stringify(settings)}`,
    '',
    `Last ${input.logTail.length} log lines:`,
    ...input.logTail,
  ]
  return `${lines.join('\n')}\n`
}

/** The last `maxLines` lines of the log file ([] when there is none yet). */
export async function readLogTail(path: string, maxLines = DIAGNOSTICS_LOG_LINES): Promise<string[]> {
  const handle = await open(path, 'r').catch(() => null)
  if (!handle) return []
  try {
    const { size } = await handle.stat()
    const length = Math.min(size, LOG_TAIL_BYTES)
    const buffer = Buffer.alloc(length)
    await handle.read(buffer, 0, length, size - length)
    const lines = buffer.toString('utf8').split('\n').filter((line) => line !== '')
    // The first line may be cut in the middle when the tail started inside it.
    if (length < size) lines.shift()
    return lines.slice(-maxLines)
  } finally {
    await handle.close()
  }
}
