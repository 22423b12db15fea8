import type { ReactNode } from 'react'
import { formatNumber, MISSING, UNIT_DIGITS, type ReadingUnit } from '@common/format/number'
import { VisuallyHidden } from './visually-hidden'

/** Props of `Reading`. */
export interface ReadingProps {
  label: ReactNode
  value: number | null | undefined
  unit: ReadingUnit
  /** Decimals; defaults to the unit's usual decimals. */
  digits?: number
  /** A short line under the number (e.g. "discharging"). */
  note?: ReactNode
}

/**
 * One reading as a big number with its unit. A missing reading shows "—" (read out as "no
 * reading"), never 0. Renders a `<div><dt/><dd/></div>`: place it inside a `ReadingGrid`.
 */
export function Reading({ label, value, unit, digits = UNIT_DIGITS[unit], note }: ReadingProps) {
  const number = formatNumber(value, digits)
  const missing = number === MISSING
  return (
    <div className={missing ? 'reading reading-missing' : 'reading'}>
      <dt className="reading-label">{label}</dt>
      <dd className="reading-value">
        {missing ? (
          <>
            <span aria-hidden="true">{MISSING}</span>
            <VisuallyHidden>no reading</VisuallyHidden>
          </>
        ) : (
          <>
            <span className="reading-number">{number}</span> <span className="reading-unit">{unit}</span>
          </>
        )}
      </dd>
      {note ? <dd className="reading-note">{note}</dd> : null}
    </div>
  )
}

/** A grid of `Reading`s (a description list). */
export function ReadingGrid({ children, label }: { children: ReactNode; label?: string }) {
  return (
    <dl className="reading-grid" aria-label={label}>
      {children}
    </dl>
  )
}
