import { RETENTION_MAX, RETENTION_MIN } from '@common/snapshots/snapshot-retention'

/** Parses the retention field: the whole number, or the problem in words. */
export function parseRetention(text: string): { ok: true; value: number } | { ok: false; problem: string } {
  const trimmed = text.trim()
  if (trimmed === '') return { ok: false, problem: `Enter a number from ${RETENTION_MIN} to ${RETENTION_MAX}.` }
  if (!/^\d+$/.test(trimmed)) return { ok: false, problem: `Enter a whole number from ${RETENTION_MIN} to ${RETENTION_MAX}.` }
  const value = Number(trimmed)
  if (value < RETENTION_MIN || value > RETENTION_MAX) {
    return { ok: false, problem: `Keep between ${RETENTION_MIN} and ${RETENTION_MAX} snapshots per device.` }
  }
  return { ok: true, value }
}
