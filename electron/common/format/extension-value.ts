/**
 * Text of a proposed-extension value with its unit ("84,500 cycles", "1,240 RPM", "640 kΩ",
 * "-109 dBm"), shared by the device view and the exports. Times are left to the caller (local time
 * in the UI, UTC in reports); a missing value is "—".
 */
import type { ExtensionUnit } from '../tellus/extension-fields'
import { formatCount, formatNumber, MISSING } from './number'

/** Decimals per extension unit; counts are grouped by thousands. */
const DIGITS: Readonly<Record<ExtensionUnit, number | 'count'>> = {
  cycles: 'count',
  RPM: 'count',
  kΩ: 'count',
  days: 'count',
  '°C': 1,
  '%': 1,
  'msg/min': 1,
  kW: 0,
  dBm: 0,
  in: 1,
}

/** A value of an extension field as text with its unit; lists and text as they are. */
export function formatExtensionValue(value: string | number | boolean | null | undefined, unit: ExtensionUnit | null): string {
  if (value === null || value === undefined || value === '') return MISSING
  if (typeof value === 'boolean') return value ? 'yes' : 'no'
  if (typeof value === 'string') return value
  if (unit === null) return formatNumber(value, Number.isInteger(value) ? 0 : 1)
  const digits = DIGITS[unit]
  const number = digits === 'count' ? formatCount(value) : formatNumber(value, digits)
  return `${number} ${unit}`
}
