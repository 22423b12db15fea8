/**
 * Cleaning and checking what a technician typed into the profile form: trimmed fields, a unique
 * name (the base URL rule is in base-url.ts). Messages say which field is wrong and how.
 */
import { appError, fail, ok, type Result } from '@common/errors'

/** Profile name limit; matches the IPC argument schema. */
export const MAX_NAME_LENGTH = 80

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

function invalid(message: string): Result<never> {
  return fail(appError('invalid-input', message))
}
