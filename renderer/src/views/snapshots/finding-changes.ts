import type { Finding } from '@common/diagnostics/finding'

/** How the findings moved between an older and a newer snapshot of one charger. */
export interface FindingChanges {
  /** In the newer snapshot only: new since the older one. */
  added: Finding[]
  /** In the older snapshot only: no longer reported. */
  resolved: Finding[]
  /** In both (the newer wording, with its current numbers). */
  persisting: Finding[]
}

/** A finding's identity across snapshots: its rule and the connector it is about. */
export function findingKey(finding: Finding): string {
  return `${finding.ruleId}#${finding.connectorId ?? 'device'}`
}

/** Splits two snapshots' findings into added, resolved and persisting ones. */
export function diffFindings(older: readonly Finding[], newer: readonly Finding[]): FindingChanges {
  const olderKeys = new Set(older.map(findingKey))
  const newerKeys = new Set(newer.map(findingKey))
  return {
    added: newer.filter((f) => !olderKeys.has(findingKey(f))),
    resolved: older.filter((f) => !newerKeys.has(findingKey(f))),
    persisting: newer.filter((f) => olderKeys.has(findingKey(f))),
  }
}
