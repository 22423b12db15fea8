/**
 * Compares two snapshots of a charger: device-level fields and every connector reading, before
 * and after, with a changed flag and a numeric delta. Pure, so the renderer and the exports use
 * the same answer. Payloads are parsed with `DeviceSchema`; one that does not parse is reported
 * as unreadable instead of throwing. The proposed extensions (component health, OCPP metadata,
 * connectivity, lifecycle, product) are compared too, as rows present only when either side reports them.
 */
import type { Finding } from '../diagnostics/finding'
import type { Snapshot } from '../snapshot-types'
import { COMPONENT_HEALTH_FIELDS, DEVICE_EXTENSION_FIELDS, extensionValue, type ExtensionFieldSpec } from '../tellus/extension-fields'
import { DeviceSchema, type Connector, type Device } from '../tellus/schemas'
import { CONNECTOR_READINGS, DEVICE_FIELDS, isWithinTolerance, type ReadingTolerance } from './snapshot-fields'

/** A value as compared: text, number, or null when the field was absent. */
export type ComparedValue = string | number | boolean | null

/**
 * One field before and after. `delta` is `after - before` when both are numbers. `changed` means a
 * meaningful change: a reading that differs by less than its tolerance is `withinTolerance` instead.
 */
export interface ValueChange {
  field: string
  label: string
  unit: string | null
  before: ComparedValue
  after: ComparedValue
  changed: boolean
  delta: number | null
  /** The values differ, but by less than the reading's tolerance: shown as unchanged. */
  withinTolerance: boolean
  /** The reading's tolerance as shown ("±2 %"), or null when any difference counts. */
  tolerance: string | null
  /** True for ISO 8601 times that are not named in the core field lists (extension times). */
  isTime?: true
}

/** One connector, matched by `connector_id`; `added`/`removed` when only one snapshot has it. */
export interface ConnectorComparison {
  connectorId: number
  presence: 'both' | 'added' | 'removed'
  changed: boolean
  readings: ValueChange[]
}

/** Which snapshot a side is, and whether its payload could be read as a device. */
export interface ComparedSide {
  id: string
  deviceId: string
  fetchedAt: string
  readable: boolean
  /** Why the payload could not be read ("Unreadable payload: …"), or null. */
  problem: string | null
}

/**
 * The structured difference between two snapshots. `device` and `connectors` are empty when
 * either payload is unreadable (`comparable: false`). Callers may attach diagnostics with
 * `findings` (computed when displaying, never stored); connector findings line up with
 * `connectors[].connectorId` through `Finding.connectorId`.
 */
export interface SnapshotComparison {
  older: ComparedSide
  newer: ComparedSide
  sameDevice: boolean
  comparable: boolean
  /** Time between the two fetches, or null when a time does not parse. */
  elapsedMs: number | null
  device: ValueChange[]
  connectors: ConnectorComparison[]
  /** Changed device fields plus changed connector readings. */
  changedCount: number
  findings?: { older: Finding[]; newer: Finding[] }
}

type ReadResult = { ok: true; device: Device } | { ok: false; problem: string }

/** Compares `older` with `newer` (in the order given). Never throws. */
export function compareSnapshots(older: Snapshot, newer: Snapshot): SnapshotComparison {
  const before = readDevice(older.data)
  const after = readDevice(newer.data)
  const comparable = before.ok && after.ok
  const device = before.ok && after.ok ? compareDeviceFields(before.device, after.device) : []
  const connectors = before.ok && after.ok ? compareConnectors(before.device, after.device) : []
  const changedCount =
    device.filter((change) => change.changed).length +
    connectors.reduce((sum, connector) => sum + connector.readings.filter((r) => r.changed).length, 0)
  return {
    older: side(older, before),
    newer: side(newer, after),
    sameDevice: older.deviceId === newer.deviceId,
    comparable,
    elapsedMs: elapsed(older.fetchedAt, newer.fetchedAt),
    device,
    connectors,
    changedCount,
  }
}

/** Parses a snapshot payload as a device, or says why it cannot be read. */
export function readDevice(data: unknown): ReadResult {
  const parsed = DeviceSchema.safeParse(data)
  if (parsed.success) return { ok: true, device: parsed.data }
  const first = parsed.error.issues[0]
  const where = first && first.path.length > 0 ? `${first.path.join('.')}: ` : ''
  return { ok: false, problem: `Unreadable payload: ${where}${first?.message ?? 'not a device'}` }
}

function side(snapshot: Snapshot, read: ReadResult): ComparedSide {
  return {
    id: snapshot.id,
    deviceId: snapshot.deviceId,
    fetchedAt: snapshot.fetchedAt,
    readable: read.ok,
    problem: read.ok ? null : read.problem,
  }
}

function compareDeviceFields(before: Device, after: Device): ValueChange[] {
  const core = DEVICE_FIELDS.map((spec) => change(spec, null, before[spec.key], after[spec.key]))
  return [...core, ...extensionChanges(DEVICE_EXTENSION_FIELDS, before, after, '')]
}

/** Rows for the extension fields either side reports (none for chargers without extensions). */
function extensionChanges(specs: readonly ExtensionFieldSpec[], before: unknown, after: unknown, prefix: string): ValueChange[] {
  return specs
    .map((spec) => ({ spec, row: change({ key: `${prefix}${spec.path.join('.')}`, label: spec.label }, spec.unit, extensionValue(before, spec), extensionValue(after, spec)) }))
    .filter(({ row }) => row.before !== null || row.after !== null)
    .map(({ spec, row }) => (spec.isTime ? { ...row, isTime: true as const } : row))
}

function compareConnectors(before: Device, after: Device): ConnectorComparison[] {
  const older = byId(before.connectors ?? [])
  const newer = byId(after.connectors ?? [])
  const ids = [...new Set([...older.keys(), ...newer.keys()])].sort((a, b) => a - b)
  return ids.map((connectorId) => {
    const a = older.get(connectorId)
    const b = newer.get(connectorId)
    const readings = [
      ...CONNECTOR_READINGS.map((spec) => change(spec, spec.unit, a?.[spec.key], b?.[spec.key])),
      ...extensionChanges(COMPONENT_HEALTH_FIELDS, a?.component_health, b?.component_health, 'component_health.'),
    ]
    return {
      connectorId,
      presence: a && b ? 'both' : a ? 'removed' : 'added',
      changed: !a || !b || readings.some((reading) => reading.changed),
      readings,
    }
  })
}

/** Connectors by id; when a payload repeats an id, the first one wins. */
function byId(connectors: readonly Connector[]): Map<number, Connector> {
  const map = new Map<number, Connector>()
  for (const connector of connectors) if (!map.has(connector.connector_id)) map.set(connector.connector_id, connector)
  return map
}

function change(
  spec: { key: string; label: string; tolerance?: ReadingTolerance },
  unit: string | null,
  rawBefore: unknown,
  rawAfter: unknown,
): ValueChange {
  const before = comparable(rawBefore)
  const after = comparable(rawAfter)
  const delta = typeof before === 'number' && typeof after === 'number' ? roundDelta(after - before) : null
  const differs = !Object.is(before, after)
  const tolerance = spec.tolerance ?? null
  const withinTolerance =
    differs && tolerance !== null && typeof before === 'number' && typeof after === 'number' && isWithinTolerance(before, after, tolerance)
  return { field: spec.key, label: spec.label, unit, before, after, changed: differs && !withinTolerance, delta, withinTolerance, tolerance: tolerance?.text ?? null }
}

function comparable(value: unknown): ComparedValue {
  if (typeof value === 'string' || typeof value === 'number' || typeof value === 'boolean') return value
  return null
}

/** Removes floating-point noise (223.1 - 223 = 0.0999…) without hiding real differences. */
function roundDelta(delta: number): number {
  return Math.round(delta * 1e6) / 1e6
}

function elapsed(olderAt: string, newerAt: string): number | null {
  const a = Date.parse(olderAt)
  const b = Date.parse(newerAt)
  return Number.isFinite(a) && Number.isFinite(b) ? b - a : null
}
