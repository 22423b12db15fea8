import type { ReactNode } from 'react'
import type { StatusLook } from './status-look'
import { StatusBadge } from './status-badge'
import './gauge.css'

/** What a gauge shows: a value on a scale, a reference mark, and a judgement as colour, icon and word. */
export interface GaugeModel {
  /** "Contactor wear", "Cooling fan", … */
  label: string
  value: number
  /** The end of the scale (the bar is full here); at least `value`. */
  scaleMax: number
  /** The value in words with its unit, e.g. "84,500 of 100,000 cycles (85 %)". */
  valueText: string
  /** A reference on the scale: a warning level, the nominal speed, the pass level. */
  mark?: { at: number; label: string }
  /** The judgement (the findings' severity, or OK when no rule fired). */
  look: StatusLook
  /** What the value means or where its reference comes from (one short line). */
  note?: string
}

const percentOf = (value: number, max: number): number => (max > 0 ? Math.min(100, Math.max(0, (value / max) * 100)) : 0)

/** Props of `Gauge`. */
export interface GaugeProps {
  model: GaugeModel
  /** Shown after the judgement, e.g. a jump to the finding. */
  extra?: ReactNode
}

/**
 * A horizontal gauge: label and value in words, a bar coloured by the judgement with a mark at the
 * reference level, and the judgement as a badge (colour, icon and word). Exposed as a meter with
 * its value, scale and text.
 */
export function Gauge({ model, extra }: GaugeProps) {
  const { label, value, scaleMax, valueText, mark, look, note } = model
  return (
    <div className={`gauge gauge-tone-${look.tone}`}>
      <div className="gauge-head">
        <span className="gauge-label">{label}</span>
        <span className="gauge-value">{valueText}</span>
      </div>
      <div
        className="gauge-track"
        role="meter"
        aria-label={label}
        aria-valuemin={0}
        aria-valuemax={scaleMax}
        aria-valuenow={Math.min(Math.max(value, 0), scaleMax)}
        aria-valuetext={`${valueText}; ${look.label}`}
      >
        <div className="gauge-fill" style={{ width: `${percentOf(value, scaleMax)}%` }} />
        {mark ? <span className="gauge-mark" style={{ left: `${percentOf(mark.at, scaleMax)}%` }} aria-hidden="true" /> : null}
      </div>
      <div className="gauge-foot">
        <StatusBadge kind="custom" look={look} className="badge-small" />
        {mark ? <span className="gauge-reference">{mark.label}</span> : null}
        {extra}
      </div>
      {note ? <p className="gauge-note">{note}</p> : null}
    </div>
  )
}
