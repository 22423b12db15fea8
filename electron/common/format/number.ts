/**
 * Locale-independent number and reading formatting, shared by the UI and the HTML export, so the
 * same reading reads the same everywhere. A missing reading is shown as "—", never as 0.
 */

/** Shown wherever a value is missing (null, undefined, NaN). */
export const MISSING = '—'

/** Units of the readings the app shows. */
export type ReadingUnit = 'kW' | 'A' | 'V' | 'kWh' | '°C' | '%'

/**
 * The unit each numeric connector reading of the Tellus API is reported in, written once for the
 * device view, the snapshot comparison and the diagnostics rules.
 */
export const CONNECTOR_READING_UNITS = {
  power: 'kW',
  current: 'A',
  voltage: 'V',
  energy_delivered: 'kWh',
  soc: '%',
  temperature: '°C',
} as const satisfies Readonly<Record<string, ReadingUnit>>

/** A numeric connector reading (a key of `CONNECTOR_READING_UNITS`). */
export type ConnectorReadingField = keyof typeof CONNECTOR_READING_UNITS

/** Decimals per unit: kW 1, A 1, V 0, kWh 2, °C 1, % 0. */
export const UNIT_DIGITS: Readonly<Record<ReadingUnit, number>> = {
  kW: 1,
  A: 1,
  V: 0,
  kWh: 2,
  '°C': 1,
  '%': 0,
}

/** Formats a number with fixed decimals and a "." separator; "-0.0" becomes "0.0"; non-finite -> "—". */
export function formatNumber(value: number | null | undefined, digits: number): string {
  if (value === null || value === undefined || !Number.isFinite(value)) return MISSING
  const text = value.toFixed(digits)
  return /^-0(\.0*)?$/.test(text) ? text.slice(1) : text
}

/**
 * Formats a reading with its unit, e.g. `formatReading(7.23, 'kW')` -> "7.2 kW".
 * `digits` defaults to the unit's usual decimals; a missing value gives "—".
 */
export function formatReading(value: number | null | undefined, unit: ReadingUnit, digits: number = UNIT_DIGITS[unit]): string {
  const number = formatNumber(value, digits)
  return number === MISSING ? MISSING : `${number} ${unit}`
}

/** A whole count with "," between thousands, locale-independent: 84500 -> "84,500"; non-finite -> "—". */
export function formatCount(value: number | null | undefined): string {
  const number = formatNumber(value, 0)
  return number === MISSING ? MISSING : number.replace(/\B(?=(\d{3})+(?!\d))/g, ',')
}
