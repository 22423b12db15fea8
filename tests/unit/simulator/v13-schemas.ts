/**
 * STRICT schemas of the Tellus Open Platform API v1.3 operator responses, written from
 * /work/shared/reference/tellus-api.md (sections 2–4, 6, 9) to check the simulator field for field:
 * no unknown fields (`z.strictObject`), the documented enums only, the documented types and ranges.
 * (The app's own schemas in electron/common are deliberately tolerant; they are not used here.)
 */
import { z } from 'zod'

const dateTime = z.iso.datetime()
const int = z.number().int()

/** `ConnectorState` (get-charger-details, stream page). `preparing` is deliberately absent. */
export const ConnectorStateSchema = z.enum(['idle', 'charging', 'discharging', 'fault', 'unavailable'])
/** `Device.status`. */
export const DeviceStatusSchema = z.enum(['online', 'offline'])
/** Error codes of guides/errors. */
export const ERROR_CODES = [1001, 1002, 2001, 2002, 2003, 3001, 4001, 5001, 9001] as const
/** HTTP status per error code. */
export const HTTP_STATUS_OF: Record<(typeof ERROR_CODES)[number], number> = {
  1001: 400,
  1002: 400,
  2001: 401,
  2002: 401,
  2003: 403,
  3001: 404,
  4001: 409,
  5001: 429,
  9001: 500,
}

/** `AccessTokenResponse` (bare, not enveloped). */
export const AccessTokenResponseSchema = z.strictObject({
  access_token: z.string().min(1),
  token_type: z.literal('Bearer'),
  expires_in: int.positive(),
})

/** The error envelope: `{code, message, data?: null, details?}`. */
export const ErrorEnvelopeSchema = z.strictObject({
  code: z.literal(ERROR_CODES),
  message: z.string().min(1),
  data: z.null().optional(),
  details: z.record(z.string(), z.unknown()).optional(),
})

/** The success envelope around `data`. */
export function successEnvelope<T extends z.ZodType>(data: T) {
  return z.strictObject({ code: z.literal(0), message: z.literal('success'), data })
}

/** `Connector`: `connector_id` and `status` required. */
export const ConnectorSchema = z.strictObject({
  connector_id: int.min(1),
  status: ConnectorStateSchema,
  power: z.number().optional(),
  voltage: z.number().optional(),
  current: z.number().optional(),
  energy_delivered: z.number().optional(),
  soc: int.min(0).max(100).optional(),
  temperature: z.number().optional(),
  last_telemetry_time: dateTime.optional(),
})

/** `Device`: only `device_id` required. */
export const DeviceSchema = z.strictObject({
  device_id: z.string().min(1),
  sn: z.string().optional(),
  model: z.string().optional(),
  manufacturer: z.string().optional(),
  firmware_version: z.string().optional(),
  status: DeviceStatusSchema.optional(),
  connectors: z.array(ConnectorSchema).optional(),
  last_heartbeat: dateTime.optional(),
  site_id: z.string().optional(),
})

/** `Site`. */
export const SiteSchema = z.strictObject({
  site_id: z.string().min(1),
  name: z.string(),
  address: z.string().optional(),
  location: z.strictObject({ lat: z.number().min(-90).max(90), lng: z.number().min(-180).max(180) }).optional(),
  total_connectors: int.min(0).optional(),
  status_summary: z.strictObject({ idle: int.min(0), charging: int.min(0), fault: int.min(0) }).optional(),
  power_capacity: z.number().optional(),
  created_at: dateTime.optional(),
})

/** A page: `items`, `total`, `page`, `size` (size 1–100). */
export function pageSchema<T extends z.ZodType>(item: T) {
  return z.strictObject({ items: z.array(item), total: int.min(0), page: int.min(1), size: int.min(1).max(100) })
}

/** `ChargingRecord`. */
export const ChargingRecordSchema = z.strictObject({
  record_id: z.string().min(1),
  device_id: z.string().min(1),
  connector_id: int.min(1),
  start_time: dateTime,
  end_time: dateTime.optional(),
  energy: z.number(),
  max_power: z.number().optional(),
  avg_power: z.number().optional(),
  cost: z.number().optional(),
  meter_start: z.number().optional(),
  meter_end: z.number().optional(),
  vehicle_info: z
    .strictObject({
      vin: z.string().regex(/^[A-HJ-NPR-Z0-9]{17}$/),
      soc_start: int.min(0).max(100).optional(),
      soc_end: int.min(0).max(100).optional(),
    })
    .optional(),
})

/** `TelemetryFrame` (all top-level fields required). */
export const TelemetryFrameSchema = z.strictObject({
  device_id: z.string().min(1),
  timestamp: dateTime,
  connectors: z.array(
    z.strictObject({
      connector_id: int.min(1),
      state: ConnectorStateSchema,
      power: z.number().optional(),
      energy_delivered: z.number().optional(),
      soc: int.min(0).max(100).optional(),
    }),
  ),
})

/** Enveloped responses of the three read endpoints. */
export const SitePageEnvelopeSchema = successEnvelope(pageSchema(SiteSchema))
export const ChargingRecordPageEnvelopeSchema = successEnvelope(pageSchema(ChargingRecordSchema))
export const DeviceEnvelopeSchema = successEnvelope(DeviceSchema)
