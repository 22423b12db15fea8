import { formatReading } from '@common/format/number'
import { formatTimestamp } from '@common/format/timestamp'
import { isFailedStart } from '@common/history/session-patterns'
import type { ChargingRecord } from '@common/tellus/schemas'
import { Panel } from '@renderer/components/panel'
import { formatCost, formatSessionDuration, formatSocChange, shortVin } from '@common/history/session-wording'

/** A horizontal bar for one power figure, against the larger of the two. */
function PowerBar({ label, kw, scaleKw }: { label: string; kw: number | null | undefined; scaleKw: number }) {
  const value = typeof kw === 'number' && Number.isFinite(kw) ? Math.abs(kw) : null
  const width = value === null || scaleKw <= 0 ? 0 : Math.max(1, (value / scaleKw) * 100)
  return (
    <div className="power-bar">
      <span className="power-bar-label">{label}</span>
      <span className="power-bar-track" aria-hidden="true">
        <span className="power-bar-fill" style={{ width: `${width}%` }} />
      </span>
      <span className="power-bar-value">{formatReading(kw ?? null, 'kW')}</span>
    </div>
  )
}

/** The selected session: times with the zone, energy and meters, SoC, cost, vehicle and its max / avg power. */
export function SessionDetail({ record }: { record: ChargingRecord }) {
  const scale = Math.max(Math.abs(record.max_power ?? 0), Math.abs(record.avg_power ?? 0))
  return (
    <Panel title={`Session ${record.record_id} · connector ${record.connector_id}`} headingLevel={3} className="session-detail">
      {isFailedStart(record) ? <p className="tag tag-warn">Failed start: stopped within minutes with almost no energy.</p> : null}
      <dl className="detail-grid">
        <div>
          <dt>Started</dt>
          <dd>{formatTimestamp(record.start_time, { offset: true })}</dd>
        </div>
        <div>
          <dt>Ended</dt>
          <dd>{record.end_time ? formatTimestamp(record.end_time, { offset: true }) : 'still running'}</dd>
        </div>
        <div>
          <dt>Duration</dt>
          <dd>{formatSessionDuration(record)}</dd>
        </div>
        <div>
          <dt>Energy</dt>
          <dd>
            {formatReading(record.energy, 'kWh')}
            {record.energy < 0 ? ' (V2G discharge)' : ''}
          </dd>
        </div>
        <div>
          <dt>Meter</dt>
          <dd>
            {formatReading(record.meter_start ?? null, 'kWh')} → {formatReading(record.meter_end ?? null, 'kWh')}
          </dd>
        </div>
        <div>
          <dt>State of charge</dt>
          <dd>{formatSocChange(record)}</dd>
        </div>
        <div>
          <dt>Cost</dt>
          <dd>{formatCost(record.cost)}</dd>
        </div>
        <div>
          <dt>Vehicle (VIN, last 6)</dt>
          <dd className="mono">{shortVin(record.vehicle_info?.vin)}</dd>
        </div>
      </dl>
      <div className="power-bars" aria-label="Power during the session">
        <PowerBar label="Max power" kw={record.max_power} scaleKw={scale} />
        <PowerBar label="Average power" kw={record.avg_power} scaleKw={scale} />
      </div>
    </Panel>
  )
}
