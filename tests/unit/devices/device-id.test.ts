import { describe, expect, it } from 'vitest'
import { DEVICE_ID_RULE, DeviceIdSchema, parseDeviceId } from '@common/devices/device-id'

describe('parseDeviceId', () => {
  it('accepts platform ids, trimmed', () => {
    expect(parseDeviceId(' dvc_a1b2c3d4e5f6 ')).toEqual({ ok: true, value: 'dvc_a1b2c3d4e5f6' })
  })

  it.each(['../oauth/token', 'dvc_1/../../sites', 'dvc_1?page=2', 'dvc_1#x', '%2e%2e', 'dvc 1', '', '   ', 'x'.repeat(65), 'dvc_\u0000', 42, null])(
    'rejects %j as invalid input, with the one rule as the action',
    (input) => {
      expect(parseDeviceId(input)).toEqual({ ok: false, error: { kind: 'invalid-input', message: 'That is not a device id.', action: DEVICE_ID_RULE } })
    },
  )

  it('never repeats what was typed (it may be a secret pasted by mistake)', () => {
    expect(JSON.stringify(parseDeviceId('demo-fleet-secret!'))).not.toContain('demo-fleet-secret')
  })

  it('the schema used at the IPC boundary reports the same rule', () => {
    const parsed = DeviceIdSchema.safeParse('../x')
    expect(parsed.success).toBe(false)
    expect(parsed.error?.issues[0]?.message).toBe(DEVICE_ID_RULE)
  })
})
