/**
 * The Electron entry point as a packaged app with the dev-server switch set in the environment
 * (issue 12 item 5): the switch is ignored, the renderer comes from app://, the CSP is the strict
 * one, and DevTools are disabled and closed if they open anyway.
 */
import { mkdtemp, rm } from 'node:fs/promises'
import { tmpdir } from 'node:os'
import { join } from 'node:path'
import { afterAll, beforeAll, describe, expect, it, vi } from 'vitest'
import { buildCsp } from '@main/security/csp'
import type { FakeElectronState } from './support/fake-electron'

const h = vi.hoisted(() => ({ state: null as unknown as FakeElectronState }))

vi.mock('electron', async () => {
  const support = await import('./support/fake-electron')
  h.state = support.createFakeElectronState()
  h.state.isPackaged = true
  h.state.userData = await mkdtemp(join(tmpdir(), 'tellus-entry-packaged-'))
  return support.fakeElectron(h.state, tmpdir())
})

let state: FakeElectronState

beforeAll(async () => {
  vi.stubEnv('ELECTRON_RENDERER_URL', 'http://localhost:5173/')
  await import('@main/index')
  state = h.state
  state.ready!()
  await vi.waitFor(() => expect(state.windows).toHaveLength(1), { timeout: 10_000 })
})

afterAll(async () => {
  vi.unstubAllEnvs()
  await rm(state.userData, { recursive: true, force: true })
})

describe('packaged Electron entry point', () => {
  it('ignores ELECTRON_RENDERER_URL and loads app://', () => {
    expect(state.windows[0]!.loaded).toEqual(['app://tellus/index.html'])
  })

  it('trusts only the app:// origin, not the dev server', async () => {
    const refused = await state.handlers.get('app:get-info')!({ senderFrame: { url: 'http://localhost:5173/', parent: null } }, undefined)
    expect(refused).toMatchObject({ ok: false, error: { message: expect.stringContaining('Refused') } })
    const answered = await state.handlers.get('app:get-info')!({ senderFrame: { url: 'app://tellus/index.html', parent: null } }, undefined)
    expect(answered).toMatchObject({ ok: true })
  })

  it('sends the strict CSP, not the relaxed dev one', () => {
    const callback = vi.fn()
    state.headersHandler!({ responseHeaders: {} }, callback)
    expect(callback.mock.calls[0]![0].responseHeaders['Content-Security-Policy']).toEqual([buildCsp()])
  })

  it('disables DevTools and closes them if they open anyway', () => {
    const window = state.windows[0]!
    expect((window.options.webPreferences as Record<string, unknown>).devTools).toBe(false)
    window.contentsListeners.get('devtools-opened')!()
    expect(window.devToolsClosed).toBe(1)
  })
})
