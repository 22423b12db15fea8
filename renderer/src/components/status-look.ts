import type { KNOWN_CONNECTOR_STATES, KNOWN_DEVICE_STATUSES } from '@common/tellus/schemas'
import type { FindingSeverity } from '@common/diagnostics/finding'
import type { VerdictState } from '@common/diagnostics/verdict'
import type { IconName } from './icon'

/** Colour families of the design system (see theme.css). */
export type Tone = 'ok' | 'warn' | 'crit' | 'info' | 'neutral' | 'active'

/** How a status value is shown: colour, icon and words. */
export interface StatusLook {
  tone: Tone
  icon: IconName
  /** The words shown. For an undocumented value, the value exactly as it came. */
  label: string
  /**
   * 'documented': a value the API documentation lists; 'undocumented': any other value (shown
   * verbatim, never dropped); 'missing': no value at all.
   */
  origin: 'documented' | 'undocumented' | 'missing'
}

const MISSING: StatusLook = { tone: 'neutral', icon: 'unknown', label: 'No status', origin: 'missing' }

function verbatim(value: string): StatusLook {
  return { tone: 'neutral', icon: 'unknown', label: value, origin: 'undocumented' }
}

const DEVICE_LOOKS: Record<(typeof KNOWN_DEVICE_STATUSES)[number], StatusLook> = {
  online: { tone: 'ok', icon: 'ok', label: 'Online', origin: 'documented' },
  offline: { tone: 'crit', icon: 'offline', label: 'Offline', origin: 'documented' },
}

const CONNECTOR_LOOKS: Record<(typeof KNOWN_CONNECTOR_STATES)[number], StatusLook> = {
  idle: { tone: 'neutral', icon: 'idle', label: 'Idle', origin: 'documented' },
  charging: { tone: 'active', icon: 'charging', label: 'Charging', origin: 'documented' },
  discharging: { tone: 'active', icon: 'discharging', label: 'Discharging', origin: 'documented' },
  fault: { tone: 'crit', icon: 'critical', label: 'Fault', origin: 'documented' },
  unavailable: { tone: 'warn', icon: 'unavailable', label: 'Unavailable', origin: 'documented' },
}

const SEVERITY_LOOKS: Record<FindingSeverity, StatusLook> = {
  critical: { tone: 'crit', icon: 'critical', label: 'Critical', origin: 'documented' },
  warning: { tone: 'warn', icon: 'warning', label: 'Warning', origin: 'documented' },
  info: { tone: 'info', icon: 'info', label: 'Info', origin: 'documented' },
}

function lookUp<K extends string>(table: Record<K, StatusLook>, value: string | null | undefined): StatusLook {
  if (value === null || value === undefined || value === '') return MISSING
  return Object.hasOwn(table, value) ? table[value as K] : verbatim(value)
}

/** Look of a device status (`online`/`offline`; anything else verbatim). */
export function deviceStatusLook(status: string | null | undefined): StatusLook {
  return lookUp(DEVICE_LOOKS, status)
}

/** Look of a connector status (documented states; anything else, e.g. `preparing`, verbatim). */
export function connectorStatusLook(status: string | null | undefined): StatusLook {
  return lookUp(CONNECTOR_LOOKS, status)
}

/** Look of a finding severity. */
export function severityLook(severity: FindingSeverity): StatusLook {
  return SEVERITY_LOOKS[severity]
}

const VERDICT_LOOKS: Record<VerdictState | 'offline-copy', StatusLook> = {
  healthy: { tone: 'ok', icon: 'ok', label: 'Healthy', origin: 'documented' },
  'needs-attention': { tone: 'warn', icon: 'warning', label: 'Needs attention', origin: 'documented' },
  'out-of-service': { tone: 'crit', icon: 'critical', label: 'Out of service', origin: 'documented' },
  'offline-copy': { tone: 'neutral', icon: 'archive', label: 'Offline copy', origin: 'documented' },
}

/** Look of a charger's overall verdict, or of an offline copy (which is not live, whatever it says). */
export function verdictLook(state: VerdictState | 'offline-copy'): StatusLook {
  return VERDICT_LOOKS[state]
}
