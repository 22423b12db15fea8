/**
 * The form of a device id and the one message for anything else, without the schema library, so
 * the renderer's lookup field can check what is typed without loading zod. `DeviceIdSchema`
 * (device-id.ts) is built from these.
 */

/** The accepted form of a device id. */
export const DEVICE_ID_PATTERN = /^[A-Za-z0-9][A-Za-z0-9_-]{0,63}$/

/** The one message for anything that is not a device id. */
export const DEVICE_ID_RULE = 'A device id is letters, digits, "_" or "-" (e.g. dvc_a1b2c3d4e5f6), at most 64 characters.'
