import { diagnoseDevice } from '../../../../electron/common/diagnostics/diagnose-device'
import type { Finding } from '../../../../electron/common/diagnostics/finding'
import { parseTimestamp } from '../../../../electron/common/format/timestamp'
import { readDevice } from '../../../../electron/common/snapshots/compare-snapshots'
import type { Snapshot } from '../../../../electron/common/snapshot-types'

/**
 * The findings of a stored snapshot, judged at the moment it was fetched (so a heartbeat that was
 * fresh then is not called stale now). An unreadable payload has no findings.
 */
export function findingsAtFetch(snapshot: Snapshot): Finding[] {
  const read = readDevice(snapshot.data)
  const now = parseTimestamp(snapshot.fetchedAt)
  if (!read.ok || now === undefined) return []
  return diagnoseDevice(read.device, { now })
}
