import type { Finding } from '@common/diagnostics/finding'
import type { Verdict } from '@common/diagnostics/verdict'
import { formatAgeSince } from '@common/format/duration'
import type { Device } from '@common/tellus/schemas'
import { Age } from '@renderer/components/age'
import { Button } from '@renderer/components/button'
import { JumpLink } from '@renderer/components/jump-link'
import { deviceStatusLook, verdictLook } from '@renderer/components/status-look'
import { StatusBadge } from '@renderer/components/status-badge'
import { useClockValue } from '@renderer/hooks/use-now'
import type { CurrentDevice } from '@renderer/store/device-slice'
import { useAppStore } from '@renderer/store/store-context'
import { ConnectorTiles } from './connector-tiles'
import { VERDICT_ID } from './device-anchors'
import { PacingNotice } from './pacing-notice'

/** At most this many problems are listed in the verdict; the rest are one jump away. */
export const MAX_PROBLEMS = 4


/** The device's own status; on an offline copy it says when it was so ("Online when fetched 2 h ago"). */
function DeviceStatus({ status, fetchedAt, live }: { status: string | null | undefined; fetchedAt: string; live: boolean }) {
  const age = useClockValue((now) => (live ? '' : formatAgeSince(fetchedAt, now)))
  const look = deviceStatusLook(status)
  if (live) return <StatusBadge kind="device" value={status} />
  return <StatusBadge kind="custom" look={{ ...look, label: `${look.label} when fetched ${age}` }} />
}

/** The worst problems, one line each, with a jump to the finding in Diagnostics. */
function ProblemLines({ problems, anchorOf }: { problems: readonly Finding[]; anchorOf: (finding: Finding) => string }) {
  const shown = problems.slice(0, MAX_PROBLEMS)
  const more = problems.length - shown.length
  return (
    <ul className="verdict-problems" aria-label="Problems">
      {shown.map((problem) => (
        <li key={anchorOf(problem)} className={`verdict-problem verdict-problem-${problem.severity}`}>
          <StatusBadge kind="severity" value={problem.severity} />
          <span className="verdict-problem-text">{problem.message}</span>
          <JumpLink targetId={anchorOf(problem)} className="verdict-problem-jump">
            What to do
          </JumpLink>
        </li>
      ))}
      {more > 0 && problems[MAX_PROBLEMS] ? (
        <li className="verdict-more">
          <JumpLink targetId={anchorOf(problems[MAX_PROBLEMS])}>
            {more} more problem{more === 1 ? '' : 's'} in Diagnostics
          </JumpLink>
        </li>
      ) : null}
    </ul>
  )
}

/** Props of `DeviceVerdict`. */
export interface DeviceVerdictProps {
  device: Device
  current: CurrentDevice
  verdict: Verdict
  findingsOf: ReadonlyMap<number, Finding[]>
  anchorOf: (finding: Finding) => string
  /** Whether the work-order report form is open, and how to open or close it. */
  reportOpen: boolean
  onToggleReport: () => void
}

/**
 * The first thing a technician sees: which charger, its overall state (healthy / needs attention /
 * out of service, or an offline copy), the worst problems one line each and the connectors as tiles.
 */
export function DeviceVerdict({ device, current, verdict, findingsOf, anchorOf, reportOpen, onToggleReport }: DeviceVerdictProps) {
  const fetchDevice = useAppStore((s) => s.fetchDevice)
  const openHistory = useAppStore((s) => s.openHistory)
  const refreshing = useAppStore((s) => s.deviceStatus === 'loading' && s.requestedDeviceId === current.snapshot.deviceId)
  const { snapshot } = current
  const live = current.source === 'live'
  const look = verdictLook(verdict.state)
  return (
    <section id={VERDICT_ID} tabIndex={-1} className={`verdict verdict-tone-${live ? look.tone : 'neutral'}`} aria-labelledby="device-title">
      <div className="verdict-head">
        <h2 id="device-title" className="device-title">
          <span className="muted device-title-kind">Charger</span> <span className="mono">{device.device_id}</span>
        </h2>
        <div className="device-refresh">
          <Button variant="secondary" icon="refresh" busy={refreshing} onClick={() => void fetchDevice(snapshot.deviceId, { refresh: true })}>
            {refreshing ? 'Refreshing…' : 'Refresh'}
          </Button>
          <Button variant="secondary" onClick={() => void openHistory(snapshot.deviceId)}>
            History
          </Button>
          <Button variant="secondary" aria-expanded={reportOpen} onClick={onToggleReport}>
            Report
          </Button>
          {refreshing ? <PacingNotice /> : null}
        </div>
      </div>
      <div className="verdict-state">
        {live ? null : <StatusBadge kind="custom" look={verdictLook('offline-copy')} size="large" />}
        <StatusBadge kind="custom" look={look} size="large" className="verdict-badge" />
        <DeviceStatus status={device.status} fetchedAt={snapshot.fetchedAt} live={live} />
        <span className="verdict-fetched">
          Fetched <Age at={snapshot.fetchedAt} />
        </span>
      </div>
      {verdict.problems.length > 0 ? (
        <ProblemLines problems={verdict.problems} anchorOf={anchorOf} />
      ) : (
        <p className="verdict-no-problems">No problems found: every check passed for this data.</p>
      )}
      <ConnectorTiles connectors={device.connectors ?? []} findingsOf={findingsOf} />
    </section>
  )
}
