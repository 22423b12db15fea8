/**
 * The proposed device extensions (component health, OCPP metadata, product, connectivity,
 * lifecycle) some simulated chargers report when the simulator runs with `extensions: true`
 * (`--extensions`; on for the demo fleet). Others report none, as production chargers do today.
 *
 * Cases: a worn contactor (dvc_3f9a1c7e5b20, 84,500 of a DC contactor's 100,000 cycles), an OCPP
 * 2.0.1 V2G charger whose bidirectional inverter is near its rated cycles (dvc_c47d19e2a6f8), a
 * slow cooling fan (dvc_b8f3a0c6e2d5, 1,240 RPM), a failed isolation test (dvc_6a4c2f8e0d37,
 * connector 2 at 640 kΩ), and a charger in the underground car park whose CSMS has gone silent,
 * on a weak cellular link, with an activation status the proposal does not list (dvc_e5a7c9b1d3f4).
 */
import type { DeviceSpec } from './fleet'
import { toIsoSeconds } from './iso-time'
import { noiseFor, round } from './prng'
import type { FleetEnv } from './readings'

/** `component_health` as a simulated charger reports it. */
export type HealthData = Record<string, unknown>

/** The extension fields of one charger at one instant. */
export interface ExtensionData {
  /** Device-level fields (component_health, ocpp_*, product, connectivity, lifecycle). */
  device: Record<string, unknown>
  /** `component_health` per connector id. */
  connectors: Record<number, HealthData>
}

const MINUTE = 60_000
const DAY = 86_400_000

/** What a spec needs to compute time-dependent values: the instant, the simulator start and noise. */
interface ExtensionClock {
  now: number
  startedAt: number
  /** Deterministic noise in [-1, 1] for this charger, this key and this 5 s sample. */
  noise(key: string): number
}

type ExtensionSpec = (clock: ExtensionClock) => ExtensionData

const temps = (clock: ExtensionClock, base: Record<string, number>): Record<string, number> =>
  Object.fromEntries(Object.entries(base).map(([sensor, c]) => [sensor, round(c + 0.4 * clock.noise(sensor), 1)]))
const fan = (clock: ExtensionClock, rpm: number): number => Math.round(rpm + 15 * clock.noise('fan'))

const SPECS: Readonly<Record<string, ExtensionSpec>> = {
  dvc_3f9a1c7e5b20: (clock) => ({
    device: {
      component_health: {
        cooling_fan_rpm: fan(clock, 1_830),
        cooling_fan_status: 'ok',
        internal_temps: temps(clock, { power_module: 54, control_board: 41, ac_inlet: 33, dc_outlet: 47 }),
        isolation_test_kohms: 8_400,
        last_isolation_test: toIsoSeconds(clock.startedAt - 2 * DAY - 5 * 3_600_000),
      },
      ocpp_version: '1.6-J',
      ocpp_csms_messages_per_minute: 3.8,
      ocpp_csms_last_message_at: toIsoSeconds(clock.now - 20_000),
      ocpp_negotiated_features: ['Core', 'SmartCharging', 'FirmwareManagement', 'RemoteTrigger'],
      product: { brand: 'Tellus', product_name: 'TP-DC180 Dual', rated_power_kw: 180, current_type: 'DC', phases: 3, connector_types: ['CCS2', 'CCS2'], ip_rating: 'IP55' },
      connectivity: { type: 'ethernet', mac_address: '00:1B:63:84:45:E6', last_heartbeat_at: toIsoSeconds(clock.now - 12_000) },
      lifecycle: { activation_status: 'activated', activation_date: '2023-04-03', usage_duration_days: 972, warranty_expires_at: '2026-04-03T00:00:00Z', manufacturing_batch: 'B-2303-11' },
    },
    connectors: {
      1: { contactor_cycles: 84_500, relay_state: 'closed' },
      2: { contactor_cycles: 21_300, relay_state: 'open' },
    },
  }),
  dvc_c47d19e2a6f8: (clock) => ({
    device: {
      component_health: {
        cooling_fan_rpm: fan(clock, 1_870),
        cooling_fan_status: 'ok',
        internal_temps: temps(clock, { power_module: 61, control_board: 44, ac_inlet: 36, dc_outlet: 52 }),
      },
      ocpp_version: '2.0.1',
      ocpp_csms_messages_per_minute: 6.1,
      ocpp_csms_last_message_at: toIsoSeconds(clock.now - 8_000),
      ocpp_negotiated_features: ['SmartCharging', 'FirmwareManagement', 'ISO15118', 'Security', 'DisplayMessage'],
      product: { brand: 'Tellus', product_name: 'TP-DC360 V2G', rated_power_kw: 360, current_type: 'DC', phases: 3, connector_types: ['CCS2', 'CCS2'], ip_rating: 'IP55', screen_size_inches: 10.1 },
      connectivity: { type: 'ethernet', mac_address: '00:1B:63:9A:02:7C', last_heartbeat_at: toIsoSeconds(clock.now - 4_000) },
      lifecycle: { activation_status: 'activated', activation_date: '2023-12-11', usage_duration_days: 720, warranty_expires_at: '2028-12-11T00:00:00Z', manufacturing_batch: 'B-2311-02' },
    },
    connectors: {
      1: { contactor_cycles: 9_800, relay_state: 'closed', isolation_test_kohms: 14_200, last_isolation_test: toIsoSeconds(clock.startedAt - 6 * 3_600_000) },
      2: {
        contactor_cycles: 11_050,
        relay_state: 'closed',
        isolation_test_kohms: 13_900,
        last_isolation_test: toIsoSeconds(clock.startedAt - 7 * 3_600_000),
        bidirectional_inverter_cycles: 46_200,
        bidirectional_inverter_max_cycles: 50_000,
        harmonic_distortion_v2g_pct: round(2.8 + 0.1 * clock.noise('thd'), 1),
        discharge_contactor_cycles: 4_120,
      },
    },
  }),
  dvc_b8f3a0c6e2d5: (clock) => ({
    device: {
      component_health: {
        contactor_cycles: 31_000,
        contactor_max_cycles: 100_000,
        cooling_fan_rpm: fan(clock, 1_240),
        cooling_fan_status: 'warning',
        internal_temps: temps(clock, { power_module: 71, control_board: 52, ac_inlet: 38, dc_outlet: 58 }),
        relay_state: 'closed',
        isolation_test_kohms: 9_700,
        last_isolation_test: toIsoSeconds(clock.startedAt - 4 * DAY),
      },
      ocpp_version: '1.6-J',
      ocpp_csms_messages_per_minute: 2.4,
      ocpp_csms_last_message_at: toIsoSeconds(clock.now - 41_000),
      ocpp_negotiated_features: ['Core', 'SmartCharging'],
      connectivity: { type: 'cellular', signal_strength_dbm: -88, imei: '356938035643809', last_heartbeat_at: toIsoSeconds(clock.now - 9_000) },
      lifecycle: { activation_status: 'activated', activation_date: '2024-03-18', usage_duration_days: 623, warranty_expires_at: '2027-03-18T00:00:00Z' },
    },
    connectors: {},
  }),
  dvc_6a4c2f8e0d37: (clock) => ({
    device: {
      component_health: {
        cooling_fan_rpm: fan(clock, 1_810),
        cooling_fan_status: 'ok',
        internal_temps: temps(clock, { power_module: 39, control_board: 34, ac_inlet: 31 }),
      },
      product: { brand: 'Tellus', product_name: 'TP-AC22', rated_power_kw: 22, current_type: 'AC', phases: 3, connector_types: ['Type 2', 'Type 2'], ip_rating: 'IP54' },
      connectivity: { type: 'wifi', signal_strength_dbm: -61, mac_address: '00:1B:63:11:C0:3F', last_heartbeat_at: toIsoSeconds(clock.now - 17_000) },
      lifecycle: { activation_status: 'activated', activation_date: '2024-02-26', usage_duration_days: 644, warranty_expires_at: '2027-02-26T00:00:00Z' },
    },
    connectors: {
      1: { contactor_cycles: 18_200, relay_state: 'closed', isolation_test_kohms: 11_000, last_isolation_test: toIsoSeconds(clock.startedAt - 2 * 3_600_000) },
      2: { contactor_cycles: 16_900, relay_state: 'open', isolation_test_kohms: 640, last_isolation_test: toIsoSeconds(clock.startedAt - 3 * 3_600_000) },
    },
  }),
  dvc_e5a7c9b1d3f4: (clock) => ({
    device: {
      ocpp_version: '1.6-J',
      ocpp_csms_messages_per_minute: 0,
      ocpp_csms_last_message_at: toIsoSeconds(clock.startedAt - 26 * MINUTE),
      ocpp_negotiated_features: ['Core'],
      connectivity: { type: 'cellular', signal_strength_dbm: -109, imei: '356938035611204', last_heartbeat_at: toIsoSeconds(clock.now - 21_000) },
      lifecycle: { activation_status: 'pending_transfer', activation_date: '2024-09-20', usage_duration_days: 438, warranty_expires_at: '2027-09-20T00:00:00Z', manufacturing_batch: 'B-2409-05' },
    },
    connectors: { 1: { contactor_cycles: 12_400, relay_state: 'open', isolation_test_kohms: 15_000, last_isolation_test: toIsoSeconds(clock.startedAt - 20 * DAY) } },
  }),
}

/** Readings are re-sampled once per telemetry interval, like the connector readings. */
const SAMPLE_MS = 5_000

/** The extension fields a charger reports at `now`, or undefined when it reports none (or extensions are off). */
export function extensionsAt(device: DeviceSpec, env: FleetEnv, now: number): ExtensionData | undefined {
  const spec = env.extensions ? SPECS[device.deviceId] : undefined
  if (!spec) return undefined
  const sample = Math.floor(now / SAMPLE_MS)
  return spec({ now, startedAt: env.startedAt, noise: (key) => noiseFor(env.seed, device.deviceId, 'extensions', key, sample) })
}

/** Device ids that report extensions when they are on. */
export const DEVICES_WITH_EXTENSIONS: readonly string[] = Object.keys(SPECS)
