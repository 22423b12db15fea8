/**
 * Schemas of the proposed extensions of the Tellus `Device` entity (not in production yet; see the
 * proposed-extensions page, items 1, 3 and 13): component-level health (on the device and on each
 * connector), OCPP version and CSMS message-rate metadata, and the extended metadata `product`,
 * `connectivity` and `lifecycle`.
 *
 * Each extension is described once, strictly (`*_STRICT`), and parsed tolerantly: a field whose
 * value does not match is dropped on its own (`tolerant`), so a malformed extension never hides the
 * rest of the device or the rest of the extension. Enum-like fields accept any text, so a value the
 * proposal does not list reaches the UI verbatim. `findExtensionIssues` names every dropped value.
 */
import { z } from 'zod'

const text = z.string().min(1)
const isoDateTime = z.string().min(1)
const nonNegative = z.number().min(0)
const celsius = z.number()

/** Documented values of `cooling_fan_status`; others are kept as received. */
export const KNOWN_FAN_STATUSES = ['ok', 'warning', 'fault'] as const
/** Documented values of `relay_state`; others are kept as received. */
export const KNOWN_RELAY_STATES = ['closed', 'open', 'fault'] as const
/** Documented values of `ocpp_version`; others are kept as received. */
export const KNOWN_OCPP_VERSIONS = ['1.6-J', '2.0.1'] as const
/** Documented values of `connectivity.type`; others are kept as received. */
export const KNOWN_CONNECTIVITY_TYPES = ['cellular', 'wifi', 'ethernet'] as const
/** Documented values of `lifecycle.activation_status`; others are kept as received. */
export const KNOWN_ACTIVATION_STATUSES = ['activated', 'suspended', 'decommissioned'] as const
/** Documented values of `product.current_type`; others are kept as received. */
export const KNOWN_CURRENT_TYPES = ['AC', 'DC'] as const

/** The four internal temperature sensors of `component_health.internal_temps` (°C). */
export const INTERNAL_TEMPS_STRICT = z.looseObject({
  power_module: celsius.nullish(),
  control_board: celsius.nullish(),
  ac_inlet: celsius.nullish(),
  dc_outlet: celsius.nullish(),
})

/** `component_health` as proposed (item 1); the last four fields are reported by V2G units only. */
export const COMPONENT_HEALTH_STRICT = z.looseObject({
  contactor_cycles: nonNegative.nullish(),
  contactor_max_cycles: z.number().positive().nullish(),
  cooling_fan_rpm: nonNegative.nullish(),
  cooling_fan_status: text.nullish(),
  internal_temps: INTERNAL_TEMPS_STRICT.nullish(),
  relay_state: text.nullish(),
  isolation_test_kohms: nonNegative.nullish(),
  last_isolation_test: isoDateTime.nullish(),
  bidirectional_inverter_cycles: nonNegative.nullish(),
  bidirectional_inverter_max_cycles: z.number().positive().nullish(),
  harmonic_distortion_v2g_pct: nonNegative.nullish(),
  discharge_contactor_cycles: nonNegative.nullish(),
})

/** `product` (item 13). */
export const PRODUCT_STRICT = z.looseObject({
  brand: text.nullish(),
  product_name: text.nullish(),
  rated_power_kw: nonNegative.nullish(),
  current_type: text.nullish(),
  phases: z.number().int().positive().nullish(),
  screen_resolution: text.nullish(),
  screen_size_inches: nonNegative.nullish(),
  connector_types: z.array(z.string()).nullish(),
  ip_rating: text.nullish(),
})

/** `connectivity` (item 13). */
export const CONNECTIVITY_STRICT = z.looseObject({
  type: text.nullish(),
  signal_strength_dbm: z.number().nullish(),
  mac_address: text.nullish(),
  imei: text.nullish(),
  last_heartbeat_at: isoDateTime.nullish(),
})

/** `lifecycle` (item 13). */
export const LIFECYCLE_STRICT = z.looseObject({
  activation_status: text.nullish(),
  activation_date: isoDateTime.nullish(),
  usage_duration_days: nonNegative.nullish(),
  warranty_expires_at: isoDateTime.nullish(),
  manufacturing_batch: text.nullish(),
})

/** Every extension field a `Device` may carry, strictly (items 1, 3 and 13). */
export const DEVICE_EXTENSIONS_STRICT = {
  component_health: COMPONENT_HEALTH_STRICT.nullish(),
  ocpp_version: text.nullish(),
  ocpp_csms_messages_per_minute: nonNegative.nullish(),
  ocpp_csms_last_message_at: isoDateTime.nullish(),
  ocpp_negotiated_features: z.array(z.string()).nullish(),
  product: PRODUCT_STRICT.nullish(),
  connectivity: CONNECTIVITY_STRICT.nullish(),
  lifecycle: LIFECYCLE_STRICT.nullish(),
}

/** The object schema a possibly optional/nullable schema wraps, or undefined for a leaf. */
function objectInside(schema: z.ZodType): z.ZodObject | undefined {
  let current: z.ZodType = schema
  while (current instanceof z.ZodOptional || current instanceof z.ZodNullable) current = current.unwrap() as z.ZodType
  return current instanceof z.ZodObject ? current : undefined
}

/**
 * The tolerant version of a strict field: a value that does not match becomes undefined instead of
 * failing the parse; objects are tolerant field by field (unknown keys kept).
 */
export function tolerant<S extends z.ZodType>(strict: S): z.ZodOptional<z.ZodType<z.output<S>>> {
  const object = objectInside(strict)
  const shape = object
    ? Object.fromEntries(Object.entries(object.shape).map(([key, field]) => [key, tolerant(field as z.ZodType)]))
    : undefined
  const lenient: z.ZodType = shape ? z.looseObject(shape).nullish() : strict.optional()
  return lenient.catch(undefined).optional() as unknown as z.ZodOptional<z.ZodType<z.output<S>>>
}

/** `component_health`, tolerant: used on the device and on each connector. */
export const ComponentHealthSchema = tolerant(COMPONENT_HEALTH_STRICT)
export type ComponentHealth = NonNullable<z.output<typeof COMPONENT_HEALTH_STRICT>>
export type InternalTemps = NonNullable<z.output<typeof INTERNAL_TEMPS_STRICT>>
export type Product = NonNullable<z.output<typeof PRODUCT_STRICT>>
export type Connectivity = NonNullable<z.output<typeof CONNECTIVITY_STRICT>>
export type Lifecycle = NonNullable<z.output<typeof LIFECYCLE_STRICT>>

type ExtensionShape = typeof DEVICE_EXTENSIONS_STRICT

/** The device-level extension fields, tolerant; spread into `DeviceSchema`. */
export const DEVICE_EXTENSIONS = Object.fromEntries(
  Object.entries(DEVICE_EXTENSIONS_STRICT).map(([key, field]) => [key, tolerant(field)]),
) as { [K in keyof ExtensionShape]: z.ZodOptional<z.ZodType<z.output<ExtensionShape[K]>>> }

/** One extension value that did not match its schema and was left out of the parsed device. */
export interface ExtensionIssue {
  /** Where it is, e.g. "connectors[0].component_health.contactor_cycles". */
  path: string
  /** The value as received, as JSON (shortened past 80 characters). */
  verbatim: string
}

const MAX_VERBATIM = 80

function verbatim(value: unknown): string {
  let json: string
  try {
    json = JSON.stringify(value) ?? String(value)
  } catch {
    json = String(value)
  }
  return json.length > MAX_VERBATIM ? `${json.slice(0, MAX_VERBATIM - 1)}…` : json
}

function isRecord(value: unknown): value is Record<string, unknown> {
  return typeof value === 'object' && value !== null && !Array.isArray(value)
}

function issuesIn(raw: Record<string, unknown>, shape: Record<string, z.ZodType>, prefix: string): ExtensionIssue[] {
  return Object.entries(shape).flatMap(([key, field]) => {
    const value = raw[key]
    if (value === undefined || value === null) return []
    const path = `${prefix}${key}`
    const object = objectInside(field)
    if (object && isRecord(value)) return issuesIn(value, object.shape as Record<string, z.ZodType>, `${path}.`)
    return field.safeParse(value).success ? [] : [{ path, verbatim: verbatim(value) }]
  })
}

/**
 * Every extension value in a raw device payload that the tolerant schemas dropped because it does
 * not match the proposal (wrong type, out of range, not an object), with where it is and what it was.
 * Never throws; a payload that is not an object has no issues here (the device schema reports it).
 */
export function findExtensionIssues(raw: unknown): ExtensionIssue[] {
  if (!isRecord(raw)) return []
  const onDevice = issuesIn(raw, DEVICE_EXTENSIONS_STRICT, '')
  const connectors = Array.isArray(raw['connectors']) ? raw['connectors'] : []
  const onConnectors = connectors.flatMap((connector, index) =>
    isRecord(connector) ? issuesIn(connector, { component_health: COMPONENT_HEALTH_STRICT.nullish() }, `connectors[${index}].`) : [],
  )
  return [...onDevice, ...onConnectors]
}
