import { assertNever, type AppError } from '@common/errors'

const CODE_TITLES: Readonly<Record<number, string>> = {
  1001: 'Request rejected by Tellus',
  1002: 'Request incomplete',
  2001: 'Token rejected',
  2002: 'Token expired',
  2003: 'Permission denied',
  3001: 'Not found',
  5001: 'Rate limited by Tellus',
  9001: 'Tellus server error',
}

/** A short headline for an error, e.g. "Token rejected (2001)" or "No connection to Tellus". */
export function errorTitle(error: AppError): string {
  const byCode = error.code === undefined ? undefined : CODE_TITLES[error.code]
  const title = byCode ?? titleByKind(error.kind)
  return error.code === undefined ? title : `${title} (${error.code})`
}

function titleByKind(kind: AppError['kind']): string {
  switch (kind) {
    case 'api':
      return 'Tellus reported an error'
    case 'auth':
      return 'Sign-in to Tellus failed'
    case 'network':
      return 'No connection to Tellus'
    case 'timeout':
      return 'Tellus did not answer in time'
    case 'rate-limited':
      return 'Rate limited by Tellus'
    case 'invalid-response':
      return 'Unexpected response from Tellus'
    case 'invalid-input':
      return 'Check what you entered'
    case 'keychain':
      return 'Keychain unavailable'
    case 'storage':
      return 'Local data could not be read or written'
    case 'cancelled':
      return 'Cancelled'
    case 'internal':
      return 'Something went wrong inside the app'
    default:
      return assertNever(kind, 'error kind')
  }
}

/** True for errors a technician fixes in Profiles (credentials or scope). */
export function isProfileError(error: AppError): boolean {
  return error.kind === 'auth' || error.code === 2001 || error.code === 2002 || error.code === 2003
}
