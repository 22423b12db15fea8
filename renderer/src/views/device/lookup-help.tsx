import type { DeviceIdReading } from '@common/devices/device-id-text'
import { Button } from '@renderer/components/button'

/** What the lookup box says under the field after Enter: an error, a suggestion, or what it corrected. */
export type LookupHelpState =
  | { kind: 'none' }
  | { kind: 'problem'; message: string }
  | { kind: 'suggestion'; message: string; candidates: string[] }
  | { kind: 'corrected'; deviceId: string; message: string }

/** The most candidate buttons offered at once; a longer work order belongs in a visit. */
const MAX_CANDIDATES = 8

/** Turns a reading of the lookup input into what the box shows (the id reading itself is fetched). */
export function helpFor(reading: DeviceIdReading, describe: (corrections: readonly string[]) => string): LookupHelpState {
  switch (reading.kind) {
    case 'empty':
    case 'invalid':
      return { kind: 'problem', message: reading.message }
    case 'suggestion':
      return { kind: 'suggestion', message: reading.message, candidates: reading.candidates.slice(0, MAX_CANDIDATES) }
    case 'id':
      return reading.corrections.length === 0
        ? { kind: 'none' }
        : { kind: 'corrected', deviceId: reading.deviceId, message: `Looked up ${reading.deviceId}: ${describe(reading.corrections)}.` }
  }
}

/**
 * The lookup box's answer under the field: a problem (an alert, linked to the field), a suggestion
 * with one button per likely id, or a quiet note of what was corrected in what was typed.
 */
export function LookupHelp({ help, id, onChoose }: { help: LookupHelpState; id: string; onChoose: (deviceId: string) => void }) {
  switch (help.kind) {
    case 'none':
      return null
    case 'problem':
      return (
        <p id={id} className="field-error" role="alert">
          {help.message}
        </p>
      )
    case 'suggestion':
      return (
        <div id={id} className="lookup-suggestion" role="alert">
          <p>{help.message}</p>
          <div className="lookup-suggestion-choices">
            {help.candidates.map((candidate) => (
              <Button key={candidate} icon="search" onClick={() => onChoose(candidate)}>
                Look up <span className="mono">{candidate}</span>
              </Button>
            ))}
          </div>
        </div>
      )
    case 'corrected':
      return (
        <p id={id} className="field-hint lookup-corrected" role="status">
          {help.message}
        </p>
      )
  }
}
