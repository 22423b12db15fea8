/**
 * Every figure the diagnostics rules use, in one place. Figures from the Tellus fault dictionary
 * and runbooks say so; the others are the app's own choices and say that too.
 */

/** Connector temperature warning levels (F-0203): typically 65 °C on AC and 75 °C on DC chargers. */
export const TEMPERATURE_WARNING_C = { AC: 65, DC: 75 } as const

/** App's own margin above the warning level at which over-temperature becomes critical (not from Tellus). */
export const TEMPERATURE_CRITICAL_MARGIN_C = 15

/** Heartbeats arrive about every 30 s (F-0301; configurable per charger). */
export const HEARTBEAT_INTERVAL_MS = 30_000

/** The runbooks call a heartbeat fresh while it is less than 60 s old; older than this is stale. */
export const HEARTBEAT_FRESH_MS = 60_000

/** Chargers send telemetry about every 5 s while a connector is charging or discharging. */
export const TELEMETRY_INTERVAL_MS = 5_000

/** App's choice: telemetry older than this while a connector is active is stale (12 missed frames). */
export const TELEMETRY_STALE_MS = 60_000

/**
 * Power vs voltage × current: the reported power is consistent when it is within the larger of
 * these two tolerances of an expected value (app's choice; covers rounding and power factor).
 */
export const POWER_TOLERANCE_KW = 0.5
/** Relative part of the power tolerance (10 % of the expected power); see POWER_TOLERANCE_KW. */
export const POWER_TOLERANCE_RATIO = 0.1

/** Power whose sign is wrong by less than this is noise, not a finding (app's choice). */
export const POWER_SIGN_TOLERANCE_KW = 0.1

/** A charging connector drawing less than this is "not drawing current" (F-0421 hint; app's choice). */
export const NO_CURRENT_A = 0.5

/** A vehicle at this state of charge is full, so drawing no current while "charging" is normal. */
export const FULL_SOC_PERCENT = 100

/** Above this rating an AC charger is taken as three-phase (230 V × 32 A single-phase ≈ 7.4 kW). */
export const SINGLE_PHASE_MAX_KW = 7.4

/** Typical vehicle discharge floor for V2G (F-0702): about 20 % state of charge. */
export const V2G_SOC_FLOOR_PERCENT = 20

/** Upgrade firmware when it is more than this many minor versions behind the latest stable build. */
export const FIRMWARE_MAX_MINOR_VERSIONS_BEHIND = 2

/** An inclusive range of plausible values for one reading. */
export interface PlausibleRange {
  min: number
  max: number
}

/**
 * Readings outside these ranges are physically implausible for a charger connector and are
 * reported as unreliable (app's choice: DC up to 1000 V, currents and powers of the largest units,
 * temperatures a sensor can really see).
 */
export const PLAUSIBLE_RANGES = {
  voltage: { min: 0, max: 1000 },
  current: { min: -1000, max: 1000 },
  power: { min: -1000, max: 1000 },
  soc: { min: 0, max: 100 },
  temperature: { min: -40, max: 150 },
} as const satisfies Record<string, PlausibleRange>

/** Live: a connector delivering less than this (kW, sign ignored) has no power flowing (app's choice). */
export const NO_POWER_KW = 0.1

/** Live: power ramps up over about a minute after a start; "no power" counts only after this (app's choice). */
export const POWER_RAMP_GRACE_MS = 90_000

/** Live: preparing for longer than this is "stuck" (the runbook says "more than a few minutes"; app's choice). */
export const PREPARING_STUCK_MS = 3 * 60_000
