/**
 * Schemas of the Tellus Open Platform API v1.3 operator responses, as the app reads them.
 *
 * Strict about types, tolerant of additions: every object keeps unknown fields (`z.looseObject`),
 * and enum-like fields accept any string so that a value the spec does not list (a connector in
 * `preparing`, a device in `fault`) reaches the UI verbatim instead of failing the whole response.
 * The documented values are exported as constants so the UI and diagnostics can tell known from unknown.
 */
import { z } from 'zod'
import { ComponentHealthSchema, DEVICE_EXTENSIONS } from './device-extensions'

/** Connector states documented in v1.3 (`ConnectorState`). Others may appear and are kept as-is. */
export const KNOWN_CONNECTOR_STATES = ['idle', 'charging', 'discharging', 'fault', 'unavailable'] as const
export type KnownConnectorState = (typeof KNOWN_CONNECTOR_STATES)[number]

/** Device statuses documented in v1.3 (`Device.status`). Others may appear and are kept as-is. */
export const KNOWN_DEVICE_STATUSES = ['online', 'offline'] as const
export type KnownDeviceStatus = (typeof KNOWN_DEVICE_STATUSES)[number]

/** Site status filter values. */
export const SITE_STATUSES = ['active', 'inactive'] as const

const isoDateTime = z.string().min(1)
const openEnum = z.string().min(1)
/** A reading the platform may omit or send as null; both mean "no reading". */
const optionalNumber = z.number().nullish()

/** Response of `POST /v1/operator/oauth/token` (not enveloped per the OpenAPI). */
export const AccessTokenSchema = z.looseObject({
  access_token: z.string().min(1),
  token_type: z.string().min(1),
  expires_in: z.number().int().positive(),
})
export type AccessToken = z.infer<typeof AccessTokenSchema>

/** The `{code, message, data}` envelope around every other response. */
export const EnvelopeSchema = z.looseObject({
  code: z.number().int(),
  message: z.string().optional(),
  data: z.unknown().optional(),
  details: z.record(z.string(), z.unknown()).nullish(),
})
export type Envelope = z.infer<typeof EnvelopeSchema>

/** One connector of a device (`Connector`): `connector_id` and `status` are required. */
export const ConnectorSchema = z.looseObject({
  connector_id: z.number().int().min(1),
  status: openEnum,
  power: optionalNumber,
  voltage: optionalNumber,
  current: optionalNumber,
  energy_delivered: optionalNumber,
  soc: optionalNumber,
  temperature: optionalNumber,
  last_telemetry_time: isoDateTime.nullish(),
  /** Proposed extension (not in production): this connector's component health. */
  component_health: ComponentHealthSchema,
})
export type Connector = z.infer<typeof ConnectorSchema>

/** A charger (`Device`): only `device_id` is required by the spec. */
export const DeviceSchema = z.looseObject({
  device_id: z.string().min(1),
  sn: z.string().nullish(),
  model: z.string().nullish(),
  manufacturer: z.string().nullish(),
  firmware_version: z.string().nullish(),
  status: openEnum.nullish(),
  connectors: z.array(ConnectorSchema).nullish(),
  last_heartbeat: isoDateTime.nullish(),
  site_id: z.string().nullish(),
  /** Proposed extensions (not in production), each parsed tolerantly: see device-extensions.ts. */
  ...DEVICE_EXTENSIONS,
})
export type Device = z.infer<typeof DeviceSchema>

/** A charging site (`Site`). Sites carry no device ids. */
export const SiteSchema = z.looseObject({
  site_id: z.string().min(1),
  name: z.string(),
  address: z.string().nullish(),
  location: z.looseObject({ lat: z.number().min(-90).max(90), lng: z.number().min(-180).max(180) }).nullish(),
  total_connectors: z.number().int().min(0).nullish(),
  status_summary: z
    .looseObject({ idle: z.number().int().min(0), charging: z.number().int().min(0), fault: z.number().int().min(0) })
    .partial()
    .nullish(),
  power_capacity: optionalNumber,
  created_at: isoDateTime.nullish(),
  status: z.string().nullish(),
})
export type Site = z.infer<typeof SiteSchema>

/** A charging session record (CDR). */
export const ChargingRecordSchema = z.looseObject({
  record_id: z.string().min(1),
  device_id: z.string().min(1),
  connector_id: z.number().int().min(1),
  start_time: isoDateTime,
  end_time: isoDateTime.nullish(),
  energy: z.number(),
  max_power: optionalNumber,
  avg_power: optionalNumber,
  cost: optionalNumber,
  meter_start: optionalNumber,
  meter_end: optionalNumber,
  vehicle_info: z
    .looseObject({ vin: z.string().nullish(), soc_start: optionalNumber, soc_end: optionalNumber })
    .nullish(),
})
export type ChargingRecord = z.infer<typeof ChargingRecordSchema>

/** A page of items: `data.items/total/page/size`. */
export function pageSchema<T extends z.ZodType>(item: T) {
  return z.looseObject({
    items: z.array(item),
    total: z.number().int().min(0),
    page: z.number().int().min(1),
    size: z.number().int().min(1),
  })
}
export const SitePageSchema = pageSchema(SiteSchema)
export type SitePage = z.infer<typeof SitePageSchema>
export const ChargingRecordPageSchema = pageSchema(ChargingRecordSchema)
export type ChargingRecordPage = z.infer<typeof ChargingRecordPageSchema>

/** One frame of the WebSocket telemetry stream. */
export const TelemetryFrameSchema = z.looseObject({
  device_id: z.string().min(1),
  timestamp: isoDateTime,
  connectors: z.array(
    z.looseObject({
      connector_id: z.number().int().min(1),
      state: openEnum,
      power: optionalNumber,
      energy_delivered: optionalNumber,
      soc: optionalNumber,
      component_health: ComponentHealthSchema,
    }),
  ),
  component_health: ComponentHealthSchema,
})
export type TelemetryFrame = z.infer<typeof TelemetryFrameSchema>
