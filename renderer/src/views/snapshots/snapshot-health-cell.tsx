import { HealthMark } from '@renderer/components/health-mark'
import { useAppStore } from '@renderer/store/store-context'

/**
 * A snapshot row's worst finding (colour, icon and word; the finding's line as its title), judged
 * at its fetch time by the shared snapshotHealth. Rows ask for it only while they are in view.
 */
export function SnapshotHealthCell({ snapshotId }: { snapshotId: string }) {
  const entry = useAppStore((s) => s.healthBySnapshotId[snapshotId])
  if (entry === undefined || entry.status === 'loading') return <span className="muted">Reading…</span>
  if (entry.status === 'error') return <span className="muted">Could not be read</span>
  return <HealthMark health={entry.health} compact />
}
