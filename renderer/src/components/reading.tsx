import type { ReactNode } from 'react'
import type { FindingSeverity } from '@common/diagnostics/finding'
import { formatNumber, MISSING, UNIT_DIGITS, type ReadingUnit } from '@common/format/number'
import { Icon } from './icon'
import { severityLook } from './status-look'
import { VisuallyHidden } from './visually-hidden'

/** An abnormal reading: how bad, and a few words beside the number ("over 65 °C warning"). */
export interface ReadingMarkProps {
  severity: FindingSeverity
  note: string
}

/** Props of `Reading`. */
export interface ReadingProps {
  label: ReactNode
  value: number | null | undefined
  unit: ReadingUnit
  /** Decimals; defaults to the unit's usual decimals. */
  digits?: number
  /** A short line under the number (e.g. "discharging"). */
  note?: ReactNode
  /** Marks the reading itself as abnormal: colour, icon and text. */
  mark?: ReadingMarkProps
}

/**
 * One reading as a big number with its unit. A missing reading shows "—" (read out as "no
 * reading"), never 0. An abnormal reading carries its mark on the number (colour) and under it
 * (icon and words). Renders a `<div><dt/><dd/></div>`: place it inside a `ReadingGrid`.
 */
export function Reading({ label, value, unit, digits = UNIT_DIGITS[unit], note, mark }: ReadingProps) {
  const number = formatNumber(value, digits)
  const missing = number === MISSING
  const look = mark ? severityLook(mark.severity) : null
  const classes = ['reading', missing ? 'reading-missing' : '', look ? `reading-abnormal reading-tone-${look.tone}` : ''].filter(Boolean).join(' ')
  return (
    <div className={classes}>
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
      {mark && look ? (
        <dd className={`reading-mark tone-${look.tone}`}>
          <Icon name={look.icon} />
          <span>
            <VisuallyHidden>{look.label}: </VisuallyHidden>
            {mark.note}
          </span>
        </dd>
      ) : null}
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
