import type { StateCreator } from 'zustand'
import type { AppError } from '@common/errors'
import type { TellusApi } from '@common/ipc/contract'
import type { Site } from '@common/tellus/schemas'
import { profileInUse } from '../hooks/use-profile-in-use'
import type { AppState } from './app-state'

export type SitesStatus = 'idle' | 'loading' | 'loaded' | 'error'

/** The active profile's sites, shown for orientation (sites carry no device ids). */
export interface SitesSlice {
  sites: Site[]
  sitesStatus: SitesStatus
  sitesError: AppError | null
  /** The profile the sites were last requested for (as passed to `ensureSitesFor`). */
  sitesProfileId: string | null
  /** Loads the sites of the active profile; a load overtaken by a newer one is dropped. */
  loadSites: () => Promise<void>
  /**
   * Loads the sites unless they are already loaded (or loading) for this profile (null: not known
   * yet): sites change slowly and every request counts against the rate limit.
   */
  ensureSitesFor: (profileId: string | null) => Promise<void>
}

/**
 * Creates the sites slice. When the profile in use changes (activate, sign out, add, remove) the
 * sites reload for the new one; when its base URL or client changes, or it is saved (credentials fixed)
 * while the sites failed to load, they reload too.
 */
export const createSitesSlice =
  (api: TellusApi): StateCreator<AppState, [], [], SitesSlice> =>
  (set, get, store) => {
    let latestTicket = 0
    store.subscribe((state, previous) => {
      // The first load of the profiles is not a change: the sites panel asks for them itself.
      if (state.profilesState === previous.profilesState || previous.profilesState === null) return
      const next = profileInUse(state.profilesState)
      const before = profileInUse(previous.profilesState)
      if (next?.id !== before?.id) void get().ensureSitesFor(next?.id ?? null)
      else if (next && before && get().sitesStatus !== 'idle') {
        const serverChanged = next.baseUrl !== before.baseUrl || next.clientIdMasked !== before.clientIdMasked
        // A saved edit of the profile in use was checked by main: credentials that failed may work now.
        const savedAfterFailure = state.profilePending?.action === 'update' && state.profilePending.profileId === next.id && get().sitesStatus === 'error'
        if (serverChanged || savedAfterFailure) void get().loadSites()
      }
    })
    const loadSites = async () => {
      const ticket = ++latestTicket
      set({ sitesStatus: 'loading', sitesError: null })
      const result = await api.listSites()
      if (ticket !== latestTicket) return
      if (result.ok) set({ sites: result.value, sitesStatus: 'loaded', sitesError: null })
      else set({ sites: [], sitesStatus: 'error', sitesError: result.error })
    }
    return {
      sites: [],
      sitesStatus: 'idle',
      sitesError: null,
      sitesProfileId: null,
      loadSites,
      ensureSitesFor: async (profileId) => {
        const { sitesStatus, sitesProfileId } = get()
        const current = sitesStatus === 'loaded' || sitesStatus === 'loading'
        // Sites requested before the profiles were known came from the active profile too.
        if (current && (sitesProfileId === profileId || sitesProfileId === null)) {
          set({ sitesProfileId: profileId })
          return
        }
        set({ sitesProfileId: profileId, sites: sitesProfileId === profileId ? get().sites : [] })
        await loadSites()
      },
    }
  }
