/**
 * Validation of what callers pass in, before any request is made: device ids (no path tricks such
 * as `../oauth/token`), charging-record queries and the client's own settings.
 */
import { z } from 'zod'
import { appError, fail, ok, type AppError, type Result } from '@common/errors'
import { DeviceIdSchema } from '@common/tellus/schemas'
import { validateBaseUrl } from '../credentials/base-url'
import { CONTROL_CHARACTERS, oneLine, type Redactor } from './redact'

/** Input as shown back in a message: one line, at most 40 characters, secret-free. */
function shown(input: unknown, redact: Redactor): string {
  const text = typeof input === 'string' ? input : String(input)
  const line = oneLine(redact(text))
  return line.length > 40 ? `${line.slice(0, 39)}…` : line
}

function invalidInput(message: string, action?: string): AppError {
  return appError('invalid-input', message, action ? { action } : {})
}

/** A device id, trimmed; invalid-input for anything that is not one. */
export function parseDeviceId(input: unknown, redact: Redactor): Result<string> {
  const parsed = DeviceIdSchema.safeParse(input)
  if (parsed.success && redact(parsed.data) !== parsed.data) {
    // A credential pasted into the device field must not travel in a URL (proxies log URLs).
    return fail(invalidInput('That looks like a client secret or token, not a device id.', 'Enter the device id from the work order (e.g. dvc_a1b2c3d4e5f6).'))
  }
  if (parsed.success) return ok(parsed.data)
  const text = typeof input === 'string' && input.trim() !== '' ? `"${shown(input, redact)}" is not a device id.` : 'Enter a device id.'
  return fail(invalidInput(text, 'A device id is letters, digits, "_" or "-" (e.g. dvc_a1b2c3d4e5f6), as on the work order.'))
}

const isoDateTime = z.iso.datetime({ offset: true })

/** What `listChargingRecords` accepts. */
export interface ChargingRecordQuery {
  deviceId: string
  /** 1-based page; default 1. */
  page?: number
  /** Records per page, 1–100; default 100. */
  size?: number
  /** ISO 8601 date-time; records that started at or after it. */
  startTime?: string
  /** ISO 8601 date-time; records that started at or before it. */
  endTime?: string
}

/** A validated charging-record query, ready for the URL. */
export interface ValidQuery {
  device_id: string
  page: number
  size: number
  start_time?: string
  end_time?: string
}

/** Validates a charging-record query. */
export function parseChargingRecordQuery(input: ChargingRecordQuery, redact: Redactor): Result<ValidQuery> {
  if (typeof input !== 'object' || input === null) return fail(invalidInput('Charging records need a device id.'))
  const deviceId = parseDeviceId(input.deviceId, redact)
  if (!deviceId.ok) return deviceId
  const page = input.page ?? 1
  if (!Number.isSafeInteger(page) || page < 1) return fail(invalidInput('The page number must be a whole number of 1 or more.'))
  const size = input.size ?? 100
  if (!Number.isInteger(size) || size < 1 || size > 100) return fail(invalidInput('The page size must be a whole number from 1 to 100.'))
  for (const [name, value] of [['start', input.startTime], ['end', input.endTime]] as const) {
    if (value !== undefined && !isoDateTime.safeParse(value).success) {
      return fail(invalidInput(`The ${name} time "${shown(value, redact)}" is not an ISO 8601 date and time (e.g. 2026-05-01T08:00:00Z).`))
    }
  }
  if (input.startTime && input.endTime && Date.parse(input.startTime) > Date.parse(input.endTime)) {
    return fail(invalidInput('The start time is after the end time.'))
  }
  return ok({ device_id: deviceId.value, page, size, start_time: input.startTime, end_time: input.endTime })
}

/** The API base URL: https, or http on loopback only (the shared rule in credentials/base-url). */
export function parseBaseUrl(input: unknown): Result<{ baseUrl: string; host: string }> {
  if (typeof input !== 'string') return fail(invalidInput('Enter the API base URL (e.g. https://api.example.com/v1).'))
  const valid = validateBaseUrl(input)
  if (!valid.ok) return valid
  return ok({ baseUrl: valid.value, host: new URL(valid.value).host })
}

/** The client_id: non-empty, one line, printable. */
export function parseClientId(input: unknown): Result<string> {
  if (typeof input !== 'string' || input.trim() === '') return fail(invalidInput('Enter the client ID.', 'Add it in Profiles.'))
  if (CONTROL_CHARACTERS.test(input) || input.length > 256) return fail(invalidInput('The client ID contains characters that cannot be right.', 'Check it in Profiles.'))
  return ok(input.trim())
}
