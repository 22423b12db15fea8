import type { ProfileInput, ProfileUpdate } from '@common/ipc/contract'
import type { ProfileView } from '@common/profile-types'

/** What the profile form holds: the fields of a new profile, as typed. Lives only in the form's component state (the secret included). */
export type ProfileFormValues = ProfileInput

export type ProfileFormField = keyof ProfileFormValues
export type ProfileFormProblems = Partial<Record<ProfileFormField, string>>

/** The form's starting values: empty for a new profile; name and URL for an edit (id and secret stay empty). */
export function initialValues(profile?: ProfileView): ProfileFormValues {
  return { name: profile?.name ?? '', baseUrl: profile?.baseUrl ?? '', clientId: '', clientSecret: '' }
}

/**
 * Field problems in words. A new profile needs every field; an edit may leave the client ID and
 * secret empty to keep them, unless the keychain lost the secret. The https/loopback rule for the
 * URL is main's: here only "is it a web address at all".
 */
export function validateProfileForm(values: ProfileFormValues, profile?: ProfileView): ProfileFormProblems {
  const problems: ProfileFormProblems = nameAndAddressProblems(values)
  if (!profile && values.clientId.trim() === '') problems.clientId = CLIENT_ID_MISSING
  const secretNeeded = !profile || profile.secret === 'missing'
  if (secretNeeded && values.clientSecret === '') {
    problems.clientSecret = profile ? 'The keychain has no secret for this profile: enter it again.' : 'Enter the client secret.'
  }
  return problems
}

/** The re-link form: a new profile's fields without the secret (the keychain has it), and the server confirmed. */
export interface RelinkFormValues extends Omit<ProfileFormValues, 'clientSecret'> {
  originConfirmed: boolean
}

export type RelinkFormProblems = Partial<Record<keyof RelinkFormValues, string>>

/** Field problems of the re-link form: every field is needed, and the confirmation of the server. */
export function validateRelinkForm(values: RelinkFormValues): RelinkFormProblems {
  const problems: RelinkFormProblems = nameAndAddressProblems(values)
  if (values.clientId.trim() === '') problems.clientId = CLIENT_ID_MISSING
  if (!values.originConfirmed) problems.originConfirmed = 'Confirm that this is the server the secret was entered for: it is sent there to be checked.'
  return problems
}

const CLIENT_ID_MISSING = 'Enter the client ID.'

function nameAndAddressProblems(values: { name: string; baseUrl: string }): { name?: string; baseUrl?: string } {
  const problems: { name?: string; baseUrl?: string } = {}
  if (values.name.trim() === '') problems.name = 'Enter a name, for example the operator’s company.'
  if (values.baseUrl.trim() === '') problems.baseUrl = 'Enter the API base URL from the operator’s Tellus account.'
  else if (!looksLikeWebAddress(values.baseUrl.trim())) problems.baseUrl = 'Enter a full address starting with https://'
  return problems
}

function looksLikeWebAddress(text: string): boolean {
  try {
    const url = new URL(text)
    return url.protocol === 'https:' || url.protocol === 'http:'
  } catch {
    return false
  }
}

/** The new profile to send. */
export function toProfileInput(values: ProfileFormValues): ProfileInput {
  return { name: values.name.trim(), baseUrl: values.baseUrl.trim(), clientId: values.clientId.trim(), clientSecret: values.clientSecret }
}

/** Only what changed: an empty client ID or secret means "keep the stored one" and is not sent. */
export function toProfileUpdate(profile: ProfileView, values: ProfileFormValues): ProfileUpdate {
  const update: ProfileUpdate = { id: profile.id }
  if (values.name.trim() !== profile.name) update.name = values.name.trim()
  if (values.baseUrl.trim() !== profile.baseUrl) update.baseUrl = values.baseUrl.trim()
  if (values.clientId.trim() !== '') update.clientId = values.clientId.trim()
  if (values.clientSecret !== '') update.clientSecret = values.clientSecret
  return update
}

/** Whether saving will make main check the credentials with the Tellus API. */
export function checksCredentials(update: ProfileInput | ProfileUpdate): boolean {
  return update.baseUrl !== undefined || update.clientId !== undefined || update.clientSecret !== undefined
}
