/**
 * What `GET /operator/charging-records` may be asked: one device or the whole operator (no device:
 * the only endpoint that names devices without knowing them first), a page (1-based, at most 100
 * records), and an optional time range. Checked before any request is made.
 */
import { z } from 'zod'
import type { DeviceId } from '../devices/device-id'
import { appError, fail, ok, type AppError, type Result } from '../errors'
import { oneLine, type Redactor } from '../redact'

/** Largest page the API serves. */
export const MAX_CHARGING_RECORD_PAGE_SIZE = 100

/** What `listChargingRecords` accepts. */
export interface ChargingRecordQuery {
  /** Checked where it entered main (`DeviceIdSchema`); left out, the records of every device of the operator. */
  deviceId?: DeviceId
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
  device_id?: DeviceId
  page: number
  size: number
  start_time?: string
  end_time?: string
}

const isoDateTime = z.iso.datetime({ offset: true })

function invalidInput(message: string): AppError {
  return appError('invalid-input', message)
}

/** Input as shown back in a message: one line, at most 40 characters, secret-free. */
function shown(input: string, redact: Redactor): string {
  const line = oneLine(redact(input))
  return line.length > 40 ? `${line.slice(0, 39)}…` : line
}

/** Validates a charging-record query; `redact` vets the input repeated in a message. */
export function parseChargingRecordQuery(input: ChargingRecordQuery, redact: Redactor): Result<ValidQuery> {
  if (typeof input !== 'object' || input === null) return fail(invalidInput('A charging-record query needs a page, a size or a time range.'))
  const page = input.page ?? 1
  if (!Number.isSafeInteger(page) || page < 1) return fail(invalidInput('The page number must be a whole number of 1 or more.'))
  const size = input.size ?? MAX_CHARGING_RECORD_PAGE_SIZE
  if (!Number.isInteger(size) || size < 1 || size > MAX_CHARGING_RECORD_PAGE_SIZE) {
    return fail(invalidInput(`The page size must be a whole number from 1 to ${MAX_CHARGING_RECORD_PAGE_SIZE}.`))
  }
  for (const [name, value] of [['start', input.startTime], ['end', input.endTime]] as const) {
    if (value !== undefined && (typeof value !== 'string' || !isoDateTime.safeParse(value).success)) {
      return fail(invalidInput(`The ${name} time "${shown(String(value), redact)}" is not an ISO 8601 date and time (e.g. 2026-05-01T08:00:00Z).`))
    }
  }
  if (input.startTime && input.endTime && Date.parse(input.startTime) > Date.parse(input.endTime)) {
    return fail(invalidInput('The start time is after the end time.'))
  }
  const range = { page, size, start_time: input.startTime, end_time: input.endTime }
  return ok(input.deviceId === undefined ? range : { device_id: input.deviceId, ...range })
}
