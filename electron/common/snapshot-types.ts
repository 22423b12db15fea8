/**
 * Offline snapshots: the raw `data` of one device response, when it was fetched and where from.
 * Diagnostics are computed when a snapshot is displayed, never stored, so better rules apply to
 * old snapshots too.
 */
import type { QuarantinedFile } from './quarantined-file'

export const SNAPSHOT_SCHEMA_VERSION = 1

export interface Snapshot {
  schemaVersion: number
  /** Opaque, filesystem-safe id assigned by the store. */
  id: string
  deviceId: string
  /** ISO 8601 UTC time the response arrived. */
  fetchedAt: string
  profileId: string
  profileName: string
  baseUrl: string
  /** The raw `data` object of `GET /v1/operator/devices/{device_id}`, exactly as received. */
  data: unknown
}

/**
 * A device response with where and when it came from, before the store gives it an id: what the
 * store is asked to save, and what a lookup shows when the save failed (never listed or exported).
 */
export type SnapshotDraft = Omit<Snapshot, 'id' | 'schemaVersion'>

/** Cheap listing metadata for one snapshot (no payload). */
export interface SnapshotMeta {
  id: string
  deviceId: string
  fetchedAt: string
  profileId: string
  profileName: string
  siteId: string | null
  model: string | null
  status: string | null
  firmwareVersion: string | null
}

/** A snapshot file that could not be read and was moved aside. */
export type QuarantinedSnapshot = QuarantinedFile

/** What `snapshots:list` returns: the snapshots plus any files quarantined while listing. */
export interface SnapshotList {
  items: SnapshotMeta[]
  quarantined: QuarantinedSnapshot[]
}
