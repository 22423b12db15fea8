import { DEVICE_ID_PATTERN } from './device-id-pattern'

/**
 * Turning what a technician types or pastes into Tellus device ids.
 *
 * The platform issues ids as `dvc_` followed by 12 lower-case hex digits (`dvc_a1b2c3d4e5f6`); that is
 * the "standard form". Work orders, e-mails and spreadsheets carry them upper-cased, without the
 * prefix, with a hyphen or space instead of `_`, or inside a sentence or a URL. This module repairs
 * what can be repaired without guessing, suggests a fix where a guess is needed (an `O` typed for a
 * `0`), and says why a candidate is not an id otherwise. Other ids that fit the app's conservative
 * character set (DEVICE_ID_PATTERN) are left as typed: the platform calls ids opaque.
 */

const STANDARD_BODY_LENGTH = 12
const STANDARD_PREFIX = 'dvc_'
const STANDARD_FORM_HINT = 'Tellus ids are dvc_ followed by 12 characters 0-9 a-f, e.g. dvc_a1b2c3d4e5f6'

/** Characters people mistype for hex digits, and the digit they most likely meant. */
const LOOKALIKE_DIGITS: Readonly<Record<string, string>> = { o: '0', i: '1', l: '1' }

/** A device id candidate the text held but that is not an id, with the reason and a fix if one is likely. */
export interface RejectedDeviceId {
  text: string
  reason: string
  suggestion?: string
}

/** Every device id found in a text (standard form, deduplicated, in order) and the candidates rejected. */
export interface ExtractedDeviceIds {
  deviceIds: string[]
  rejected: RejectedDeviceId[]
}

/** How the lookup box reads its input. */
export type DeviceIdReading =
  /** Nothing typed. */
  | { kind: 'empty'; message: string }
  /** One id to look up; `corrections` says in words what was changed from the input (empty: as typed). */
  | { kind: 'id'; deviceId: string; corrections: string[] }
  /** Not looked up: the input needs a choice (several ids) or a likely fix; `candidates` are ids to offer. */
  | { kind: 'suggestion'; message: string; candidates: string[] }
  /** Not an id, and no likely fix. */
  | { kind: 'invalid'; message: string }

type TokenReading =
  | { kind: 'id'; deviceId: string; corrections: string[] }
  | { kind: 'rejected'; reason: string; suggestion?: string }

/** Folds full-width characters, removes zero-width characters and turns odd spaces into plain ones. */
function cleanText(text: string): string {
  return text
    .normalize('NFKC')
    .replace(/[\u200B-\u200D\u2060\uFEFF]/g, '')
    .replace(/\s/g, (space) => (space === '\n' || space === '\r' ? space : ' '))
}

/** Strips quotes, brackets and punctuation that a copy from a document leaves around an id. */
function stripWrapping(token: string): string {
  return token.replace(/^[\s"'`‘’“”([{<]+/, '').replace(/[\s"'`‘’“”)\]}>.,;:!?]+$/, '')
}

const isHex = (text: string): boolean => /^[0-9a-f]+$/.test(text)

/** Reads the part after a `dvc` prefix; `separator` is what stood between them. */
function readPrefixedBody(raw: string, separator: string, rawPrefix: string): TokenReading {
  const body = raw.toLowerCase()
  const corrections: string[] = []
  if (rawPrefix !== 'dvc' || body !== raw) corrections.push('made lower-case')
  if (separator !== '_') corrections.push(separator === '' ? 'added the "_" after dvc' : `replaced "${separator}" after dvc with "_"`)
  if (body.length === STANDARD_BODY_LENGTH && isHex(body)) {
    return { kind: 'id', deviceId: STANDARD_PREFIX + body, corrections }
  }
  if (body.length === STANDARD_BODY_LENGTH) {
    const fixed = body.replace(/[oil]/g, (letter) => LOOKALIKE_DIGITS[letter] ?? letter)
    const badLetter = [...body].find((char) => !/[0-9a-f]/.test(char)) ?? ''
    if (isHex(fixed)) {
      return {
        kind: 'rejected',
        reason: `"${badLetter}" is a letter where ids have only 0-9 a-f`,
        suggestion: STANDARD_PREFIX + fixed,
      }
    }
    return { kind: 'rejected', reason: `"${badLetter}" is not allowed: ${STANDARD_FORM_HINT}` }
  }
  const count = body.length === 1 ? '1 character' : `${body.length} characters`
  return { kind: 'rejected', reason: `${count} after dvc_ where ids have 12: check the work order` }
}

/** Reads one candidate (a word, or `dvc` + space + body) as a device id. */
function readToken(token: string): TokenReading {
  const prefixed = /^(dvc)([_\- ]?)([0-9a-z]*)$/i.exec(token)
  if (prefixed !== null) return readPrefixedBody(prefixed[3] ?? '', prefixed[2] ?? '', prefixed[1] ?? '')
  if (token.length === STANDARD_BODY_LENGTH && isHex(token.toLowerCase())) {
    const corrections = ['added the dvc_ prefix']
    if (token !== token.toLowerCase()) corrections.unshift('made lower-case')
    return { kind: 'id', deviceId: STANDARD_PREFIX + token.toLowerCase(), corrections }
  }
  if (DEVICE_ID_PATTERN.test(token)) return { kind: 'id', deviceId: token, corrections: [] }
  if (token.length > 64) return { kind: 'rejected', reason: `${token.length} characters, more than any device id (64 at most)` }
  const bad = [...token].find((char) => !/[A-Za-z0-9_-]/.test(char)) ?? token.charAt(0)
  return { kind: 'rejected', reason: `"${bad}" cannot be part of a device id: ${STANDARD_FORM_HINT}` }
}

/**
 * A `dvc` id inside free text: the prefix, then `_` with any body, or `-`, a space or nothing with a
 * standard 12-hex body (so "DVC charger" is not taken as a candidate).
 */
const PREFIXED_IN_TEXT = /(?<![0-9a-z_])dvc(?:_[0-9a-z]*|[- ]?[0-9a-f]{12})(?![0-9a-z])/gi

/** A bare standard body standing alone in a CSV cell or on a line, e.g. a column of ids without prefix. */
const BARE_CELL = /^[0-9a-f]{12}$/i

/** Cells of a CSV or tab-separated line, unquoted. */
function cellsOf(line: string): string[] {
  return line.split(/[,;\t|]/).map((cell) => stripWrapping(cell.trim()))
}

/**
 * Finds every device id in free text or CSV (a pasted work order): ids anywhere with a `dvc` prefix,
 * and bare 12-hex ids standing alone in a cell or line. Returns them in standard form, deduplicated in
 * order of first appearance, plus the candidates that are not ids with the reason (and a likely fix).
 */
export function extractDeviceIds(text: string): ExtractedDeviceIds {
  const cleaned = cleanText(text)
  const found: { at: number; token: string }[] = []
  for (const match of cleaned.matchAll(PREFIXED_IN_TEXT)) found.push({ at: match.index, token: match[0] })
  let offset = 0
  for (const line of cleaned.split('\n')) {
    for (const cell of cellsOf(line)) {
      if (BARE_CELL.test(cell) && /[a-f]/i.test(cell) && /\d/.test(cell)) found.push({ at: offset + line.indexOf(cell), token: cell })
    }
    offset += line.length + 1
  }
  found.sort((a, b) => a.at - b.at)

  const deviceIds: string[] = []
  const rejected: RejectedDeviceId[] = []
  for (const { token } of found) {
    const reading = readToken(token)
    if (reading.kind === 'id') {
      if (!deviceIds.includes(reading.deviceId)) deviceIds.push(reading.deviceId)
    } else if (!rejected.some((entry) => entry.text === token)) {
      rejected.push({ text: token, reason: reading.reason, ...(reading.suggestion ? { suggestion: reading.suggestion } : {}) })
    }
  }
  return { deviceIds, rejected }
}

/** Joins corrections into one phrase: "made lower-case and added the dvc_ prefix". */
export function describeCorrections(corrections: readonly string[]): string {
  if (corrections.length <= 1) return corrections[0] ?? ''
  return `${corrections.slice(0, -1).join(', ')} and ${corrections[corrections.length - 1] ?? ''}`
}

/**
 * Reads what was typed or pasted into the lookup box: one id (repaired into standard form where that
 * needs no guess), a suggestion (several ids, or a likely typo), or why it is not an id.
 */
export function readDeviceIdInput(input: string): DeviceIdReading {
  const cleaned = stripWrapping(cleanText(input).trim())
  if (cleaned === '') return { kind: 'empty', message: 'Type a device id, e.g. dvc_a1b2c3d4e5f6.' }

  if (!/\s/.test(cleaned) || /^dvc [0-9a-f]{12}$/i.test(cleaned)) {
    const reading = readToken(cleaned)
    if (reading.kind === 'id') return reading
    if (reading.suggestion !== undefined) {
      return { kind: 'suggestion', message: `${cleaned}: ${reading.reason}. Did you mean ${reading.suggestion}?`, candidates: [reading.suggestion] }
    }
    return { kind: 'invalid', message: `${cleaned}: ${reading.reason}.` }
  }

  const { deviceIds, rejected } = extractDeviceIds(cleaned)
  const [onlyId] = deviceIds
  if (onlyId !== undefined && deviceIds.length === 1 && rejected.length === 0) {
    return { kind: 'id', deviceId: onlyId, corrections: ['took the id from the pasted text'] }
  }
  const reasons = rejected.map((entry) => `${entry.text}: ${entry.reason}${entry.suggestion ? ` (did you mean ${entry.suggestion}?)` : ''}.`)
  if (deviceIds.length > 0) {
    const found = deviceIds.length === 1 ? 'one device id' : `${deviceIds.length} device ids`
    return { kind: 'suggestion', message: [`The text holds ${found}: choose one.`, ...reasons].join(' '), candidates: deviceIds }
  }
  const suggestions = rejected.flatMap((entry) => (entry.suggestion === undefined ? [] : [entry.suggestion]))
  if (suggestions.length > 0) return { kind: 'suggestion', message: reasons.join(' '), candidates: suggestions }
  if (reasons.length > 0) return { kind: 'invalid', message: reasons.join(' ') }
  return { kind: 'invalid', message: `No device id in that text. ${STANDARD_FORM_HINT}.` }
}
