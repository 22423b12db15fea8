/** The shape every diagnostics rule has: a pure function of a device and the moment of judging. */
import type { Device } from '../tellus/schemas'
import type { Finding } from './finding'

/** What a rule needs besides the device. */
export interface DiagnosticContext {
  /** The moment the device is judged at, ms since the epoch (the fetch time for an old snapshot). */
  now: number
  /** How old the last isolation test may be before it is overdue; default ISOLATION_TEST_MAX_AGE_MS. */
  isolationTestMaxAgeMs?: number
}

/** A diagnostics rule: pure, never throws, returns no findings when the readings it needs are missing. */
export type DiagnosticRule = (device: Device, context: DiagnosticContext) => Finding[]
