/**
 * Firmware version strings as Tellus uses them: semver ("3.1.0", also "v3.1" or "3.1.0-rc.1") and
 * date-style builds ("260420.0107"). The docs do not say how the two relate, so versions of
 * different formats are never compared with each other.
 */

/** A semver version: numeric parts compared as numbers (3.10.0 > 3.9.0). */
export interface SemverVersion {
  format: 'semver'
  major: number
  minor: number
  patch: number
  /** Pre-release identifiers ("rc.1" -> ["rc", "1"]); empty for a release. */
  prerelease: string[]
  text: string
}

/** A date-style build "YYMMDD.NNNN", e.g. "260420.0107". */
export interface DateBuildVersion {
  format: 'date-build'
  date: number
  build: number
  text: string
}

/** A parsed firmware version. */
export type FirmwareVersion = SemverVersion | DateBuildVersion

const SEMVER = /^v?(0|[1-9]\d*)\.(0|[1-9]\d*)(?:\.(0|[1-9]\d*))?(?:-([0-9A-Za-z.-]+))?(?:\+[0-9A-Za-z.-]+)?$/i
const DATE_BUILD = /^(\d{6})\.(\d{4})$/

/** Parses a firmware version; undefined when it is in neither known format. */
export function parseFirmwareVersion(text: string | null | undefined): FirmwareVersion | undefined {
  const trimmed = (text ?? '').trim()
  const dateBuild = DATE_BUILD.exec(trimmed)
  if (dateBuild) return { format: 'date-build', date: Number(dateBuild[1]), build: Number(dateBuild[2]), text: trimmed }
  const semver = SEMVER.exec(trimmed)
  if (!semver) return undefined
  return {
    format: 'semver',
    major: Number(semver[1]),
    minor: Number(semver[2]),
    patch: Number(semver[3] ?? 0),
    prerelease: semver[4] ? semver[4].split('.') : [],
    text: trimmed,
  }
}

const sign = (n: number): -1 | 0 | 1 => (n < 0 ? -1 : n > 0 ? 1 : 0)

/** Semver precedence of pre-release lists: a release sorts after its pre-releases. */
function comparePrerelease(a: string[], b: string[]): -1 | 0 | 1 {
  if (a.length === 0 || b.length === 0) return sign(b.length - a.length)
  for (let i = 0; i < Math.min(a.length, b.length); i++) {
    const x = a[i]!
    const y = b[i]!
    if (x === y) continue
    const xNum = /^\d+$/.test(x)
    const yNum = /^\d+$/.test(y)
    if (xNum && yNum) return sign(Number(x) - Number(y))
    if (xNum !== yNum) return xNum ? -1 : 1
    return x < y ? -1 : 1
  }
  return sign(a.length - b.length)
}

/**
 * Orders two versions of the same format: -1 (a older), 0, 1 (a newer).
 * Returns undefined when the formats differ, because their order is not documented.
 */
export function compareFirmwareVersions(a: FirmwareVersion, b: FirmwareVersion): -1 | 0 | 1 | undefined {
  if (a.format === 'date-build' && b.format === 'date-build') return sign(a.date - b.date) || sign(a.build - b.build)
  if (a.format === 'semver' && b.format === 'semver') {
    return sign(a.major - b.major) || sign(a.minor - b.minor) || sign(a.patch - b.patch) || comparePrerelease(a.prerelease, b.prerelease)
  }
  return undefined
}
