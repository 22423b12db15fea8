/**
 * The Electron entry point (not packaged, no dev server) with a thin fake of the `electron` module
 * (the binary cannot run here):
 * the window options actually passed to BrowserWindow, the hardening hooks, that every
 * contract channel is registered behind the sender check and argument validation, and that the
 * demo fleet the app starts serves no simulator control endpoint.
 */
import { mkdtemp, rm } from 'node:fs/promises'
import { tmpdir } from 'node:os'
import { join } from 'node:path'
import { afterAll, beforeAll, describe, expect, it, vi } from 'vitest'
import type { Result } from '@common/errors'
import { CHANNELS, type DeviceFetch } from '@common/ipc/contract'
import type { FakeElectronState } from './support/fake-electron'

const h = vi.hoisted(() => ({ state: null as unknown as FakeElectronState }))

vi.mock('electron', async () => {
  const support = await import('./support/fake-electron')
  h.state = support.createFakeElectronState()
  h.state.userData = await mkdtemp(join(tmpdir(), 'tellus-entry-'))
  return support.fakeElectron(h.state, tmpdir())
})

let state: FakeElectronState

beforeAll(async () => {
  await import('@main/index')
  state = h.state
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
      disableBlinkFeatures: 'Auxclick',
    })
    expect(prefs.preload).toMatch(/preload[\\/]index\.cjs$/)
  })

  it('loads the bundled renderer from the privileged app:// scheme, not file://', async () => {
    expect(rendererUrl()).toBe('app://tellus/index.html')
    expect(state.privilegedSchemes).toEqual([expect.objectContaining({ scheme: 'app', privileges: expect.objectContaining({ standard: true, secure: true }) })])
    expect([...state.protocolHandlers.keys()]).toEqual(['app'])
    const outside = await state.protocolHandlers.get('app')!(new Request('app://tellus/..%2fmain%2findex.js'))
    expect(outside.status).toBe(403)
    const otherHost = await state.protocolHandlers.get('app')!(new Request('app://evil/index.html'))
    expect(otherHost.status).toBe(403)
  })

  it('denies navigation away from the renderer and every new window', () => {
    const { contentsListeners, windowOpenHandler } = state.windows[0]!
    const event = { preventDefault: vi.fn() }
    contentsListeners.get('will-navigate')!(event, 'https://evil.example/')
    expect(event.preventDefault).toHaveBeenCalled()
    const allowed = { preventDefault: vi.fn() }
    contentsListeners.get('will-navigate')!(allowed, rendererUrl())
    expect(allowed.preventDefault).not.toHaveBeenCalled()
    for (const lookalike of ['app://tellus.evil/index.html', 'app://evil/index.html', 'file:///opt/tellus-field/out/renderer/index.html']) {
      const blocked = { preventDefault: vi.fn() }
      contentsListeners.get('will-navigate')!(blocked, lookalike)
      expect(blocked.preventDefault).toHaveBeenCalled()
    }
    expect(windowOpenHandler!({ url: 'https://evil.example/' })).toEqual({ action: 'deny' })
    expect(windowOpenHandler!({ url: 'https://developers.telluspowergroup.com/guides/errors' })).toEqual({ action: 'deny' })
    expect(state.opened).toEqual(['https://developers.telluspowergroup.com/guides/errors'])
  })

  it('keeps DevTools available when not packaged (npm start)', () => {
    const prefs = state.windows[0]!.options.webPreferences as Record<string, unknown>
    expect(prefs.devTools).toBe(true)
    expect(state.windows[0]!.contentsListeners.has('devtools-opened')).toBe(false)
  })

  it('denies permission requests and sends the CSP header', () => {
    const callback = vi.fn()
    state.permissionHandler!({}, 'media', callback)
    expect(callback).toHaveBeenCalledWith(false)
    const headers = vi.fn()
    state.headersHandler!({ responseHeaders: {} }, headers)
    expect(headers.mock.calls[0]![0].responseHeaders['Content-Security-Policy'][0]).toContain("default-src 'none'")
    expect(headers.mock.calls[0]![0].responseHeaders['Content-Security-Policy'][0]).toContain("connect-src 'none'")
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

  it("copies through Electron's clipboard in main, so the renderer needs no clipboard permission", async () => {
    await expect(invoke('clipboard:write-text', { text: '{"device_id":"dvc_a1b2c3d4e5f6"}' })).resolves.toEqual({ ok: true, value: undefined })
    expect(state.clipboardText).toEqual(['{"device_id":"dvc_a1b2c3d4e5f6"}'])
    const callback = vi.fn()
    state.permissionHandler!({}, 'clipboard-sanitized-write', callback)
    expect(callback).toHaveBeenCalledWith(false)
  })

  it('opens the logs folder in userData with the system file manager, and names it in app info', async () => {
    await expect(invoke('app:open-logs-folder', undefined)).resolves.toEqual({ ok: true, value: undefined })
    expect(state.openedPaths).toEqual([join(state.userData, 'logs')])
    await expect(invoke('app:get-info', undefined)).resolves.toMatchObject({ ok: true, value: { paths: { logs: join(state.userData, 'logs') } } })
  })

  it('refuses a bad argument before any service runs', async () => {
    await expect(invoke('devices:fetch', { deviceId: '../operator/oauth/token' })).resolves.toMatchObject({
      ok: false,
      error: { kind: 'invalid-input', message: expect.stringContaining('deviceId') },
    })
  })

  it("starts the demo fleet's simulator without its /__sim control endpoint: 404, and a cross-origin text/plain POST sets no fault", async () => {
    // Any web page may POST text/plain (no preflight) to a loopback port: the app's demo fleet must not be steerable.
    const fetchDevice = async () => (await invoke('devices:fetch', { deviceId: 'dvc_a1b2c3d4e5f6' })) as Result<DeviceFetch>
    const first = await fetchDevice()
    expect(first).toMatchObject({ ok: true, value: { source: 'live' } })
    const origin = new URL(first.ok ? first.value.snapshot.baseUrl : '').origin
    expect(origin).toMatch(/^http:\/\/127\.0\.0\.1:\d+$/)
    for (const path of ['/__sim', '/__sim/', '/__sim/requests']) expect((await fetch(`${origin}${path}`)).status).toBe(404)
    const attack = await fetch(`${origin}/__sim/faults`, {
      method: 'POST',
      headers: { 'content-type': 'text/plain', origin: 'https://evil.example' },
      body: JSON.stringify({ target: '*', fault: { kind: 'server-error' } }),
    })
    expect(attack.status).toBe(404)
    for (const path of ['/__sim/clear', '/__sim/tokens/revoke', '/__sim/connectors']) {
      expect((await fetch(`${origin}${path}`, { method: 'POST', headers: { 'content-type': 'text/plain' }, body: '{}' })).status).toBe(404)
    }
    await expect(fetchDevice()).resolves.toMatchObject({ ok: true, value: { source: 'live' } })
  })
})
