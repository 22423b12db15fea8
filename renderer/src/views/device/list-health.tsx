import type { SnapshotMeta } from '@common/snapshot-types'
import { Age } from '@renderer/components/age'
import { HealthMark } from '@renderer/components/health-mark'
import { useAppStore } from '@renderer/store/store-context'

/**
 * A charger's worst finding in a start-screen list, from its newest snapshot (judged when it was
 * fetched, and saying when that was); "Not looked up yet" when there is none on this computer.
 */
export function ListHealth({ newest, showAge = false }: { newest: SnapshotMeta | undefined; showAge?: boolean }) {
  const entry = useAppStore((s) => (newest ? s.healthBySnapshotId[newest.id] : undefined))
  if (newest === undefined) return <span className="list-health list-health-none">Not looked up yet</span>
  const when = showAge ? (
    <span className="list-health-age">
      at last look, <Age at={newest.fetchedAt} />
    </span>
  ) : null
  if (entry === undefined || entry.status === 'loading') return <span className="list-health list-health-none">Reading the last look…</span>
  if (entry.status === 'error') return <span className="list-health list-health-none">Last look could not be read</span>
  return (
    <span className="list-health">
      <HealthMark health={entry.health} />
      {when}
    </span>
  )
}
