/**
 * The Electron entry point with a thin fake of the `electron` module (the binary cannot run here):
 * the window options actually passed to BrowserWindow, the hardening hooks, and that every
 * contract channel is registered behind the sender check and argument validation.
 */
import { mkdtemp, rm } from 'node:fs/promises'
import { tmpdir } from 'node:os'
import { join } from 'node:path'
import { afterAll, beforeAll, describe, expect, it, vi } from 'vitest'
import { CHANNELS } from '@common/ipc/contract'

const h = vi.hoisted(() => {
  type Listener = (...args: unknown[]) => unknown
  const state = {
    userData: '',
    windows: [] as Array<{ options: Record<string, unknown>; loaded: string[]; contentsListeners: Map<string, Listener>; windowOpenHandler?: Listener }>,
    handlers: new Map<string, Listener>(),
    permissionHandler: undefined as Listener | undefined,
    headersHandler: undefined as Listener | undefined,
    opened: [] as string[],
    ready: null as null | (() => void),
    sandboxEnabled: false,
  }
  return { state }
})

vi.mock('electron', () => {
  const { state } = h
  class BrowserWindow {
    static getAllWindows = () => state.windows
    webContents: Record<string, unknown>
    constructor(options: Record<string, unknown>) {
      const record = { options, loaded: [] as string[], contentsListeners: new Map(), windowOpenHandler: undefined as undefined | ((...a: unknown[]) => unknown) }
      state.windows.push(record)
      this.webContents = {
        on: (event: string, listener: (...a: unknown[]) => unknown) => record.contentsListeners.set(event, listener),
        setWindowOpenHandler: (handler: (...a: unknown[]) => unknown) => (record.windowOpenHandler = handler),
        send: () => undefined,
      }
      this.loadURL = async (url: string) => void record.loaded.push(url)
    }
    loadURL: (url: string) => Promise<void>
    once() {}
    show() {}
    isMinimized() { return false }
    restore() {}
    focus() {}
  }
  return {
    app: {
      enableSandbox: () => (state.sandboxEnabled = true),
      requestSingleInstanceLock: () => true,
      on: () => undefined,
      quit: () => undefined,
      whenReady: () => new Promise<void>((resolve) => (state.ready = resolve)),
      getPath: (name: string) => (name === 'userData' ? state.userData : tmpdir()),
      getAppPath: () => '/opt/tellus-field',
      getName: () => 'Tellus Field',
      getVersion: () => '0.1.0',
    },
    BrowserWindow,
    ipcMain: { handle: (channel: string, listener: (...a: unknown[]) => unknown) => state.handlers.set(channel, listener) },
    session: {
      defaultSession: {
        setPermissionRequestHandler: (handler: (...a: unknown[]) => unknown) => (state.permissionHandler = handler),
        setPermissionCheckHandler: () => undefined,
        webRequest: { onHeadersReceived: (handler: (...a: unknown[]) => unknown) => (state.headersHandler = handler) },
      },
    },
    shell: { openExternal: async (url: string) => void state.opened.push(url) },
    dialog: { showSaveDialog: async () => ({ canceled: true }) },
  }
})

const { state } = h

beforeAll(async () => {
  state.userData = await mkdtemp(join(tmpdir(), 'tellus-entry-'))
  await import('@main/index')
  state.ready!()
  await vi.waitFor(() => expect(state.windows).toHaveLength(1), { timeout: 10_000 })
})

afterAll(async () => {
  await rm(state.userData, { recursive: true, force: true })
})

const rendererUrl = () => state.windows[0]!.loaded[0]!
const invoke = (channel: string, args: unknown, url = rendererUrl(), isMainFrame = true) =>
  state.handlers.get(channel)!({ senderFrame: { url, parent: isMainFrame ? null : {} } }, args)

describe('Electron entry point', () => {
  it('enables the sandbox for every renderer', () => {
    expect(state.sandboxEnabled).toBe(true)
  })

  it('creates the window with hardened webPreferences and the CommonJS preload', () => {
    const prefs = state.windows[0]!.options.webPreferences as Record<string, unknown>
    expect(prefs).toMatchObject({
      contextIsolation: true,
      sandbox: true,
      nodeIntegration: false,
      nodeIntegrationInWorker: false,
      nodeIntegrationInSubFrames: false,
      webviewTag: false,
      webSecurity: true,
      allowRunningInsecureContent: false,
    })
    expect(prefs.preload).toMatch(/preload[\\/]index\.cjs$/)
  })

  it('loads the bundled renderer from file://', () => {
    expect(rendererUrl()).toMatch(/^file:\/\/.*\/renderer\/index\.html$/)
  })

  it('denies navigation away from the renderer and every new window', () => {
    const { contentsListeners, windowOpenHandler } = state.windows[0]!
    const event = { preventDefault: vi.fn() }
    contentsListeners.get('will-navigate')!(event, 'https://evil.example/')
    expect(event.preventDefault).toHaveBeenCalled()
    const allowed = { preventDefault: vi.fn() }
    contentsListeners.get('will-navigate')!(allowed, rendererUrl())
    expect(allowed.preventDefault).not.toHaveBeenCalled()
    expect(windowOpenHandler!({ url: 'https://evil.example/' })).toEqual({ action: 'deny' })
    expect(windowOpenHandler!({ url: 'https://developers.telluspowergroup.com/guides/errors' })).toEqual({ action: 'deny' })
    expect(state.opened).toEqual(['https://developers.telluspowergroup.com/guides/errors'])
  })

  it('denies permission requests and sends the CSP header', () => {
    const callback = vi.fn()
    state.permissionHandler!({}, 'media', callback)
    expect(callback).toHaveBeenCalledWith(false)
    const headers = vi.fn()
    state.headersHandler!({ responseHeaders: {} }, headers)
    expect(headers.mock.calls[0]![0].responseHeaders['Content-Security-Policy'][0]).toContain("default-src 'none'")
  })

  it('registers exactly the contract channels', () => {
    expect([...state.handlers.keys()].sort()).toEqual(Object.values(CHANNELS).sort())
  })

  it('answers the app window with app info from the main process', async () => {
    await expect(invoke('app:get-info', undefined)).resolves.toMatchObject({
      ok: true,
      value: { name: 'Tellus Field', version: '0.1.0', paths: { userData: state.userData, snapshots: join(state.userData, 'snapshots') } },
    })
  })

  it('refuses an untrusted sender and a sub-frame with a clear error', async () => {
    const refused = { ok: false, error: { kind: 'invalid-input', message: 'Refused: this request did not come from the Tellus Field window.' } }
    await expect(invoke('app:get-info', undefined, 'https://evil.example/')).resolves.toEqual(refused)
    await expect(invoke('app:get-info', undefined, rendererUrl(), false)).resolves.toEqual(refused)
  })

  it('refuses a bad argument before any service runs', async () => {
    await expect(invoke('devices:fetch', { deviceId: '../operator/oauth/token' })).resolves.toMatchObject({
      ok: false,
      error: { kind: 'invalid-input', message: expect.stringContaining('deviceId') },
    })
  })
})
