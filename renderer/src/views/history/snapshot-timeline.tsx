import { useState } from 'react'
import { formatReading } from '@common/format/number'
import { formatTimestamp, parseTimestamp } from '@common/format/timestamp'
import type { TimelinePoint } from '@common/history/timeline'
import type { RecordingSummary } from '@common/live/recording-types'
import { Button } from '@renderer/components/button'
import { connectorStatusLook } from '@renderer/components/status-look'

const WIDTH = 720
const ROW = 26
const PAD = { left: 96, right: 16, top: 8 }
const PLOT = 110
type Metric = 'temperature' | 'power'

interface SnapshotTimelineProps {
  points: readonly TimelinePoint[]
  /** Recordings of test charges, drawn as spans in their own row. */
  recordings?: readonly RecordingSummary[]
  /** "Now", for a recording still running. */
  now: number
  picks: readonly string[]
  onPick: (snapshotId: string) => void
  onCompare: (ids: [string, string]) => void
}

/**
 * The device's snapshots on one time axis: per connector a band coloured (and labelled on hover)
 * by its status from one snapshot to the next, and below it the temperature or power at each
 * snapshot. Clicking (or Enter on) two snapshots picks them for a comparison.
 */
export function SnapshotTimeline({ points, recordings = [], now, picks, onPick, onCompare }: SnapshotTimelineProps) {
  const [metric, setMetric] = useState<Metric>('temperature')
  const times = points.map((p) => parseTimestamp(p.fetchedAt) ?? 0)
  const spans = recordings.map((r) => ({ recording: r, start: parseTimestamp(r.startedAt) ?? now, end: parseTimestamp(r.endedAt) ?? now }))
  const edges = [...times, ...spans.flatMap((span) => [span.start, span.end])]
  const first = edges.length ? Math.min(...edges) : 0
  const last = edges.length ? Math.max(...edges) : 0
  const span = Math.max(1, last - first)
  const x = (t: number) => (points.length === 1 ? (PAD.left + WIDTH - PAD.right) / 2 : PAD.left + ((t - first) / span) * (WIDTH - PAD.left - PAD.right))
  const connectorIds = [...new Set(points.flatMap((p) => p.connectors.map((c) => c.connectorId)))].sort((a, b) => a - b)
  const recordingsTop = PAD.top + connectorIds.length * ROW
  const bandsHeight = connectorIds.length * ROW + (spans.length ? ROW : 0)
  const plotTop = PAD.top + bandsHeight + 18
  const height = plotTop + PLOT + 24
  const values = points.flatMap((p) => p.connectors.map((c) => c[metric])).filter((v): v is number => v !== null)
  const min = Math.min(0, ...values)
  const max = Math.max(1, ...values)
  const y = (v: number) => plotTop + PLOT - ((v - min) / (max - min)) * PLOT
  const unit = metric === 'temperature' ? '°C' : 'kW'
  const ordered = [...picks].sort((a, b) => (times[points.findIndex((p) => p.snapshotId === a)] ?? 0) - (times[points.findIndex((p) => p.snapshotId === b)] ?? 0))

  return (
    <div className="snapshot-timeline">
      <div className="timeline-controls" role="group" aria-label="Value shown below the bands">
        {(['temperature', 'power'] as const).map((option) => (
          <button key={option} type="button" className="chip" aria-pressed={metric === option} onClick={() => setMetric(option)}>
            {option === 'temperature' ? 'Temperature (°C)' : 'Power (kW)'}
          </button>
        ))}
        <span className="muted">
          {picks.length === 0 ? 'Pick two snapshots to compare them.' : picks.length === 1 ? 'Pick one more snapshot.' : 'Two snapshots picked.'}
        </span>
        <Button variant="primary" size="small" disabled={ordered.length !== 2} onClick={() => onCompare(ordered as [string, string])}>
          Compare picked
        </Button>
      </div>
      <svg viewBox={`0 0 ${WIDTH} ${height}`} className="timeline-svg" aria-label={`Timeline of ${points.length} snapshots from ${formatTimestamp(first)} to ${formatTimestamp(last)}`}>
        {connectorIds.map((connectorId, row) => {
          const top = PAD.top + row * ROW
          return (
            <g key={connectorId}>
              <text className="axis-label" x={PAD.left - 8} y={top + ROW / 2 + 4} textAnchor="end">
                Connector {connectorId}
              </text>
              {points.map((point, i) => {
                const status = point.connectors.find((c) => c.connectorId === connectorId)?.status ?? null
                const look = connectorStatusLook(status)
                const start = x(times[i] ?? 0)
                const end = i + 1 < points.length ? x(times[i + 1] ?? 0) : Math.min(start + 8, WIDTH - PAD.right)
                return (
                  <rect key={point.snapshotId} className={`band tone-${look.tone}`} x={start} y={top + 3} width={Math.max(2, end - start)} height={ROW - 6}>
                    <title>{`Connector ${connectorId}: ${look.label} at ${formatTimestamp(point.fetchedAt)}`}</title>
                  </rect>
                )
              })}
            </g>
          )
        })}
        {spans.length ? (
          <g>
            <text className="axis-label" x={PAD.left - 8} y={recordingsTop + ROW / 2 + 4} textAnchor="end">
              Recordings
            </text>
            {spans.map(({ recording, start, end }) => (
              <rect key={recording.id} className="band recording" x={x(start)} y={recordingsTop + 5} width={Math.max(3, x(end) - x(start))} height={ROW - 10}>
                <title>{`Recording from ${formatTimestamp(start)} to ${recording.endedAt ? formatTimestamp(end) : 'now (still recording)'}: ${recording.frames} frames`}</title>
              </rect>
            ))}
          </g>
        ) : null}
        <text className="axis-label" x={PAD.left - 8} y={plotTop + 4} textAnchor="end">
          {formatReading(max, unit, 0)}
        </text>
        <text className="axis-label" x={PAD.left - 8} y={plotTop + PLOT + 4} textAnchor="end">
          {formatReading(min, unit, 0)}
        </text>
        <line className="axis" x1={PAD.left} x2={WIDTH - PAD.right} y1={plotTop + PLOT} y2={plotTop + PLOT} />
        {points.map((point, i) => {
          const cx = x(times[i] ?? 0)
          const picked = picks.includes(point.snapshotId)
          const summary = point.connectors.map((c) => `connector ${c.connectorId} ${formatReading(c[metric], unit)}`).join(', ')
          return (
            <g
              key={point.snapshotId}
              className={['timeline-point', picked ? 'picked' : ''].filter(Boolean).join(' ')}
              role="button"
              tabIndex={0}
              aria-pressed={picked}
              aria-label={`Snapshot of ${formatTimestamp(point.fetchedAt)}: ${summary || 'no connectors'}`}
              onClick={() => onPick(point.snapshotId)}
              onKeyDown={(event) => {
                if (event.key === 'Enter' || event.key === ' ') {
                  event.preventDefault()
                  onPick(point.snapshotId)
                }
              }}
            >
              <line className="pick-line" x1={cx} x2={cx} y1={PAD.top} y2={plotTop + PLOT} />
              <rect className="hit-area" x={cx - 7} y={PAD.top} width={14} height={plotTop + PLOT - PAD.top} />
              {point.connectors.map((c, k) =>
                c[metric] === null ? null : <circle key={c.connectorId} className={`dot series-${(k % 4) + 1}`} cx={cx} cy={y(c[metric] ?? 0)} r={picked ? 5 : 3.5} />,
              )}
            </g>
          )
        })}
        <text className="axis-label" x={PAD.left} y={height - 6}>
          {formatTimestamp(first)}
        </text>
        <text className="axis-label" x={WIDTH - PAD.right} y={height - 6} textAnchor="end">
          {formatTimestamp(last)}
        </text>
      </svg>
      {spans.length ? (
        <ul className="timeline-recordings">
          {spans.map(({ recording, start, end }) => (
            <li key={recording.id}>
              Recording {formatTimestamp(start)} – {recording.endedAt ? formatTimestamp(end) : 'still recording'} · {recording.frames} frames
              {recording.damagedLines ? ` · ${recording.damagedLines} damaged lines skipped` : ''}
            </li>
          ))}
        </ul>
      ) : null}
    </div>
  )
}
