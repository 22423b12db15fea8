import type { StateCreator } from 'zustand'
import type { AppError, Result } from '@common/errors'
import type { ProfileInput, ProfileRelink, ProfileUpdate, TellusApi } from '@common/ipc/contract'
import type { ProfilesState } from '@common/profile-types'
import type { AppState } from './app-state'

/** The profile actions that talk to main; used to tie pending and error state to one action. */
export type ProfileAction = 'add' | 'update' | 'remove' | 'activate' | 'sign-out' | 'relink' | 'forget' | 'dismiss-notice'

/**
 * What is in flight (or failed): the action and the profile it is about (null for add, sign-out and
 * dismiss-notice; the keychain account for relink and forget).
 */
export interface ProfileActionRef {
  action: ProfileAction
  profileId: string | null
}

/**
 * Operator profiles. The client secret passes through `addProfile`/`updateProfile` to main and is
 * never kept in this state: the form holds it in local component state only.
 */
export interface ProfilesSlice {
  /** The last state main reported, or null before the first load. */
  profilesState: ProfilesState | null
  profilesStatus: 'idle' | 'loading' | 'loaded' | 'error'
  /** Why loading the list failed. */
  profilesLoadError: AppError | null
  /** Name of the active profile (the header shows it); null when none is active or not loaded. */
  activeProfileName: string | null
  /** The action in flight, if any. */
  profilePending: ProfileActionRef | null
  /** The last failed action and its error, until cleared or another action starts. */
  profileError: (ProfileActionRef & { error: AppError }) | null
  loadProfiles: () => Promise<void>
  /** Adds a profile (main checks the credentials with the Tellus API first). */
  addProfile: (input: ProfileInput) => Promise<Result<ProfilesState>>
  /** Updates a profile; omit `clientSecret` to keep the stored one. */
  updateProfile: (update: ProfileUpdate) => Promise<Result<ProfilesState>>
  /** Removes a profile and its keychain entry. */
  removeProfile: (id: string) => Promise<Result<ProfilesState>>
  activateProfile: (id: string) => Promise<Result<ProfilesState>>
  /** Drops the in-memory token of the active profile. */
  signOut: () => Promise<Result<ProfilesState>>
  /** Recreates a lost profile around a client secret the keychain kept (main checks it with the API first). */
  relinkProfile: (input: ProfileRelink) => Promise<Result<ProfilesState>>
  /** Deletes a keychain entry no profile uses. */
  forgetUnlinkedSecret: (account: string) => Promise<Result<ProfilesState>>
  /** Hides the damaged-profiles-file notice for the rest of the session. */
  dismissProfilesNotice: () => Promise<Result<ProfilesState>>
  clearProfileError: () => void
}

/** The active profile's name in a profiles state, or null. */
export function activeProfileNameOf(state: ProfilesState | null): string | null {
  if (!state || state.activeProfileId === null) return null
  return state.profiles.find((p) => p.id === state.activeProfileId)?.name ?? null
}

/** Creates the profiles slice around the preload API. */
export const createProfilesSlice =
  (api: TellusApi): StateCreator<AppState, [], [], ProfilesSlice> =>
  (set) => {
    // Every state main reports takes a new version; a listing that started before it is stale.
    let version = 0
    const accept = (state: ProfilesState) => {
      version++
      set({ profilesState: state, profilesStatus: 'loaded', profilesLoadError: null, activeProfileName: activeProfileNameOf(state) })
    }

    /** Runs one action with pending/error bookkeeping; a success replaces the whole profiles state. */
    const run = async (
      ref: ProfileActionRef,
      call: () => Promise<Result<ProfilesState>>,
    ): Promise<Result<ProfilesState>> => {
      set({ profilePending: ref, profileError: null })
      const result = await call()
      if (result.ok) {
        accept(result.value)
        set({ profilePending: null })
      } else {
        set({ profilePending: null, profileError: { ...ref, error: result.error } })
      }
      return result
    }

    return {
      profilesState: null,
      profilesStatus: 'idle',
      profilesLoadError: null,
      activeProfileName: null,
      profilePending: null,
      profileError: null,
      loadProfiles: async () => {
        const started = version
        set({ profilesStatus: 'loading' })
        const result = await api.listProfiles()
        if (version !== started) return
        if (result.ok) accept(result.value)
        else set({ profilesStatus: 'error', profilesLoadError: result.error })
      },
      addProfile: (input) => run({ action: 'add', profileId: null }, () => api.addProfile(input)),
      updateProfile: (update) => run({ action: 'update', profileId: update.id }, () => api.updateProfile(update)),
      removeProfile: (id) => run({ action: 'remove', profileId: id }, () => api.removeProfile({ id })),
      activateProfile: (id) => run({ action: 'activate', profileId: id }, () => api.activateProfile({ id })),
      signOut: () => run({ action: 'sign-out', profileId: null }, () => api.signOut()),
      relinkProfile: (input) => run({ action: 'relink', profileId: input.account }, () => api.relinkProfile(input)),
      forgetUnlinkedSecret: (account) => run({ action: 'forget', profileId: account }, () => api.forgetUnlinkedSecret({ account })),
      dismissProfilesNotice: () => run({ action: 'dismiss-notice', profileId: null }, () => api.dismissProfilesNotice()),
      clearProfileError: () => set({ profileError: null }),
    }
  }
