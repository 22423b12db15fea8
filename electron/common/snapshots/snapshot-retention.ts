/**
 * How many snapshots of each charger are kept: the one bound and default, used by the IPC
 * schema, the settings file, the snapshot store and the renderer's setting field.
 */
import { z } from 'zod'

/** Fewest snapshots kept per device. */
export const RETENTION_MIN = 1
/** Most snapshots kept per device. */
export const RETENTION_MAX = 10_000
/** Snapshots kept per device until the technician changes it. */
export const DEFAULT_RETENTION = 50

/** A retention count: a whole number from `RETENTION_MIN` to `RETENTION_MAX`. */
export const RetentionSchema = z.number().int().min(RETENTION_MIN).max(RETENTION_MAX)

/** True for a whole number of snapshots per device from `RETENTION_MIN` to `RETENTION_MAX`. */
export function isRetention(value: unknown): value is number {
  return RetentionSchema.safeParse(value).success
}
