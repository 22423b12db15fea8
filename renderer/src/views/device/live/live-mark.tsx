import { Age } from '@renderer/components/age'

/** Props of `LiveMark`. */
export interface LiveMarkProps {
  /** When the frame these values came from arrived (epoch ms). */
  frameAt: number
  /** When the readings frames lack (voltage, current, temperature) were fetched (ISO). */
  fetchedAt: string
}

/**
 * On a connector card: "Live" with the frame's age, and a note that voltage, current and
 * temperature are not in frames and keep the age of the last fetch.
 */
export function LiveMark({ frameAt, fetchedAt }: LiveMarkProps) {
  return (
    <div className="live-mark">
      <span className="live-badge">
        <span className="live-dot" aria-hidden="true" /> Live
      </span>{' '}
      <span className="live-mark-age">
        state, power, energy and state of charge from a frame <Age at={frameAt} />
      </span>
      <p className="live-mark-note">
        Voltage, current and temperature are not in the live frames: they are from the last fetch, <Age at={fetchedAt} />.
      </p>
    </div>
  )
}
