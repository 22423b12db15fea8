/**
 * Checks what a caller asks the store to save and turns it into the snapshot and the exact JSON
 * text to write, before any file is touched.
 */
import { z } from 'zod'
import { appError, fail, ok, type Result } from '@common/errors'
import { SNAPSHOT_SCHEMA_VERSION, type Snapshot, type SnapshotDraft } from '@common/snapshot-types'
import { DeviceIdSchema } from '@common/devices/device-id'
import { stampOf, type SnapshotIdGenerator } from './snapshot-id'

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

/** A snapshot ready to write: the value and its file text. */
export interface PreparedSnapshot {
  snapshot: Snapshot
  json: string
}

/** Validates `input`, assigns an id and serialises it. invalid-input error when it cannot be saved. */
export function prepareSnapshot(input: SaveSnapshotInput, ids: SnapshotIdGenerator): Result<PreparedSnapshot> {
  const parsed = SaveInputSchema.safeParse(input)
  if (!parsed.success) return invalid(`Snapshot not saved: ${parsed.error.issues[0]?.path.join('.') || 'input'} is not valid.`)
  const { deviceId, fetchedAt, profileId, profileName, baseUrl, data } = parsed.data
  const time = Date.parse(fetchedAt)
  const iso = Number.isFinite(time) ? new Date(time).toISOString() : ''
  const stamp = stampOf(iso)
  if (!stamp) return invalid('Snapshot not saved: the fetch time is not a valid date and time.')
  if (data === undefined) return invalid('Snapshot not saved: the response had no device data.')
  const id = ids.next(deviceId, stamp)
  // The payload is kept as the client parsed it from JSON (within the JSON bounds): serialised for
  // the file, never parsed back.
  const snapshot: Snapshot = { schemaVersion: SNAPSHOT_SCHEMA_VERSION, id, deviceId, fetchedAt: iso, profileId, profileName, baseUrl, data }
  let json: string | undefined
  try {
    json = JSON.stringify(snapshot, null, 2)
  } catch {
    json = undefined
  }
  if (json === undefined) return invalid('Snapshot not saved: the device data cannot be stored as JSON.')
  if (Buffer.byteLength(json) + 1 > MAX_SNAPSHOT_BYTES) return invalid('Snapshot not saved: the device response is unexpectedly large (over 5 MB).')
  return ok({ snapshot, json: `${json}\n` })
}

function invalid(message: string): Result<never> {
  return fail(appError('invalid-input', message, { action: 'Fetch the device again; if this keeps happening, report it.' }))
}
