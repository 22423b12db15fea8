/**
 * Isolation test: a result at or below 1 MΩ fails (the fault dictionary: a test passes above 1 MΩ)
 * and is critical; a last test older than the configured age (default 30 days, the app's choice)
 * is a warning. A test time in the future (clock skew) is never overdue.
 */
import { formatAge, formatDuration } from '@common/format/duration'
import { formatCount } from '@common/format/number'
import { parseTimestamp } from '@common/format/timestamp'
import { healthReports } from '../component-health'
import { ISOLATION_PASS_KOHMS, ISOLATION_TEST_MAX_AGE_MS } from '../component-thresholds'
import type { Finding } from '../finding'
import { reading } from '../readings'
import { faultReference } from '../references'
import type { DiagnosticRule } from '../rule-types'

/** Flags failed and overdue isolation tests in each component health report. */
export const isolationRule: DiagnosticRule = (device, { now, isolationTestMaxAgeMs = ISOLATION_TEST_MAX_AGE_MS }) =>
  healthReports(device).flatMap(({ health, label, connectorId }): Finding[] => {
    const where = connectorId === undefined ? {} : { connectorId }
    const findings: Finding[] = []
    const kohms = reading(health.isolation_test_kohms)
    if (kohms !== undefined && kohms <= ISOLATION_PASS_KOHMS) {
      findings.push({
        ruleId: 'isolation-failed',
        severity: 'critical',
        ...where,
        extensionField: 'component_health.isolation_test_kohms',
        message: `${label}'s last isolation test measured ${formatCount(kohms)} kΩ; a test passes only above 1 MΩ (${formatCount(ISOLATION_PASS_KOHMS)} kΩ).`,
        action: 'Do not charge until the insulation fault is found: inspect cable, connector and inlet for moisture or damage, then run the isolation test again.',
        reference: faultReference('F-0101'),
      })
    }
    const testedAt = parseTimestamp(health.last_isolation_test)
    if (testedAt !== undefined && now - testedAt > isolationTestMaxAgeMs) {
      findings.push({
        ruleId: 'isolation-test-overdue',
        severity: 'warning',
        ...where,
        extensionField: 'component_health.last_isolation_test',
        message: `${label}'s last isolation test was ${formatAge(now - testedAt)}, longer than the ${formatDuration(isolationTestMaxAgeMs)} the app allows.`,
        action: 'Run an isolation test (self-test) on site and note the result in the work order.',
        reference: faultReference('F-0101'),
      })
    }
    return findings
  })
