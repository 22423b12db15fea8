import type { StateCreator } from 'zustand'
import type { Result } from '@common/errors'
import type { TellusApi } from '@common/ipc/contract'
import type { AppState } from './app-state'

/** Clipboard and support actions; each goes through main (the renderer holds no clipboard permission). */
export interface DesktopSlice {
  /** Puts text on the system clipboard. */
  copyText: (text: string) => Promise<Result<void>>
  /** Copies the diagnostics report (versions, paths, keychain state, recent log lines) for support. */
  copyDiagnostics: () => Promise<Result<void>>
  /** Opens the folder holding the log file in the system file manager. */
  openLogsFolder: () => Promise<Result<void>>
}

export const createDesktopSlice = (api: TellusApi): StateCreator<AppState, [], [], DesktopSlice> => () => ({
  copyText: (text) => api.writeClipboard({ text }),
  copyDiagnostics: async () => {
    const report = await api.getDiagnostics()
    return report.ok ? api.writeClipboard({ text: report.value }) : report
  },
  openLogsFolder: () => api.openLogsFolder(),
})
