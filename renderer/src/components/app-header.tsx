import { useEffect } from 'react'
import { useLookupShortcut } from '../hooks/use-lookup-shortcut'
import { useProfileInUse } from '../hooks/use-profile-in-use'
import { useAppStore } from '../store/store-context'
import type { Theme, View } from '../store/ui-slice'
import { Icon } from './icon'

/** A navigation entry: 'home' is the device view's start screen (no device on screen). */
export type NavTarget = View | 'home'

/** The entries of the navigation, in order. */
export const NAV_ITEMS: readonly { target: NavTarget; label: string }[] = [
  { target: 'home', label: 'Home' },
  { target: 'device', label: 'Device' },
  { target: 'history', label: 'History' },
  { target: 'visits', label: 'Visits' },
  { target: 'snapshots', label: 'Snapshots' },
  { target: 'compare', label: 'Compare' },
  { target: 'profiles', label: 'Profiles' },
  { target: 'faults', label: 'Fault dictionary' },
  { target: 'about', label: 'About' },
]

const THEMES: readonly { theme: Theme; label: string; icon: 'sun' | 'moon' }[] = [
  { theme: 'sunlight', label: 'Sunlight', icon: 'sun' },
  { theme: 'dark', label: 'Dark', icon: 'moon' },
]

/**
 * The app header, one row: name, the profile in use (the demo fleet when none is active), navigation
 * (Home for the start screen, then the views; the current one marked with aria-current)
 * and the theme switch. It also installs the global device-lookup shortcut (Ctrl+K, "/") and
 * loads the profiles when nothing has yet.
 */
export function AppHeader() {
  useLookupShortcut()
  const view = useAppStore((s) => s.view)
  const setView = useAppStore((s) => s.setView)
  const goHome = useAppStore((s) => s.goHome)
  // The device view with nothing looked up is the start screen: "Home" is the current entry then.
  const onStartScreen = useAppStore((s) => s.view === 'device' && s.current === null && s.deviceStatus === 'idle')
  const currentTarget: NavTarget = onStartScreen ? 'home' : view
  const theme = useAppStore((s) => s.theme)
  const setTheme = useAppStore((s) => s.setTheme)
  const profile = useProfileInUse()
  const profilesIdle = useAppStore((s) => s.profilesStatus === 'idle')
  const loadProfiles = useAppStore((s) => s.loadProfiles)
  useEffect(() => {
    // The header shows the active profile from the start, so it loads the profiles if nobody has.
    if (profilesIdle) void loadProfiles()
  }, [profilesIdle, loadProfiles])

  return (
    <header className="app-header">
      <a
        className="skip-link"
        href="#main"
        onClick={(event) => {
          event.preventDefault()
          document.getElementById('main')?.focus()
        }}
      >
        Skip to content
      </a>
      <div className="app-brand">
        <span className="app-name">Tellus Field</span>
        {profile ? (
          <span className="app-profile" title={profile.baseUrl}>
            <span className="muted app-profile-label">Profile:</span> <strong>{profile.name}</strong>
          </span>
        ) : null}
      </div>
      <nav className="app-nav" aria-label="Main">
        <ul>
          {NAV_ITEMS.map((item) => (
            <li key={item.target}>
              <button
                type="button"
                className="nav-item"
                aria-current={item.target === currentTarget ? 'page' : undefined}
                onClick={() => (item.target === 'home' ? goHome() : setView(item.target))}
              >
                {item.label}
              </button>
            </li>
          ))}
        </ul>
      </nav>
      <div className="theme-switch" role="group" aria-label="Theme">
        {THEMES.map((option) => (
          <button
            key={option.theme}
            type="button"
            className="theme-option"
            aria-label={option.label}
            aria-pressed={theme === option.theme}
            onClick={() => setTheme(option.theme)}
          >
            <Icon name={option.icon} />
            <span className="theme-option-label">{option.label}</span>
          </button>
        ))}
      </div>
    </header>
  )
}
