/**
 * The on-disk shapes: a snapshot file and a device's index file, with the zod schemas that
 * validate them when read back, and the listing metadata taken from a payload at save time.
 */
import { z } from 'zod'
import { SNAPSHOT_SCHEMA_VERSION, type Snapshot, type SnapshotMeta } from '@common/snapshot-types'
import { DEVICE_ID_PATTERN } from '@common/devices/device-id'
import { SNAPSHOT_ID_PATTERN, stampKey } from './snapshot-id'

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
  const prefix = `${deviceId}~`
  for (const item of file.items as unknown[]) {
    if (typeof item !== 'object' || item === null) return null
    const meta = item as Record<string, unknown>
    if (meta.deviceId !== deviceId || typeof meta.id !== 'string' || !meta.id.startsWith(prefix) || !SNAPSHOT_ID_PATTERN.test(meta.id)) return null
    if (typeof meta.fetchedAt !== 'string' || !NORMALISED_ISO.test(meta.fetchedAt)) return null
    if (META_TEXT_FIELDS.some((key) => typeof meta[key] !== 'string')) return null
    if (META_NULLABLE_FIELDS.some((key) => meta[key] !== null && typeof meta[key] !== 'string')) return null
  }
  return (file.items as Record<string, unknown>[]).map((meta) => ({
    id: meta.id as string,
    deviceId,
    fetchedAt: meta.fetchedAt as string,
    profileId: meta.profileId as string,
    profileName: meta.profileName as string,
    siteId: meta.siteId as string | null,
    model: meta.model as string | null,
    status: meta.status as string | null,
    firmwareVersion: meta.firmwareVersion as string | null,
  }))
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
