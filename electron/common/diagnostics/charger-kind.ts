/** What the model string tells about a charger: AC or DC, its rating, single- or three-phase. */
import type { Connector } from '../tellus/schemas'
import { SINGLE_PHASE_MAX_KW, TEMPERATURE_WARNING_C } from './thresholds'

/** AC or DC charger; 'unknown' when the model does not say (or says both). */
export type ChargerKind = 'AC' | 'DC' | 'unknown'

/** Decides AC or DC from the model name: contains "DC" -> DC, contains "AC" -> AC (case-insensitive). */
export function chargerKind(model: string | null | undefined): ChargerKind {
  const upper = (model ?? '').toUpperCase()
  const dc = upper.includes('DC')
  const ac = upper.includes('AC')
  if (dc && !ac) return 'DC'
  if (ac && !dc) return 'AC'
  return 'unknown'
}

/** The rating in kW read from the first number in the model ("TP-AC22" -> 22, "AC-7kW-V2" -> 7). */
export function nominalPowerKw(model: string | null | undefined): number | undefined {
  const match = /\d+(\.\d+)?/.exec(model ?? '')
  return match ? Number(match[0]) : undefined
}

/**
 * True for a three-phase connector: it reports `phase_details`, or it belongs to an AC model rated
 * above what one phase can deliver (e.g. TP-AC22).
 */
export function isThreePhase(model: string | null | undefined, connector: Connector): boolean {
  if (typeof connector['phase_details'] === 'object' && connector['phase_details'] !== null) return true
  const rating = nominalPowerKw(model)
  return chargerKind(model) === 'AC' && rating !== undefined && rating > SINGLE_PHASE_MAX_KW
}

/** The connector temperature warning level for a kind; unknown kinds get the lower AC level. */
export function temperatureWarningC(kind: ChargerKind): number {
  return kind === 'DC' ? TEMPERATURE_WARNING_C.DC : TEMPERATURE_WARNING_C.AC
}
