/**
 * What the app asks of the desktop around it: the system clipboard, opening a folder in the file
 * manager, and where its log file is. Electron's `clipboard` and `shell.openPath` back it in the
 * app (so copying works with the deny-all permission handler in place); the browser shell and
 * tests pass their own.
 */
export interface DesktopBridge {
  /** Puts text on the clipboard. */
  writeClipboard(text: string): void
  /** Opens a folder in the system file manager; resolves to '' or the reason it could not. */
  openFolder(path: string): Promise<string>
  /** The main process's log file (its folder is what "Open logs folder" opens). */
  logFilePath: string
}

/** A bridge that keeps copied text in memory and records opened folders (browser shell, tests). */
export function createMemoryDesktopBridge(logFilePath: string): DesktopBridge & { clipboard: string[]; openedFolders: string[] } {
  const clipboard: string[] = []
  const openedFolders: string[] = []
  return {
    clipboard,
    openedFolders,
    logFilePath,
    writeClipboard: (text) => void clipboard.push(text),
    openFolder: async (path) => {
      openedFolders.push(path)
      return ''
    },
  }
}
