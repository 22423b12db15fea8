/** Text for report cells: numbers with their unit, times local with zone and UTC beside, changes with a sign. */
import { formatExportTime } from '@common/format/timestamp'

const NUMBER = new Intl.NumberFormat('en-GB', { maximumFractionDigits: 3 })

/** A reading with its unit ("7.2 kW", "71 °C"); "—" when absent; other values as text. */
export function formatValue(value: unknown, unit: string | null, isTime = false): string {
  if (value === null || value === undefined || value === '') return '—'
  if (typeof value === 'number') return unit ? `${NUMBER.format(value)} ${unit}` : NUMBER.format(value)
  if (typeof value === 'string') return isTime ? formatExportTime(value) : value
  if (typeof value === 'boolean') return value ? 'yes' : 'no'
  return JSON.stringify(value) ?? '—'
}

/** A change with its sign and unit ("+1.5 kW", "−3 °C"). */
export function formatDelta(delta: number, unit: string | null): string {
  const sign = delta > 0 ? '+' : delta < 0 ? '−' : '±'
  const magnitude = NUMBER.format(Math.abs(delta))
  return unit ? `${sign}${magnitude} ${unit}` : `${sign}${magnitude}`
}

export { formatDuration } from '@common/format/duration'
