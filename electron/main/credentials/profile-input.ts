/**
 * Cleaning and checking what a technician typed into the profile form: trimmed fields, a unique
 * name, and the API base URL rule: https only, except loopback hosts (the local simulator) which
 * may use http; no user name or password, no query, no fragment; normalized without a trailing
 * slash. Messages say which field is wrong and how.
 */
import { appError, fail, ok, type Result } from '@common/errors'
import { PROFILE_INPUT_LIMITS } from '@common/profile-types'

const MAX_NAME_LENGTH = PROFILE_INPUT_LIMITS.name

/** Trims and checks a profile name, and that no other profile (compared case-insensitively) has it. */
export function cleanName(input: string, takenNames: readonly string[]): Result<string> {
  const name = input.trim()
  if (name === '') return invalid('Enter a name for the profile.')
  if (name.length > MAX_NAME_LENGTH) return invalid(`The profile name is too long (at most ${MAX_NAME_LENGTH} characters).`)
  const key = name.toLocaleLowerCase()
  if (takenNames.some((taken) => taken.toLocaleLowerCase() === key)) {
    return invalid(`A profile named "${name}" already exists. Choose another name.`)
  }
  return ok(name)
}

/** A new profile's name (not taken), base URL (normalized) and client_id, checked in that order. */
export function cleanProfileFields(input: { name: string; baseUrl: string; clientId: string }, takenNames: readonly string[]): Result<{ name: string; baseUrl: string; clientId: string }> {
  const name = cleanName(input.name, takenNames)
  if (!name.ok) return name
  const baseUrl = validateBaseUrl(input.baseUrl)
  if (!baseUrl.ok) return baseUrl
  const clientId = cleanClientId(input.clientId)
  return clientId.ok ? ok({ name: name.value, baseUrl: baseUrl.value, clientId: clientId.value }) : clientId
}

/** Trims and checks a client_id. */
export function cleanClientId(input: string): Result<string> {
  const clientId = input.trim()
  return clientId === '' ? invalid('Enter the client ID.') : ok(clientId)
}

/** Trims a client_secret (pasting often adds a newline); the error never repeats the secret. */
export function cleanClientSecret(input: string): Result<string> {
  const secret = input.trim()
  return secret === '' ? invalid('Enter the client secret.') : ok(secret)
}

const EXAMPLE = 'e.g. https://api.example.com'

/** True for hosts that can only be this computer: localhost, 127.0.0.0/8 and ::1. */
export function isLoopbackHost(hostname: string): boolean {
  const host = hostname.toLowerCase()
  if (host === 'localhost' || host === '[::1]' || host === '::1') return true
  return /^127\.\d{1,3}\.\d{1,3}\.\d{1,3}$/.test(host)
}

/** Validates and normalizes an API base URL; the error message says what is wrong with it. */
export function validateBaseUrl(input: string): Result<string> {
  const text = input.trim()
  if (text === '') return invalid(`Enter the API base URL (${EXAMPLE}).`)
  let url: URL
  try {
    url = new URL(text)
  } catch {
    return invalid(`"${text}" is not a valid URL. Enter the full address, ${EXAMPLE}.`)
  }
  if (url.protocol !== 'https:' && url.protocol !== 'http:') {
    return invalid(`The base URL must start with https:// (${EXAMPLE}).`)
  }
  if (url.hostname === '') return invalid(`The base URL has no host name (${EXAMPLE}).`)
  if (url.protocol === 'http:' && !isLoopbackHost(url.hostname)) {
    return invalid('The base URL must use https://. Plain http:// is only allowed for this computer (localhost, 127.0.0.1 or ::1).')
  }
  if (url.username !== '' || url.password !== '') {
    return invalid('The base URL must not contain a user name or password. Enter the client ID and secret in their own fields.')
  }
  if (url.search !== '' || url.hash !== '' || text.includes('?') || text.includes('#')) {
    return invalid('The base URL must not contain a query (?…) or a fragment (#…).')
  }
  const path = url.pathname.replace(/\/+$/, '')
  return ok(`${url.protocol}//${url.host}${path}`)
}

/** The origin (scheme, host and port) of a validated base URL: what a stored secret is bound to. */
export function originOf(baseUrl: string): string {
  return new URL(baseUrl).origin
}

function invalid(message: string): Result<never> {
  return fail(appError('invalid-input', message))
}
