import { DEMO_PROFILE_ID, type ProfilesState, type ProfileView } from '@common/profile-types'
import { useAppStore } from '../store/store-context'

/**
 * The profile the main process fetches with: the active one, or the demo fleet when none is active
 * (`activeProfileId` null) or the active one is gone. Null while the profiles are not loaded.
 */
export function profileInUse(state: ProfilesState | null): ProfileView | null {
  if (!state) return null
  return state.profiles.find((p) => p.id === state.activeProfileId) ?? state.profiles.find((p) => p.id === DEMO_PROFILE_ID) ?? null
}

/** True when a profile is the built-in demo fleet. */
export function isDemoProfile(profile: ProfileView | null): boolean {
  return profile !== null && (profile.isDemo || profile.id === DEMO_PROFILE_ID)
}

/** `profileInUse` of the store's profiles state. */
export function useProfileInUse(): ProfileView | null {
  return useAppStore((s) => profileInUse(s.profilesState))
}
