/**
 * Labels, units and meanings of the proposed device extension fields (device-extensions.ts), written
 * once for the device view, the snapshot comparison and the exports. Paths are relative to the
 * object that carries the field: the device, or a `component_health` object.
 */

import {
  KNOWN_ACTIVATION_STATUSES,
  KNOWN_CONNECTIVITY_TYPES,
  KNOWN_CURRENT_TYPES,
  KNOWN_FAN_STATUSES,
  KNOWN_OCPP_VERSIONS,
  KNOWN_RELAY_STATES,
} from './device-extensions'

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
  /** What the value means to a technician, in one short sentence. */
  meaning: string
  /** For enum-like text: the values the proposal lists (any other value is shown verbatim, marked as unlisted). */
  known?: readonly string[]
}

/** The fields of a `component_health` object, in reading order. */
export const COMPONENT_HEALTH_FIELDS: readonly ExtensionFieldSpec[] = [
  { path: ['contactor_cycles'], label: 'Contactor cycles', unit: 'cycles', meaning: 'Times the main contactor has closed; it wears with every session.' },
  { path: ['contactor_max_cycles'], label: 'Contactor rated cycles', unit: 'cycles', meaning: 'The cycles the contactor is rated for; past them it may weld (F-0101).' },
  { path: ['relay_state'], label: 'Relay', unit: null, meaning: 'Whether the output relay is closed (delivering), open, or in fault.', known: KNOWN_RELAY_STATES },
  { path: ['cooling_fan_rpm'], label: 'Cooling fan speed', unit: 'RPM', meaning: 'Cabinet fan speed; nominal is about 1,800 RPM (F-0601).' },
  { path: ['cooling_fan_status'], label: 'Cooling fan status', unit: null, meaning: "The charger's own judgement of its fan.", known: KNOWN_FAN_STATUSES },
  { path: ['internal_temps', 'power_module'], label: 'Power module temperature', unit: '°C', meaning: 'Inside the power conversion module, the hottest part under load.' },
  { path: ['internal_temps', 'control_board'], label: 'Control board temperature', unit: '°C', meaning: 'On the control electronics.' },
  { path: ['internal_temps', 'ac_inlet'], label: 'AC inlet temperature', unit: '°C', meaning: 'At the mains (AC) terminals.' },
  { path: ['internal_temps', 'dc_outlet'], label: 'DC outlet temperature', unit: '°C', meaning: 'At the DC output towards the cable.' },
  { path: ['isolation_test_kohms'], label: 'Isolation resistance', unit: 'kΩ', meaning: 'Insulation between live parts and earth at the last self-test; passes above 1 MΩ.' },
  { path: ['last_isolation_test'], label: 'Last isolation test', unit: null, isTime: true, meaning: 'When the last isolation self-test ran.' },
  { path: ['bidirectional_inverter_cycles'], label: 'V2G inverter cycles', unit: 'cycles', meaning: 'Charge/discharge reversals of the V2G inverter (V2G units only).' },
  { path: ['bidirectional_inverter_max_cycles'], label: 'V2G inverter rated cycles', unit: 'cycles', meaning: 'The cycles the V2G inverter is rated for (F-0701).' },
  { path: ['harmonic_distortion_v2g_pct'], label: 'V2G harmonic distortion', unit: '%', meaning: 'Distortion the charger puts on the grid while discharging (V2G units only).' },
  { path: ['discharge_contactor_cycles'], label: 'Discharge contactor cycles', unit: 'cycles', meaning: 'Times the discharge contactor has closed (V2G units only).' },
]

/** OCPP metadata (item 3). */
export const OCPP_FIELDS: readonly ExtensionFieldSpec[] = [
  { path: ['ocpp_version'], label: 'OCPP version', unit: null, meaning: "The OCPP protocol the charger speaks to the operator's CSMS.", known: KNOWN_OCPP_VERSIONS },
  { path: ['ocpp_csms_messages_per_minute'], label: 'CSMS message rate (5 min average)', unit: 'msg/min', meaning: 'OCPP messages per minute to the CSMS, averaged over 5 min; 0 means silent.' },
  { path: ['ocpp_csms_last_message_at'], label: 'Last CSMS message', unit: null, isTime: true, meaning: 'When the charger last sent the CSMS anything.' },
  { path: ['ocpp_negotiated_features'], label: 'Negotiated OCPP features', unit: null, isList: true, meaning: 'OCPP feature profiles both sides agreed on.' },
]

/** `connectivity` (item 13). */
export const CONNECTIVITY_FIELDS: readonly ExtensionFieldSpec[] = [
  { path: ['connectivity', 'type'], label: 'Connection', unit: null, meaning: 'How the charger reaches the network.', known: KNOWN_CONNECTIVITY_TYPES },
  { path: ['connectivity', 'signal_strength_dbm'], label: 'Signal strength', unit: 'dBm', meaning: 'Received radio signal; closer to 0 dBm is stronger, below about -100 dBm links drop.' },
  { path: ['connectivity', 'last_heartbeat_at'], label: 'Link heartbeat', unit: null, isTime: true, meaning: 'When the network link last answered.' },
  { path: ['connectivity', 'mac_address'], label: 'MAC address', unit: null, meaning: 'Hardware address of the network interface.' },
  { path: ['connectivity', 'imei'], label: 'IMEI', unit: null, meaning: 'Identity of the cellular modem.' },
]

/** `lifecycle` (item 13). */
export const LIFECYCLE_FIELDS: readonly ExtensionFieldSpec[] = [
  { path: ['lifecycle', 'activation_status'], label: 'Activation', unit: null, meaning: 'Whether the charger is activated for use with its operator.', known: KNOWN_ACTIVATION_STATUSES },
  { path: ['lifecycle', 'activation_date'], label: 'Activated on', unit: null, isTime: true, meaning: 'When the charger was activated.' },
  { path: ['lifecycle', 'warranty_expires_at'], label: 'Warranty until', unit: null, isTime: true, meaning: "When the manufacturer's warranty ends." },
  { path: ['lifecycle', 'usage_duration_days'], label: 'In service', unit: 'days', meaning: 'Days since activation.' },
  { path: ['lifecycle', 'manufacturing_batch'], label: 'Manufacturing batch', unit: null, meaning: 'Production batch, for recalls and service bulletins.' },
]

/** `product` (item 13). */
export const PRODUCT_FIELDS: readonly ExtensionFieldSpec[] = [
  { path: ['product', 'brand'], label: 'Brand', unit: null, meaning: 'Brand on the nameplate.' },
  { path: ['product', 'product_name'], label: 'Product', unit: null, meaning: 'Product name on the nameplate.' },
  { path: ['product', 'rated_power_kw'], label: 'Rated power', unit: 'kW', meaning: 'Maximum output the charger is rated for.' },
  { path: ['product', 'current_type'], label: 'Current type', unit: null, meaning: 'AC or DC output.', known: KNOWN_CURRENT_TYPES },
  { path: ['product', 'phases'], label: 'Phases', unit: null, meaning: 'Mains phases connected.' },
  { path: ['product', 'connector_types'], label: 'Connector types', unit: null, isList: true, meaning: 'Plug types of the connectors.' },
  { path: ['product', 'ip_rating'], label: 'IP rating', unit: null, meaning: 'Protection against dust and water.' },
  { path: ['product', 'screen_size_inches'], label: 'Screen size', unit: 'in', meaning: 'Display diagonal.' },
  { path: ['product', 'screen_resolution'], label: 'Screen resolution', unit: null, meaning: 'Display resolution.' },
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
