/**
 * Labels, units and meanings of the proposed device extension fields (device-extensions.ts), written
 * once for the device view, the snapshot comparison and the exports. Paths are relative to the
 * object that carries the field: the device, or a `component_health` object.
 */

/** Units of extension values (the proposal's own units: cycles, RPM, °C, kΩ, %, dBm, kW, inches, days). */
export type ExtensionUnit = 'cycles' | 'RPM' | '°C' | 'kΩ' | '%' | 'msg/min' | 'kW' | 'dBm' | 'in' | 'days'

/** One extension field as the app shows it. */
export interface ExtensionFieldSpec {
  /** Where the value is, e.g. ['internal_temps', 'power_module']. */
  path: readonly string[]
  label: string
  unit: ExtensionUnit | null
  /** True for ISO 8601 times. */
  isTime?: true
  /** True for lists of text (shown joined with ", "). */
  isList?: true
}

/** The fields of a `component_health` object, in reading order. */
export const COMPONENT_HEALTH_FIELDS: readonly ExtensionFieldSpec[] = [
  { path: ['contactor_cycles'], label: 'Contactor cycles', unit: 'cycles' },
  { path: ['contactor_max_cycles'], label: 'Contactor rated cycles', unit: 'cycles' },
  { path: ['relay_state'], label: 'Relay', unit: null },
  { path: ['cooling_fan_rpm'], label: 'Cooling fan speed', unit: 'RPM' },
  { path: ['cooling_fan_status'], label: 'Cooling fan status', unit: null },
  { path: ['internal_temps', 'power_module'], label: 'Power module temperature', unit: '°C' },
  { path: ['internal_temps', 'control_board'], label: 'Control board temperature', unit: '°C' },
  { path: ['internal_temps', 'ac_inlet'], label: 'AC inlet temperature', unit: '°C' },
  { path: ['internal_temps', 'dc_outlet'], label: 'DC outlet temperature', unit: '°C' },
  { path: ['isolation_test_kohms'], label: 'Isolation resistance', unit: 'kΩ' },
  { path: ['last_isolation_test'], label: 'Last isolation test', unit: null, isTime: true },
  { path: ['bidirectional_inverter_cycles'], label: 'V2G inverter cycles', unit: 'cycles' },
  { path: ['bidirectional_inverter_max_cycles'], label: 'V2G inverter rated cycles', unit: 'cycles' },
  { path: ['harmonic_distortion_v2g_pct'], label: 'V2G harmonic distortion', unit: '%' },
  { path: ['discharge_contactor_cycles'], label: 'Discharge contactor cycles', unit: 'cycles' },
]

/** OCPP metadata (item 3). */
export const OCPP_FIELDS: readonly ExtensionFieldSpec[] = [
  { path: ['ocpp_version'], label: 'OCPP version', unit: null },
  { path: ['ocpp_csms_messages_per_minute'], label: 'CSMS message rate (5 min average)', unit: 'msg/min' },
  { path: ['ocpp_csms_last_message_at'], label: 'Last CSMS message', unit: null, isTime: true },
  { path: ['ocpp_negotiated_features'], label: 'Negotiated OCPP features', unit: null, isList: true },
]

/** `connectivity` (item 13). */
export const CONNECTIVITY_FIELDS: readonly ExtensionFieldSpec[] = [
  { path: ['connectivity', 'type'], label: 'Connection', unit: null },
  { path: ['connectivity', 'signal_strength_dbm'], label: 'Signal strength', unit: 'dBm' },
  { path: ['connectivity', 'last_heartbeat_at'], label: 'Link heartbeat', unit: null, isTime: true },
  { path: ['connectivity', 'mac_address'], label: 'MAC address', unit: null },
  { path: ['connectivity', 'imei'], label: 'IMEI', unit: null },
]

/** `lifecycle` (item 13). */
export const LIFECYCLE_FIELDS: readonly ExtensionFieldSpec[] = [
  { path: ['lifecycle', 'activation_status'], label: 'Activation', unit: null },
  { path: ['lifecycle', 'activation_date'], label: 'Activated on', unit: null, isTime: true },
  { path: ['lifecycle', 'warranty_expires_at'], label: 'Warranty until', unit: null, isTime: true },
  { path: ['lifecycle', 'usage_duration_days'], label: 'In service', unit: 'days' },
  { path: ['lifecycle', 'manufacturing_batch'], label: 'Manufacturing batch', unit: null },
]

/** `product` (item 13). */
export const PRODUCT_FIELDS: readonly ExtensionFieldSpec[] = [
  { path: ['product', 'brand'], label: 'Brand', unit: null },
  { path: ['product', 'product_name'], label: 'Product', unit: null },
  { path: ['product', 'rated_power_kw'], label: 'Rated power', unit: 'kW' },
  { path: ['product', 'current_type'], label: 'Current type', unit: null },
  { path: ['product', 'phases'], label: 'Phases', unit: null },
  { path: ['product', 'connector_types'], label: 'Connector types', unit: null, isList: true },
  { path: ['product', 'ip_rating'], label: 'IP rating', unit: null },
  { path: ['product', 'screen_size_inches'], label: 'Screen size', unit: 'in' },
  { path: ['product', 'screen_resolution'], label: 'Screen resolution', unit: null },
]

/** Every device-level extension field: component health (under `component_health`), OCPP, connectivity, lifecycle, product. */
export const DEVICE_EXTENSION_FIELDS: readonly ExtensionFieldSpec[] = [
  ...COMPONENT_HEALTH_FIELDS.map((spec) => ({ ...spec, path: ['component_health', ...spec.path] })),
  ...OCPP_FIELDS,
  ...CONNECTIVITY_FIELDS,
  ...LIFECYCLE_FIELDS,
  ...PRODUCT_FIELDS,
]

/** The value at a field's path in `source`; lists of text joined with ", "; undefined when absent. */
export function extensionValue(source: unknown, spec: ExtensionFieldSpec): string | number | boolean | undefined {
  let value: unknown = source
  for (const key of spec.path) value = typeof value === 'object' && value !== null ? (value as Record<string, unknown>)[key] : undefined
  if (Array.isArray(value)) return value.filter((item) => typeof item === 'string').join(', ')
  return typeof value === 'string' || typeof value === 'number' || typeof value === 'boolean' ? value : undefined
}
