/**
 * The on-disk shapes: a snapshot file (checked and serialised on save, validated by zod when read
 * back) and a device's index file, and the listing metadata taken from a payload at save time.
 */
import { z } from 'zod'
import { appError, fail, ok, type Result } from '@common/errors'
import { SNAPSHOT_SCHEMA_VERSION, type Snapshot, type SnapshotDraft, type SnapshotMeta } from '@common/snapshot-types'
import { DEVICE_ID_PATTERN, DeviceIdSchema } from '@common/devices/device-id'
import { SNAPSHOT_ID_PATTERN, stampKey, stampOf, type SnapshotIdGenerator } from './snapshot-id'

/** What a caller saves: one device response and where and when it came from (the store adds id and version). */
export type SaveSnapshotInput = SnapshotDraft

/** Largest snapshot file written or read, in bytes (a device response is a few kilobytes). */
export const MAX_SNAPSHOT_BYTES = 5_000_000

const SaveInputSchema = z.object({
  deviceId: DeviceIdSchema,
  fetchedAt: z.string().max(64),
  profileId: z.string().max(200),
  profileName: z.string().max(200),
  baseUrl: z.string().max(2048),
  data: z.unknown(),
})

const isoTime = z.string().refine((value) => Number.isFinite(Date.parse(value)), 'not a date-time')

/** A snapshot file as written by this version of the store. */
export const StoredSnapshotSchema = z.object({
  schemaVersion: z.literal(SNAPSHOT_SCHEMA_VERSION),
  id: z.string().regex(SNAPSHOT_ID_PATTERN),
  deviceId: z.string().regex(DEVICE_ID_PATTERN),
  fetchedAt: isoTime,
  profileId: z.string(),
  profileName: z.string(),
  baseUrl: z.string(),
  data: z.unknown().refine((value) => value !== undefined, 'no device data'),
})

export const INDEX_FORMAT_VERSION = 1
/** Largest device index file read: 10,000 entries (the highest retention) take about 3 MB. */
export const MAX_INDEX_BYTES = 20_000_000

/** `<device folder>/index.json`: listing metadata of that device's snapshots, newest first. */
export interface DeviceIndexFile {
  formatVersion: typeof INDEX_FORMAT_VERSION
  deviceId: string
  items: SnapshotMeta[]
}

/** The normalised form every stored `fetchedAt` has, so times sort as text. */
const NORMALISED_ISO = /^\d{4}-\d{2}-\d{2}T\d{2}:\d{2}:\d{2}\.\d{3}Z$/
const META_TEXT_FIELDS = ['profileId', 'profileName'] as const
const META_NULLABLE_FIELDS = ['siteId', 'model', 'status', 'firmwareVersion'] as const

/**
 * The entries of an index file for `deviceId`, or null when the file is not a valid index of that
 * device. Hand-written rather than zod: it runs over every entry on start (10,000+), where a
 * schema library costs tens of milliseconds.
 */
export function parseDeviceIndex(raw: unknown, deviceId: string): SnapshotMeta[] | null {
  if (typeof raw !== 'object' || raw === null) return null
  const file = raw as Partial<Record<keyof DeviceIndexFile, unknown>>
  if (file.formatVersion !== INDEX_FORMAT_VERSION || file.deviceId !== deviceId || !Array.isArray(file.items)) return null
  if (!(file.items as unknown[]).every((item) => isStoredMeta(item) && item.deviceId === deviceId)) return null
  return (file.items as SnapshotMeta[]).map(plainMeta)
}

/**
 * True when `raw` is a listing entry as the store writes it (index, first page, journal): its id
 * names its device, its time is normalised, every field has its type.
 */
export function isStoredMeta(raw: unknown): raw is SnapshotMeta {
  if (typeof raw !== 'object' || raw === null) return false
  const meta = raw as Record<string, unknown>
  if (typeof meta.deviceId !== 'string' || typeof meta.id !== 'string' || !meta.id.startsWith(`${meta.deviceId}~`) || !SNAPSHOT_ID_PATTERN.test(meta.id)) return false
  if (typeof meta.fetchedAt !== 'string' || !NORMALISED_ISO.test(meta.fetchedAt)) return false
  if (META_TEXT_FIELDS.some((key) => typeof meta[key] !== 'string')) return false
  return META_NULLABLE_FIELDS.every((key) => meta[key] === null || typeof meta[key] === 'string')
}

/** A snapshot ready to write: the value and its file text. */
export interface PreparedSnapshot {
  snapshot: Snapshot
  json: string
}

/** Validates `input`, assigns an id and serialises it. invalid-input error when it cannot be saved. */
export function prepareSnapshot(input: SaveSnapshotInput, ids: SnapshotIdGenerator): Result<PreparedSnapshot> {
  const parsed = SaveInputSchema.safeParse(input)
  if (!parsed.success) return invalidSave(`Snapshot not saved: ${parsed.error.issues[0]?.path.join('.') || 'input'} is not valid.`)
  const { deviceId, fetchedAt, profileId, profileName, baseUrl, data } = parsed.data
  const time = Date.parse(fetchedAt)
  const iso = Number.isFinite(time) ? new Date(time).toISOString() : ''
  const stamp = stampOf(iso)
  if (!stamp) return invalidSave('Snapshot not saved: the fetch time is not a valid date and time.')
  if (data === undefined) return invalidSave('Snapshot not saved: the response had no device data.')
  // The payload is kept as the client parsed it from JSON (within the JSON bounds): serialised for
  // the file, never parsed back.
  const id = ids.next(deviceId, stamp)
  const snapshot: Snapshot = { schemaVersion: SNAPSHOT_SCHEMA_VERSION, id, deviceId, fetchedAt: iso, profileId, profileName, baseUrl, data }
  let json: string | undefined
  try {
    json = JSON.stringify(snapshot, null, 2)
  } catch {
    json = undefined
  }
  if (json === undefined) return invalidSave('Snapshot not saved: the device data cannot be stored as JSON.')
  if (Buffer.byteLength(json) + 1 > MAX_SNAPSHOT_BYTES) return invalidSave('Snapshot not saved: the device response is unexpectedly large (over 5 MB).')
  return ok({ snapshot, json: `${json}\n` })
}

function invalidSave(message: string): Result<never> {
  return fail(appError('invalid-input', message, { action: 'Fetch the device again; if this keeps happening, report it.' }))
}

/** Parses a snapshot file's text; the reason in words when it is not a readable snapshot. */
export function parseStoredSnapshot(text: string): { ok: true; snapshot: Snapshot } | { ok: false; reason: string } {
  let raw: unknown
  try {
    raw = JSON.parse(text)
  } catch {
    return { ok: false, reason: 'The file is not valid JSON (it may be truncated or damaged).' }
  }
  const version = typeof raw === 'object' && raw !== null ? (raw as { schemaVersion?: unknown }).schemaVersion : undefined
  if (typeof version === 'number' && version > SNAPSHOT_SCHEMA_VERSION) {
    return { ok: false, reason: `The file was written by a newer version of the app (snapshot format ${version}).` }
  }
  const parsed = StoredSnapshotSchema.safeParse(raw)
  if (parsed.success) return { ok: true, snapshot: parsed.data as Snapshot }
  const issue = parsed.error.issues[0]
  const where = issue && issue.path.length > 0 ? ` (${issue.path.join('.')})` : ''
  return { ok: false, reason: `The file is not a snapshot${where}: ${issue?.message ?? 'unexpected content'}.` }
}

/** Listing metadata of a snapshot; site, model, status and firmware come from the payload. */
export function metaOf(snapshot: Snapshot): SnapshotMeta {
  const data = typeof snapshot.data === 'object' && snapshot.data !== null && !Array.isArray(snapshot.data) ? (snapshot.data as Record<string, unknown>) : {}
  const text = (key: string): string | null => (typeof data[key] === 'string' ? (data[key] as string) : null)
  return {
    id: snapshot.id,
    deviceId: snapshot.deviceId,
    fetchedAt: new Date(snapshot.fetchedAt).toISOString(),
    profileId: snapshot.profileId,
    profileName: snapshot.profileName,
    siteId: text('site_id'),
    model: text('model'),
    status: text('status'),
    firmwareVersion: text('firmware_version'),
  }
}

/** A plain copy of an index entry (catalog entries derive their fetch time; a copy serialises and crosses IPC intact). */
export function plainMeta(meta: SnapshotMeta): SnapshotMeta {
  const { id, deviceId, fetchedAt, profileId, profileName, siteId, model, status, firmwareVersion } = meta
  return { id, deviceId, fetchedAt, profileId, profileName, siteId, model, status, firmwareVersion }
}

/**
 * Newest first: by the fetch time in the id, then by id (ids sort by save order within a
 * millisecond). The id's time is `fetchedAt` for every snapshot the app saves (the id is made from
 * it), and the catalog keeps only ids, so ordering by it is one rule for every source.
 */
export function newestFirst(a: SnapshotMeta, b: SnapshotMeta): number {
  const aStamp = stampKey(a)
  const bStamp = stampKey(b)
  if (aStamp !== bStamp) return aStamp < bStamp ? 1 : -1
  if (a.id !== b.id) return a.id < b.id ? 1 : -1
  return 0
}
