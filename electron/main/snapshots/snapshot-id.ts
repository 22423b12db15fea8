/**
 * Snapshot ids: `<deviceId>~<yyyymmddThhmmssSSSZ>-<ss><rrrrrr>`, where the time is when the
 * response arrived, `ss` a base-36 sequence for saves within the same millisecond and `rrrrrr`
 * random hex (unique across processes). Ids are filesystem-safe, sort by time within a device,
 * and name their device, so a file always says where it belongs.
 */
import { randomBytes } from 'node:crypto'
import { appError, fail, ok, type Result } from '@common/errors'
import { DEVICE_ID_PATTERN } from '@common/devices/device-id'

const DEVICE_PART = DEVICE_ID_PATTERN.source.replace(/^\^/, '').replace(/\$$/, '')
const STAMP_PATTERN = /^\d{8}T\d{9}Z$/

/** The strict shape of a snapshot id; anything else (paths, `..`, NUL bytes) is refused. */
export const SNAPSHOT_ID_PATTERN = new RegExp(`^(${DEVICE_PART})~(\\d{8}T\\d{9}Z)-([0-9a-z]{2}[0-9a-f]{6})$`)

/** Characters after `<deviceId>~` in every id: the stamp (19), `-`, sequence and random part (8). */
export const SNAPSHOT_ID_SUFFIX_LENGTH = 28
/** Characters of the stamp (`yyyymmddThhmmssSSSZ`). */
export const STAMP_LENGTH = 19

/** The fetch-time stamp in a snapshot's id (`yyyymmddThhmmssSSSZ`). */
export function idStamp(meta: { id: string; deviceId: string }): string {
  const start = meta.deviceId.length + 1
  return meta.id.slice(start, start + STAMP_LENGTH)
}

/**
 * The stamp at `at` of `text` as a whole number that orders as the stamp does (not a time): read
 * from the characters in place, so sorting 100,000 entries makes no strings and compares numbers.
 * (date as yyyy*416 + mm*32 + dd) * 240,000,000 + hhmmssSSS stays below 2^53.
 */
export function stampKeyAt(text: string, at: number): number {
  return (digitsAt(text, at, 4) * 416 + digitsAt(text, at + 4, 2) * 32 + digitsAt(text, at + 6, 2)) * 240_000_000 + digitsAt(text, at + 9, 9)
}

function digitsAt(text: string, at: number, count: number): number {
  let value = 0
  for (let k = at; k < at + count; k++) value = value * 10 + text.charCodeAt(k) - 48
  return value
}

/** `stampKeyAt` of a snapshot's id: what listing sorts by. */
export function stampKey(meta: { id: string; deviceId: string }): number {
  return stampKeyAt(meta.id, meta.deviceId.length + 1)
}

/** The parts of a valid snapshot id. */
export interface ParsedSnapshotId {
  id: string
  deviceId: string
  stamp: string
}

/** Parses an id string; null when it is not a snapshot id. */
export function parseSnapshotId(id: string): ParsedSnapshotId | null {
  const match = SNAPSHOT_ID_PATTERN.exec(id)
  if (!match) return null
  return { id, deviceId: match[1]!, stamp: match[2]! }
}

/** Validates a snapshot id coming from outside (IPC): invalid-input error when it is not one. */
export function validateSnapshotId(raw: unknown): Result<ParsedSnapshotId> {
  const parsed = typeof raw === 'string' && raw.length <= 120 ? parseSnapshotId(raw) : null
  if (parsed) return ok(parsed)
  return fail(
    appError('invalid-input', 'That is not a snapshot id.', {
      action: 'Pick the snapshot from the list instead of typing its id.',
    }),
  )
}

/** Turns an ISO time into the id's compact stamp (`20250315T110000123Z`); null when out of range. */
export function stampOf(isoTime: string): string | null {
  const stamp = isoTime.replace(/[-:.]/g, '')
  return STAMP_PATTERN.test(stamp) ? stamp : null
}

/** Makes ids; keeps a sequence so two saves in the same millisecond still sort in save order. */
export class SnapshotIdGenerator {
  private lastStamp = ''
  private sequence = 0

  /** A new id for `deviceId` fetched at `stamp` (from `stampOf`). */
  next(deviceId: string, stamp: string): string {
    this.sequence = stamp === this.lastStamp ? Math.min(this.sequence + 1, 36 * 36 - 1) : 0
    this.lastStamp = stamp
    const sequence = this.sequence.toString(36).padStart(2, '0')
    return `${deviceId}~${stamp}-${sequence}${randomBytes(3).toString('hex')}`
  }
}
