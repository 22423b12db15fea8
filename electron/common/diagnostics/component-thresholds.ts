/**
 * The figures the component-health and OCPP rules use (proposed extensions), in one place. Figures
 * from the Tellus fault dictionary and guides say so; the others are the app's own choices and say that too.
 */

/** Contactor service life when `contactor_max_cycles` is absent (F-0101): 60,000 AC, 100,000 DC. */
export const CONTACTOR_LIFE_CYCLES = { AC: 60_000, DC: 100_000 } as const

/** App's choice: wear at or above this share of the rated cycles is a warning (plan a replacement). */
export const WEAR_WARNING_RATIO = 0.8

/** Wear at or above the rated cycles is critical: the part is past its rated life. */
export const WEAR_CRITICAL_RATIO = 1

/** App's choice: V2G inverter cycles at or above this share of their maximum are "near the max". */
export const INVERTER_WEAR_WARNING_RATIO = 0.9

/** Nominal cabinet fan speed (F-0601): typically 1,800 RPM. */
export const NOMINAL_FAN_RPM = 1_800

/** An isolation test passes above 1 MΩ (F-0101), i.e. above 1,000 kΩ. */
export const ISOLATION_PASS_KOHMS = 1_000

/** App's choice (configurable per diagnosis): an isolation test older than 30 days is overdue. */
export const ISOLATION_TEST_MAX_AGE_MS = 30 * 24 * 3_600_000

/**
 * App's choice of warning levels for the internal sensors (°C); Tellus documents F-0204 ("cabinet
 * internal temperature above critical") without a figure. Critical is the warning level plus the
 * same margin as for connectors (TEMPERATURE_CRITICAL_MARGIN_C).
 */
export const INTERNAL_TEMPERATURE_WARNING_C = {
  power_module: 80,
  control_board: 70,
  ac_inlet: 70,
  dc_outlet: 75,
} as const

/** App's choice: a CSMS silent for longer than this while the charger is online (two 300 s OCPP heartbeats). */
export const CSMS_SILENCE_MS = 10 * 60_000

/** OCPP and the Open Platform API side by side need firmware 260420.0107 or later (coexistence guide). */
export const SECOND_BACKEND_MIN_FIRMWARE = '260420.0107'
