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

/** Re-linking sends a keychain secret to a typed address: only once the technician confirmed it is the right server. */
export function originNotConfirmed(): AppError {
  return appError('invalid-input', 'Confirm that this base URL is the server this client secret was entered for.', {
    action: 'The keychain does not record the server: for another server, add a new profile and type its secret.',
  })
}

/** The keychain entry to re-link is gone (forgotten, or removed in another window). */
export function unlinkedSecretGone(): AppError {
  return appError('invalid-input', 'That client secret is no longer in the keychain.', { action: 'Add the profile again with its client secret.' })
}

/** The keychain entry to re-link or forget belongs to a profile. */
export function secretAlreadyLinked(profileName: string): AppError {
  return appError('invalid-input', `That client secret already belongs to profile "${profileName}".`, { action: 'Edit or remove that profile in Profiles.' })
}
