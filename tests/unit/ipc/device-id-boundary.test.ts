/**
 * The device id is checked once, where it enters main: every channel that takes one refuses
 * anything else with the one rule (DEVICE_ID_RULE), before any handler, service or disk sees it.
 * The layers behind take the branded `DeviceId` and do not check it again.
 */
import { describe, expect, it } from 'vitest'
import { DEVICE_ID_RULE } from '@common/devices/device-id'
import { ok } from '@common/errors'
import { createIpcDispatcher, type HandlerMap } from '@main/ipc/ipc-dispatcher'
import { createMemoryLogger } from '@main/logger'

const trusted = { url: 'app://renderer', isMainFrame: true }

const HOSTILE_DEVICE_IDS = [
  '../../etc', '/etc', '..', '.', '', 'dvc\0x', 'dvc/../../x', 'dvc_1/..', '\\\\server\\share', 'a'.repeat(65), '~',
  '../oauth/token', '../../v1/operator/sites', 'dvc_1?x=1', 'dvc%2F..', '../oauth/token?client_secret=demo-fleet-secret',
]

/** Every channel argument that carries a device id, built around one id. */
const CARRIERS: Array<[string, (deviceId: string) => unknown]> = [
  ['devices:fetch', (deviceId) => ({ deviceId })],
  ['snapshots:list', (deviceId) => ({ deviceId })],
  ['snapshots:delete', (deviceId) => ({ scope: 'device', deviceId })],
  ['history:fetch', (deviceId) => ({ deviceId, days: 7 })],
  ['history:timeline', (deviceId) => ({ deviceId })],
  ['live:watch', (deviceId) => ({ deviceId })],
  ['recordings:start', (deviceId) => ({ deviceId })],
  ['recordings:list', (deviceId) => ({ deviceId })],
  ['visits:add-devices', (deviceId) => ({ id: 'v-20260501073000-abcdef', deviceIds: [deviceId], origin: 'work-order' })],
]

function setup() {
  const called: string[] = []
  const handlers = new Proxy({} as HandlerMap, {
    get: (_t, method) => async () => {
      called.push(String(method))
      return ok(null)
    },
  })
  const dispatch = createIpcDispatcher({ handlers, isTrustedSender: () => true, logger: createMemoryLogger() })
  return { dispatch, called }
}

describe('the device id at the IPC boundary', () => {
  it.each(CARRIERS)('%s refuses every hostile id with the one rule, before any handler', async (channel, args) => {
    const { dispatch, called } = setup()
    for (const deviceId of HOSTILE_DEVICE_IDS) {
      const result = await dispatch(channel, args(deviceId), trusted)
      expect(result, JSON.stringify(deviceId)).toMatchObject({ ok: false, error: { kind: 'invalid-input', message: expect.stringContaining(DEVICE_ID_RULE) } })
    }
    expect(called).toEqual([])
  })

  it.each(CARRIERS)('%s hands the handler the trimmed id', async (channel, args) => {
    const { dispatch, called } = setup()
    expect(await dispatch(channel, args(' dvc_a1b2c3d4e5f6 '), trusted)).toEqual({ ok: true, value: null })
    expect(called).toHaveLength(1)
  })
})
