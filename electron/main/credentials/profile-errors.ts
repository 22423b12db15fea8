/** The profile service's own errors, worded for a technician. */
import { appError, type AppError } from '@common/errors'

/** The profile asked for is gone (removed in another window, or a stale id). */
export function profileNotFound(): AppError {
  return appError('invalid-input', 'That profile no longer exists.', { action: 'Choose another profile in Profiles.' })
}

/** The demo profile is built in: it cannot be edited or removed. */
export function demoIsBuiltIn(what: 'edited' | 'removed'): AppError {
  return appError('invalid-input', `The demo profile is built in and cannot be ${what}.`)
}

/** The keychain works but holds no secret for this profile. */
export function missingSecret(profileName: string): AppError {
  return appError('auth', `The client secret for profile "${profileName}" is missing from the keychain.`, {
    action: 'Enter it again in Profiles.',
  })
}

/** The demo fleet (local simulator) could not be reached or started. */
export function demoUnavailable(): AppError {
  return appError('internal', 'The demo fleet could not be started.', { action: 'Restart Tellus Field; if it keeps happening, report it.' })
}

/** A stored secret is only sent to the origin it was entered for: a new server needs it typed again. */
export function secretNeededForNewOrigin(origin: string): AppError {
  return appError('invalid-input', `The base URL now points to a different server (${origin}). The stored client secret is never sent to another server.`, {
    action: 'Enter the client secret again to use it with this server.',
  })
}
