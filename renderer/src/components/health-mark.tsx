import type { HealthLevel, SnapshotHealth } from '@common/snapshots/snapshot-health'
import './health-mark.css'
import { StatusBadge } from './status-badge'
import { severityLook, type StatusLook } from './status-look'

const HEALTHY: StatusLook = { tone: 'ok', icon: 'ok', label: 'No findings', origin: 'documented' }
const UNREADABLE: StatusLook = { tone: 'neutral', icon: 'unknown', label: 'Unreadable', origin: 'documented' }

/** Look of a list's health mark: a finding severity, "No findings" or "Unreadable". */
export function healthLook(level: HealthLevel): StatusLook {
  if (level === 'healthy') return HEALTHY
  if (level === 'unreadable') return UNREADABLE
  return severityLook(level)
}

/**
 * A charger's worst finding in a list: colour, icon and word, then the finding's one line (or why
 * the snapshot is unreadable). `compact` leaves the line out, for narrow tables (it is the title then).
 */
export function HealthMark({ health, compact = false }: { health: SnapshotHealth; compact?: boolean }) {
  const line = health.worst?.message ?? health.problem
  const more = health.findingCount > 1 ? ` (+${health.findingCount - 1} more)` : ''
  return (
    <span className="health-mark" title={compact && line ? line + more : undefined}>
      <StatusBadge kind="custom" look={healthLook(health.level)} className="badge-small" />
      {!compact && line ? (
        <span className="health-mark-line">
          {line}
          {more}
        </span>
      ) : null}
    </span>
  )
}
