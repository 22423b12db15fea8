/**
 * The simulated fleet: sites, chargers and what is happening at each connector. Static facts only;
 * the readings that change over time are computed in `readings.ts`.
 *
 * It deliberately contains every case the app must show: every connector state plus `preparing`
 * (not in the v1.3 enum), an offline charger with a stale heartbeat, a hot AC connector (71 °C, over
 * the 65 °C warning level), a V2G discharge, firmware that is current and firmware that is behind
 * (3.0.1 on a TP-DC180, inside the F-0421 range 3.0.0–3.0.2; 4.0.0 on a TP-DC360).
 */
import type { ModelName } from './models'

/** Connector states the simulator produces: the v1.3 `ConnectorState` enum plus the undocumented `preparing`. */
export type SimConnectorState = 'idle' | 'charging' | 'discharging' | 'fault' | 'unavailable' | 'preparing'

/** The vehicle session at a connector that is charging, discharging or preparing. */
export interface SessionSpec {
  batteryKwh: number
  /** State of charge when the session started (%). */
  socStart: number
  /** Power the session settles at (kW, a magnitude; after any throttling). */
  powerKw: number
  /** DC only: nominal battery pack voltage (400 V or 800 V class). */
  packVoltage?: number
  /** Where constant-power charging turns into the taper (%); default 80 DC, 95 AC. */
  kneeSoc?: number
  /** Discharge stops at this state of charge (%); default 30. */
  minSoc?: number
  /** AC only: the vehicle's on-board charger draws one phase even on a three-phase unit. */
  singlePhase?: boolean
}

/** One connector of a simulated charger. */
export interface ConnectorSpec {
  connectorId: number
  state: SimConnectorState
  session?: SessionSpec
  /** A fixed connector temperature (°C), for a connector that runs hot regardless of load. */
  temperatureC?: number
  /** Set by the connector control: the session began at this instant (simulator clock, ms) instead of mid-cycle. */
  sessionStartedAt?: number
}

/** One simulated charger. */
export interface DeviceSpec {
  deviceId: string
  sn: string
  model: ModelName
  firmwareVersion: string
  siteId: string
  /** Set for an offline charger: how long before the simulator started its last heartbeat arrived. */
  offlineForMs?: number
  connectors: ConnectorSpec[]
}

/** One charging site. */
export interface SiteSpec {
  siteId: string
  name: string
  address: string
  location: { lat: number; lng: number }
  status: 'active' | 'inactive'
  createdAt: string
  /** Ambient temperature the connectors sit in (°C). */
  ambientC: number
}

/** Manufacturer name every simulated charger reports. */
export const MANUFACTURER = 'Tellus Power'

/** The sites, ordered by id. */
export const SITES: readonly SiteSpec[] = [
  {
    siteId: 'site_001',
    name: 'Harbour Point Fleet Depot',
    address: '12 Quay Road, Harbour Point Industrial Estate',
    location: { lat: 51.9054, lng: 4.4662 },
    status: 'active',
    createdAt: '2023-03-14T08:00:00Z',
    ambientC: 19,
  },
  {
    siteId: 'site_002',
    name: 'Northgate Retail Park',
    address: '4 Northgate Way, Northgate',
    location: { lat: 53.8301, lng: -1.5403 },
    status: 'active',
    createdAt: '2024-01-22T09:30:00Z',
    ambientC: 23,
  },
  {
    siteId: 'site_003',
    name: 'Riverside Underground Car Park',
    address: 'Level -2, 1 Riverside Walk',
    location: { lat: 51.5079, lng: -0.1281 },
    status: 'active',
    createdAt: '2024-09-02T07:15:00Z',
    ambientC: 17,
  },
  {
    siteId: 'site_004',
    name: 'Eastfield Bus Depot (planned)',
    address: '90 Eastfield Road, Eastfield',
    location: { lat: 52.4862, lng: -1.8904 },
    status: 'inactive',
    createdAt: '2025-11-03T10:00:00Z',
    ambientC: 15,
  },
]

const HOUR = 3_600_000

/** The chargers. Ids are fixed (dvc_ + 12 hex) so documents and tests can name them. */
export const DEVICES: readonly DeviceSpec[] = [
  {
    deviceId: 'dvc_3f9a1c7e5b20',
    sn: 'TP180-2303-00412',
    model: 'TP-DC180',
    firmwareVersion: '3.1.0',
    siteId: 'site_001',
    connectors: [
      { connectorId: 1, state: 'charging', session: { batteryKwh: 77, socStart: 18, powerKw: 135, packVoltage: 400 } },
      { connectorId: 2, state: 'idle' },
    ],
  },
  {
    deviceId: 'dvc_8b2e4d6f1a93',
    sn: 'TP180-2303-00457',
    model: 'TP-DC180',
    firmwareVersion: '3.0.1',
    siteId: 'site_001',
    connectors: [
      { connectorId: 1, state: 'preparing', session: { batteryKwh: 64, socStart: 34, powerKw: 0, packVoltage: 400 } },
      { connectorId: 2, state: 'fault' },
    ],
  },
  {
    deviceId: 'dvc_c47d19e2a6f8',
    sn: 'TP360-2311-00088',
    model: 'TP-DC360',
    firmwareVersion: '4.1.0',
    siteId: 'site_001',
    connectors: [
      { connectorId: 1, state: 'charging', session: { batteryKwh: 97, socStart: 22, powerKw: 240, packVoltage: 800 } },
      { connectorId: 2, state: 'discharging', session: { batteryKwh: 82, socStart: 76, powerKw: 20, packVoltage: 400, minSoc: 30 } },
    ],
  },
  {
    deviceId: 'dvc_5e0b8a3d7c14',
    sn: 'TP360-2308-00031',
    model: 'TP-DC360',
    firmwareVersion: '4.0.0',
    siteId: 'site_001',
    connectors: [
      { connectorId: 1, state: 'idle' },
      { connectorId: 2, state: 'unavailable' },
    ],
  },
  {
    deviceId: 'dvc_b8f3a0c6e2d5',
    sn: 'TP060-2402-01190',
    model: 'TP-DC60',
    firmwareVersion: '2.2.1',
    siteId: 'site_001',
    connectors: [{ connectorId: 1, state: 'charging', session: { batteryKwh: 75, socStart: 41, powerKw: 50, packVoltage: 400 } }],
  },
  {
    deviceId: 'dvc_a1b2c3d4e5f6',
    sn: 'AC7V2-2401-10233',
    model: 'AC-7kW-V2',
    firmwareVersion: '2.1.0',
    siteId: 'site_002',
    connectors: [{ connectorId: 1, state: 'charging', session: { batteryKwh: 64, socStart: 45, powerKw: 7.36 } }],
  },
  {
    deviceId: 'dvc_2d7f0e9b4c61',
    sn: 'AC7V2-2306-08817',
    model: 'AC-7kW-V2',
    firmwareVersion: '2.0.4',
    siteId: 'site_002',
    connectors: [
      // Throttled to 16 A because the connector runs at 71 °C (F-0203: over the 65 °C AC warning level).
      { connectorId: 1, state: 'charging', temperatureC: 71, session: { batteryKwh: 58, socStart: 37, powerKw: 3.68 } },
    ],
  },
  {
    deviceId: 'dvc_6a4c2f8e0d37',
    sn: 'TPA22-2402-03321',
    model: 'TP-AC22',
    firmwareVersion: '1.4.2',
    siteId: 'site_002',
    connectors: [
      // A vehicle whose on-board charger draws one phase (32 A at 230 V) on the three-phase unit.
      { connectorId: 1, state: 'charging', session: { batteryKwh: 52, socStart: 28, powerKw: 7.36, singlePhase: true } },
      { connectorId: 2, state: 'idle' },
    ],
  },
  {
    deviceId: 'dvc_9e1d5b3a7f02',
    sn: 'TPA22-2210-00764',
    model: 'TP-AC22',
    firmwareVersion: '1.3.0',
    siteId: 'site_002',
    connectors: [
      { connectorId: 1, state: 'fault' },
      { connectorId: 2, state: 'idle' },
    ],
  },
  {
    deviceId: 'dvc_d2f4a6c8e0b1',
    sn: 'AC7V2-2403-11002',
    model: 'AC-7kW-V2',
    firmwareVersion: '2.1.0',
    siteId: 'site_002',
    connectors: [{ connectorId: 1, state: 'idle' }],
  },
  {
    deviceId: 'dvc_4c6e8a0b2d19',
    sn: 'TP180-2405-00903',
    model: 'TP-DC180',
    firmwareVersion: '3.1.0',
    siteId: 'site_003',
    offlineForMs: 3 * HOUR + 14 * 60_000 + 27_000,
    connectors: [
      { connectorId: 1, state: 'idle' },
      { connectorId: 2, state: 'unavailable' },
    ],
  },
  {
    deviceId: 'dvc_e5a7c9b1d3f4',
    sn: 'AC7V2-2409-12540',
    model: 'AC-7kW-V2',
    firmwareVersion: '2.1.0',
    siteId: 'site_003',
    connectors: [{ connectorId: 1, state: 'idle' }],
  },
  {
    deviceId: 'dvc_7b9d1f3a5c8e',
    sn: 'TP060-2409-01577',
    model: 'TP-DC60',
    firmwareVersion: '2.1.0',
    siteId: 'site_003',
    connectors: [{ connectorId: 1, state: 'charging', session: { batteryKwh: 60, socStart: 63, powerKw: 45, packVoltage: 400 } }],
  },
]

/** Looks up a charger by id. */
export function findDevice(deviceId: string): DeviceSpec | undefined {
  return DEVICES.find((device) => device.deviceId === deviceId)
}

/** Looks up a site by id (every device's site exists). */
export function siteOf(device: DeviceSpec): SiteSpec {
  const site = SITES.find((candidate) => candidate.siteId === device.siteId)
  if (!site) throw new Error(`Fleet error: ${device.deviceId} names unknown site ${device.siteId}`)
  return site
}
