import { useRef } from 'react'
import { useVirtualizer } from '@tanstack/react-virtual'
import { formatReading } from '@common/format/number'
import { formatTimestamp } from '@common/format/timestamp'
import { isFailedStart } from '@common/history/session-patterns'
import type { ChargingRecord } from '@common/tellus/schemas'
import { formatCost, formatSessionDuration, formatSocChange, shortVin } from '@common/history/session-wording'

/** Above this many rows the table renders only what is on screen (a 90-day DC history has thousands). */
export const VIRTUALISE_FROM_ROWS = 200
const ROW_HEIGHT = 40

interface SessionsTableProps {
  records: readonly ChargingRecord[]
  selectedId: string | null
  onSelect: (recordId: string) => void
}

function SessionRow({ record, selected, onSelect }: { record: ChargingRecord; selected: boolean; onSelect: (id: string) => void }) {
  const failed = isFailedStart(record)
  return (
    <tr className={['session-row', selected ? 'selected' : '', failed ? 'failed-start' : ''].filter(Boolean).join(' ')} aria-selected={selected}>
      <td>{record.connector_id}</td>
      <td>
        <button type="button" className="link-button" onClick={() => onSelect(record.record_id)} aria-pressed={selected}>
          {formatTimestamp(record.start_time)}
        </button>
      </td>
      <td>
        {formatSessionDuration(record)}
        {failed ? <span className="tag tag-warn">failed start</span> : null}
      </td>
      <td className="num">{formatReading(record.energy, 'kWh')}</td>
      <td className="num">
        {formatReading(record.max_power ?? null, 'kW')} / {formatReading(record.avg_power ?? null, 'kW')}
      </td>
      <td className="num">{formatSocChange(record)}</td>
      <td className="num">{formatCost(record.cost)}</td>
      <td className="mono">{shortVin(record.vehicle_info?.vin)}</td>
    </tr>
  )
}

/**
 * The sessions, newest first: connector, start (local time), duration, energy, max / avg power,
 * SoC start → end, cost (negative is V2G revenue) and the vehicle's VIN shortened to its last 6
 * characters. Long histories are virtualised: only the rows on screen are in the page.
 */
export function SessionsTable({ records, selectedId, onSelect }: SessionsTableProps) {
  const scrollRef = useRef<HTMLDivElement>(null)
  const virtual = records.length >= VIRTUALISE_FROM_ROWS
  // The app does not use the React Compiler; the virtualizer re-renders on scroll as intended.
  // eslint-disable-next-line react-hooks/incompatible-library
  const virtualizer = useVirtualizer({
    count: virtual ? records.length : 0,
    getScrollElement: () => scrollRef.current,
    estimateSize: () => ROW_HEIGHT,
    overscan: 12,
  })
  const items = virtual ? virtualizer.getVirtualItems() : []
  const before = items[0]?.start ?? 0
  const after = virtual ? virtualizer.getTotalSize() - (items.at(-1)?.end ?? 0) : 0
  const rows = virtual ? items.map((item) => records[item.index]!) : records
  return (
    <div ref={scrollRef} className="sessions-scroll" tabIndex={0} role="region" aria-label="Sessions (scroll for more)">
      <table className="data-table sessions-table" aria-rowcount={records.length + 1}>
        <caption className="visually-hidden">Charging sessions, newest first ({records.length})</caption>
        <thead>
          <tr>
            <th scope="col">Conn.</th>
            <th scope="col">Start (local)</th>
            <th scope="col">Duration</th>
            <th scope="col" className="num">Energy</th>
            <th scope="col" className="num">Power max / avg</th>
            <th scope="col" className="num">SoC</th>
            <th scope="col" className="num">Cost</th>
            <th scope="col">Vehicle (VIN)</th>
          </tr>
        </thead>
        <tbody>
          {before > 0 ? <tr aria-hidden="true" style={{ height: before }} /> : null}
          {rows.map((record) => (
            <SessionRow key={record.record_id} record={record} selected={record.record_id === selectedId} onSelect={onSelect} />
          ))}
          {after > 0 ? <tr aria-hidden="true" style={{ height: after }} /> : null}
        </tbody>
      </table>
    </div>
  )
}
