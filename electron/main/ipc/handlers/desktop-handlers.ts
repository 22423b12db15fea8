import { appError, fail, ok } from '@common/errors'
import type { MainServices } from '@main/services/create-main-services'
import type { HandlerMap } from '../ipc-dispatcher'

/** Clipboard, the logs folder and the diagnostics text: what the renderer asks of the desktop. */
export function desktopHandlers({ desktop, diagnostics, appInfo }: MainServices): Pick<HandlerMap, 'writeClipboard' | 'openLogsFolder' | 'getDiagnostics'> {
  return {
    writeClipboard: async ({ text }) => {
      desktop.writeClipboard(text)
      return ok(undefined)
    },
    openLogsFolder: async () => {
      const folder = appInfo().paths.logs
      const problem = await desktop.openFolder(folder)
      return problem === ''
        ? ok(undefined)
        : fail(appError('storage', `The logs folder could not be opened: ${problem}`, { action: `Open ${folder} in your file manager.` }))
    },
    getDiagnostics: async () => ok(await diagnostics()),
  }
}
