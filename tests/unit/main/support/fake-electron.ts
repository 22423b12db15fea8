/**
 * A thin fake of the `electron` module for the entry-point tests (the binary cannot run here). It
 * records what the entry point does with it: windows and their options, loaded URLs, web-contents
 * listeners, IPC handlers, session hooks, the privileged schemes and protocol handlers, error
 * dialogs and exit codes. Each test file holds its own `FakeElectronState`.
 */
type Listener = (...args: unknown[]) => unknown

/** One BrowserWindow the entry point created. */
export interface FakeWindow {
  options: Record<string, unknown>
  loaded: string[]
  contentsListeners: Map<string, Listener>
  windowOpenHandler?: Listener
  devToolsClosed: number
}

/** Everything the fake records, and the knobs a test sets before importing the entry point. */
export interface FakeElectronState {
  userData: string
  isPackaged: boolean
  windows: FakeWindow[]
  handlers: Map<string, Listener>
  permissionHandler?: Listener
  headersHandler?: Listener
  opened: string[]
  ready: null | (() => void)
  sandboxEnabled: boolean
  privilegedSchemes: unknown[]
  protocolHandlers: Map<string, (request: Request) => Promise<Response>>
  errorBoxes: Array<{ title: string; content: string }>
  exitCodes: number[]
  clipboardText: string[]
  openedPaths: string[]
}

/** A fresh state (userData is filled in by the test). */
export function createFakeElectronState(): FakeElectronState {
  return {
    userData: '',
    isPackaged: false,
    windows: [],
    handlers: new Map(),
    opened: [],
    ready: null,
    sandboxEnabled: false,
    privilegedSchemes: [],
    protocolHandlers: new Map(),
    errorBoxes: [],
    exitCodes: [],
    clipboardText: [],
    openedPaths: [],
  }
}

/** The fake module, bound to `state`. */
export function fakeElectron(state: FakeElectronState, tmp: string) {
  class BrowserWindow {
    static getAllWindows = () => state.windows
    webContents: Record<string, unknown>
    loadURL: (url: string) => Promise<void>
    constructor(options: Record<string, unknown>) {
      const record: FakeWindow = { options, loaded: [], contentsListeners: new Map(), devToolsClosed: 0 }
      state.windows.push(record)
      this.webContents = {
        on: (event: string, listener: Listener) => record.contentsListeners.set(event, listener),
        setWindowOpenHandler: (handler: Listener) => (record.windowOpenHandler = handler),
        closeDevTools: () => void record.devToolsClosed++,
        send: () => undefined,
      }
      this.loadURL = async (url: string) => void record.loaded.push(url)
    }
    once() {}
    show() {}
    isMinimized() {
      return false
    }
    restore() {}
    focus() {}
  }
  return {
    app: {
      get isPackaged() {
        return state.isPackaged
      },
      enableSandbox: () => (state.sandboxEnabled = true),
      requestSingleInstanceLock: () => true,
      on: () => undefined,
      quit: () => undefined,
      exit: (code: number) => void state.exitCodes.push(code),
      whenReady: () => new Promise<void>((resolve) => (state.ready = resolve)),
      getPath: (name: string) => (name === 'userData' ? state.userData : tmp),
      getAppPath: () => '/opt/tellus-field',
      getName: () => 'Tellus Field',
      getVersion: () => '0.1.0',
    },
    BrowserWindow,
    ipcMain: { handle: (channel: string, listener: Listener) => state.handlers.set(channel, listener) },
    protocol: {
      registerSchemesAsPrivileged: (schemes: unknown[]) => void state.privilegedSchemes.push(...schemes),
      handle: (scheme: string, handler: (request: Request) => Promise<Response>) => void state.protocolHandlers.set(scheme, handler),
    },
    session: {
      defaultSession: {
        setPermissionRequestHandler: (handler: Listener) => (state.permissionHandler = handler),
        setPermissionCheckHandler: () => undefined,
        webRequest: { onHeadersReceived: (handler: Listener) => (state.headersHandler = handler) },
      },
    },
    shell: {
      openExternal: async (url: string) => void state.opened.push(url),
      openPath: async (path: string) => {
        state.openedPaths.push(path)
        return ''
      },
    },
    clipboard: { writeText: (text: string) => void state.clipboardText.push(text) },
    dialog: {
      showSaveDialog: async () => ({ canceled: true }),
      showErrorBox: (title: string, content: string) => void state.errorBoxes.push({ title, content }),
    },
  }
}
