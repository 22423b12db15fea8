/**
 * Reads one stream message as tolerantly as the REST payload: unknown fields and unknown connector
 * states are kept; anything that is not a JSON frame of the documented shape, or that names a
 * device the stream was not asked for, is refused with a reason (the caller drops and counts it).
 */
import { jsonBoundsViolation } from '@common/tellus/json-bounds'
import { TelemetryFrameSchema, type TelemetryFrame } from '@common/tellus/schemas'

/** A frame larger than this is refused unread (a frame for a 4-connector charger is ~400 bytes). */
export const MAX_FRAME_BYTES = 256 * 1024

/** The parsed frame, or why it was dropped. */
export type ParsedFrame = { ok: true; frame: TelemetryFrame } | { ok: false; reason: string }

/** Parses one message of the stream for a subscription to `deviceIds`. */
export function parseFrame(data: string | Buffer, deviceIds: ReadonlySet<string>): ParsedFrame {
  if (data.length > MAX_FRAME_BYTES) return { ok: false, reason: `frame of ${data.length} bytes is over ${MAX_FRAME_BYTES}` }
  let json: unknown
  try {
    json = JSON.parse(typeof data === 'string' ? data : data.toString('utf8'))
  } catch {
    return { ok: false, reason: 'not JSON' }
  }
  const violation = jsonBoundsViolation(json)
  if (violation) return { ok: false, reason: `JSON over the ${violation.bound} bound of ${violation.limit}` }
  const parsed = TelemetryFrameSchema.safeParse(json)
  if (!parsed.success) {
    const issue = parsed.error.issues[0]
    return { ok: false, reason: `not a telemetry frame (${issue?.path.join('.') || 'frame'}: ${issue?.message ?? 'invalid'})` }
  }
  if (!deviceIds.has(parsed.data.device_id)) return { ok: false, reason: 'frame for a device the stream was not asked for' }
  if (Number.isNaN(Date.parse(parsed.data.timestamp))) return { ok: false, reason: 'timestamp is not a date-time' }
  return { ok: true, frame: parsed.data }
}
