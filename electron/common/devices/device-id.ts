/**
 * The device id: one schema, one message, checked once where it enters main (the IPC boundary,
 * through the contract's argument schemas). Every layer after that takes a `DeviceId`, which only
 * this schema can produce, so none of them checks it again.
 *
 * Device ids are platform-issued opaque strings such as `dvc_a1b2c3d4e5f6`. The app accepts a
 * conservative character set so an id can never carry a path (`../oauth/token`) or a query.
 */
import { z } from 'zod'
import { appError, fail, ok, type Result } from '../errors'
import { DEVICE_ID_PATTERN, DEVICE_ID_RULE } from './device-id-pattern'

export { DEVICE_ID_PATTERN, DEVICE_ID_RULE }

/** A device id, trimmed and checked; the brand proves it went through `DeviceIdSchema`. */
export const DeviceIdSchema = z.string().trim().regex(DEVICE_ID_PATTERN, DEVICE_ID_RULE).brand<'DeviceId'>()

/** A checked device id. */
export type DeviceId = z.output<typeof DeviceIdSchema>

/** Checks `input` as a device id: the trimmed id, or an invalid-input error with the one message. */
export function parseDeviceId(input: unknown): Result<DeviceId> {
  const parsed = DeviceIdSchema.safeParse(input)
  return parsed.success ? ok(parsed.data) : fail(appError('invalid-input', 'That is not a device id.', { action: DEVICE_ID_RULE }))
}
