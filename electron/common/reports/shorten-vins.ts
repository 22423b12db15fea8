/**
 * VINs in free text (a technician's note, an escalation attachment, an evidence line) shortened
 * the way the app shows them everywhere else ("…" + the last 6), so a report that leaves the
 * laptop never names a vehicle in full.
 */
import { shortVin } from '../history/session-wording'

/** A VIN: 17 characters, letters and digits without I, O and Q (ISO 3779). */
const VIN_PATTERN = /\b[A-HJ-NPR-Z0-9]{17}\b/gi

/** True when a 17-character candidate holds both a letter and a digit (a plain number is no VIN). */
function looksLikeVin(candidate: string): boolean {
  return /[0-9]/.test(candidate) && /[a-z]/i.test(candidate)
}

/** The text with every VIN in it shortened. */
export function shortenVinsInText(text: string): string {
  return text.replace(VIN_PATTERN, (candidate) => (looksLikeVin(candidate) ? shortVin(candidate) : candidate))
}

/** Same for a text that may be missing. */
export function shortenVinsOrNull(text: string | null): string | null {
  return text === null ? null : shortenVinsInText(text)
}
