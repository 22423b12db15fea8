import type { StateCreator } from 'zustand'
import type { AppError } from '@common/errors'
import type { AppInfo, TellusApi } from '@common/ipc/contract'
import type { AppState } from './app-state'

export type View = 'device' | 'history' | 'visits' | 'snapshots' | 'compare' | 'profiles' | 'faults' | 'about' | 'recording' | 'runbook'
export type Theme = 'sunlight' | 'dark'

export interface UiSlice {
  view: View
  theme: Theme
  setView: (view: View) => void
  setTheme: (theme: Theme) => void
  /** What the main process reports about the app (About view). */
  appInfo: AppInfo | null
  appInfoError: AppError | null
  loadAppInfo: () => Promise<void>
}

const THEME_KEY = 'tellus-field.theme'

function initialTheme(): Theme {
  try {
    return globalThis.localStorage?.getItem(THEME_KEY) === 'dark' ? 'dark' : 'sunlight'
  } catch {
    return 'sunlight'
  }
}

/** Navigation, appearance and app info. The theme is remembered in localStorage (no secret, renderer-only). */
export const createUiSlice = (api: TellusApi): StateCreator<AppState, [], [], UiSlice> => (set) => ({
  view: 'device',
  theme: initialTheme(),
  setView: (view) => set({ view }),
  setTheme: (theme) => {
    try {
      globalThis.localStorage?.setItem(THEME_KEY, theme)
    } catch {
      // Storage may be unavailable; the theme still applies for this session.
    }
    set({ theme })
  },
  appInfo: null,
  appInfoError: null,
  loadAppInfo: async () => {
    const result = await api.getAppInfo()
    set(result.ok ? { appInfo: result.value, appInfoError: null } : { appInfoError: result.error })
  },
})
