import { describe, expect, it, vi } from 'vitest'
import { ok } from '@common/errors'
import { createIpcDispatcher, type HandlerMap } from '@main/ipc/ipc-dispatcher'
import { createMemoryLogger } from '@main/logger'

const trusted = { url: 'app://renderer', isMainFrame: true }

function setup() {
  const logger = createMemoryLogger()
  const fetchDevice = vi.fn(async ({ deviceId }: { deviceId: string }) => ok({ echoed: deviceId }))
  const handlers = new Proxy({} as HandlerMap, {
    get: (_t, method) => (method === 'fetchDevice' ? fetchDevice : async () => ok(`handled ${String(method)}`)),
  })
  const dispatch = createIpcDispatcher({ handlers, isTrustedSender: (s) => s.url === trusted.url && s.isMainFrame, logger })
  return { dispatch, fetchDevice, logger }
}

describe('IPC dispatcher', () => {
  it('passes a valid request from the app window to its handler, with the validated argument', async () => {
    const { dispatch, fetchDevice } = setup()
    await expect(dispatch('devices:fetch', { deviceId: '  dvc_a1b2c3d4e5f6 ' }, trusted)).resolves.toEqual({ ok: true, value: { echoed: 'dvc_a1b2c3d4e5f6' } })
    expect(fetchDevice).toHaveBeenCalledWith({ deviceId: 'dvc_a1b2c3d4e5f6' })
  })

  it('refuses an untrusted sender with a clear error and logs why', async () => {
    const { dispatch, fetchDevice, logger } = setup()
    const result = await dispatch('devices:fetch', { deviceId: 'dvc_1' }, { url: 'https://evil.example/', isMainFrame: true })
    expect(result).toEqual({ ok: false, error: { kind: 'invalid-input', message: 'Refused: this request did not come from the Tellus Field window.' } })
    expect(fetchDevice).not.toHaveBeenCalled()
    expect(logger.lines.join('\n')).toContain('untrusted sender https://evil.example/')
  })

  it('refuses a sub-frame of the app', async () => {
    const { dispatch } = setup()
    const result = await dispatch('app:get-info', undefined, { ...trusted, isMainFrame: false })
    expect(result.ok).toBe(false)
  })

  it.each([
    ['a path trick', { deviceId: '../oauth/token' }],
    ['a missing field', {}],
    ['an extra field', { deviceId: 'dvc_1', extra: true }],
    ['a number', { deviceId: 42 }],
    ['no argument', undefined],
  ])('refuses %s with invalid-input and never calls the handler', async (_label, args) => {
    const { dispatch, fetchDevice } = setup()
    const result = await dispatch('devices:fetch', args, trusted)
    expect(result).toMatchObject({ ok: false, error: { kind: 'invalid-input', message: expect.stringContaining('Invalid request to "devices:fetch"') } })
    expect(fetchDevice).not.toHaveBeenCalled()
  })

  it('refuses an unknown channel', async () => {
    const { dispatch } = setup()
    await expect(dispatch('shell:exec', 'rm -rf /', trusted)).resolves.toMatchObject({ ok: false, error: { kind: 'invalid-input' } })
  })

  it('never logs or returns the argument (it may hold a client secret)', async () => {
    const { dispatch, logger } = setup()
    const result = await dispatch('profiles:add', { name: 'x', baseUrl: 'https://a', clientId: 'c', clientSecret: 'TOPSECRET-123', bogus: 1 }, trusted)
    expect(result.ok).toBe(false)
    expect(JSON.stringify(result) + logger.lines.join('\n')).not.toContain('TOPSECRET-123')
  })

  it('turns a throwing handler into an internal error without a stack', async () => {
    const logger = createMemoryLogger()
    const handlers = new Proxy({} as HandlerMap, { get: () => async () => { throw new Error('boom') } })
    const dispatch = createIpcDispatcher({ handlers, isTrustedSender: () => true, logger })
    const result = await dispatch('app:get-info', undefined, trusted)
    expect(result).toEqual({ ok: false, error: { kind: 'internal', message: 'Something went wrong inside Tellus Field.', action: expect.any(String) } })
    expect(logger.lines.join()).toContain('boom')
  })
})
