/** Compares a charger's firmware with the catalogue: current, behind, ahead, and known issues. */
import {
  findCatalogueModel,
  KNOWN_ISSUES,
  normalizeModel,
  type KnownIssue,
} from './firmware-catalogue'
import { compareFirmwareVersions, parseFirmwareVersion, type FirmwareVersion } from './firmware-version'
import { FIRMWARE_MAX_MINOR_VERSIONS_BEHIND } from './thresholds'

export type { KnownIssue } from './firmware-catalogue'

/** How a firmware version stands against the latest stable build for its model. */
export type FirmwareStatus = 'current' | 'behind' | 'ahead' | 'unknown-model' | 'unparseable'

/** Result of `compareFirmware`. */
export interface FirmwareComparison {
  status: FirmwareStatus
  /** Latest stable build for the model, when the catalogue has the model. */
  latest?: string
  /**
   * Minor versions behind the latest, for semver versions of the same major only (3.0.2 vs 3.1.0 -> 1).
   * Absent when a major version behind (the number of minors in between is not known).
   */
  minorVersionsBehind?: number
  /** Major versions behind the latest, for semver versions of an older major (3.1.0 vs 4.1.0 -> 1). */
  majorVersionsBehind?: number
  /** Catalogue note about the model's builds, e.g. why there are two stable builds. */
  note?: string
  /** Where the latest build figure comes from. */
  source?: string
  /** Known issues whose version range contains this version. */
  knownIssues: KnownIssue[]
}

/** True when `version` lies in the issue's range (same format only) and the issue applies to `model`. */
function issueApplies(issue: KnownIssue, model: string | null | undefined, version: FirmwareVersion): boolean {
  if (issue.models !== null) {
    if (!model || !issue.models.some((m) => normalizeModel(m) === normalizeModel(model))) return false
  }
  const introduced = parseFirmwareVersion(issue.introduced)
  const fixed = parseFirmwareVersion(issue.fixed)
  const sinceIntroduced = introduced ? compareFirmwareVersions(version, introduced) : 0
  const beforeFixed = fixed ? compareFirmwareVersions(version, fixed) : -1
  return (sinceIntroduced === 0 || sinceIntroduced === 1) && beforeFixed === -1
}

/** Known issues of the catalogue that affect this model and version. */
export function knownIssuesFor(model: string | null | undefined, version: string | null | undefined): KnownIssue[] {
  const parsed = parseFirmwareVersion(version)
  return parsed ? KNOWN_ISSUES.filter((issue) => issueApplies(issue, model, parsed)) : []
}

/**
 * Compares a device's firmware with the latest stable build for its model.
 * A model the catalogue does not list gives 'unknown-model' (never a guess); a version that does
 * not parse, or is in a different format than the latest build (date-style vs semver), gives
 * 'unparseable'. Known issues are reported in every case where the version parses.
 */
export function compareFirmware(model: string | null | undefined, version: string | null | undefined): FirmwareComparison {
  const knownIssues = knownIssuesFor(model, version)
  const entry = findCatalogueModel(model)
  if (!entry) return { status: 'unknown-model', knownIssues }
  const base = {
    latest: entry.latestStable,
    source: entry.source,
    knownIssues,
    ...(entry.note !== undefined ? { note: entry.note } : {}),
  }
  const current = parseFirmwareVersion(version)
  const latest = parseFirmwareVersion(entry.latestStable)
  const order = current && latest ? compareFirmwareVersions(current, latest) : undefined
  if (!current || !latest || order === undefined) return { status: 'unparseable', ...base }
  if (order === 0) return { status: 'current', ...base }
  if (order === 1) return { status: 'ahead', ...base }
  if (current.format === 'semver' && latest.format === 'semver') {
    return current.major === latest.major
      ? { status: 'behind', ...base, minorVersionsBehind: latest.minor - current.minor }
      : { status: 'behind', ...base, majorVersionsBehind: latest.major - current.major }
  }
  return { status: 'behind', ...base }
}

const plural = (n: number, word: string): string => `${n} ${word}${n === 1 ? '' : 's'}`

/**
 * The runbook's upgrade rule for a version behind the latest: upgrade when more than
 * FIRMWARE_MAX_MINOR_VERSIONS_BEHIND minor versions behind, a major version behind, or an
 * unknown distance behind. False for any other status.
 */
export function upgradeAdvised(comparison: FirmwareComparison): boolean {
  if (comparison.status !== 'behind') return false
  return comparison.minorVersionsBehind === undefined || comparison.minorVersionsBehind > FIRMWARE_MAX_MINOR_VERSIONS_BEHIND
}

/** How far behind a 'behind' comparison is, in words: "2 minor versions behind", "older than". */
export function behindDistance(comparison: FirmwareComparison): string {
  const behind = comparison.minorVersionsBehind
  const majors = comparison.majorVersionsBehind
  if (majors !== undefined) return `${plural(majors, 'major version')} behind`
  if (behind === undefined) return 'older than'
  return behind === 0 ? 'a patch release behind' : `${plural(behind, 'minor version')} behind`
}
