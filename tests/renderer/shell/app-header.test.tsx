import { act, cleanup, screen, within } from '@testing-library/react'
import { afterEach, describe, expect, it, vi } from 'vitest'
import { fail, ok } from '@common/errors'
import { DEMO_PROFILES } from '../support/fake-api'
import { renderApp } from '../support/render-app'

afterEach(() => {
  cleanup()
  localStorage.clear()
})

describe('app header', () => {
  it('switches the theme on <html data-theme> and shows which one is on', async () => {
    const { user } = renderApp()
    const group = screen.getByRole('group', { name: 'Theme' })
    const sunlight = within(group).getByRole('button', { name: 'Sunlight' })
    const dark = within(group).getByRole('button', { name: 'Dark' })
    expect(document.documentElement.dataset.theme).toBe('sunlight')
    expect(sunlight.getAttribute('aria-pressed')).toBe('true')

    await user.click(dark)
    expect(document.documentElement.dataset.theme).toBe('dark')
    expect(dark.getAttribute('aria-pressed')).toBe('true')
    expect(sunlight.getAttribute('aria-pressed')).toBe('false')
    expect(localStorage.getItem('tellus-field.theme')).toBe('dark')
  })

  it('navigates between views and marks the current one with aria-current', async () => {
    const { user } = renderApp()
    const nav = screen.getByRole('navigation', { name: 'Main' })
    expect(within(nav).getAllByRole('button').map((b) => b.textContent)).toEqual(['Home', 'Device', 'History', 'Visits', 'Snapshots', 'Compare', 'Profiles', 'Fault dictionary', 'About'])
    // Nothing looked up yet: the device view is the start screen, which is "Home".
    expect(within(nav).getByRole('button', { name: 'Home' }).getAttribute('aria-current')).toBe('page')
    // Nothing looked up yet: the device view is the start screen, which is "Home".
    expect(within(nav).getByRole('button', { name: 'Home' }).getAttribute('aria-current')).toBe('page')

    await user.click(within(nav).getByRole('button', { name: 'Fault dictionary' }))
    expect(await screen.findByRole('heading', { level: 1, name: 'Fault dictionary' })).toBeTruthy()
    expect(within(nav).getByRole('button', { name: 'Fault dictionary' }).getAttribute('aria-current')).toBe('page')
    expect(within(nav).getByRole('button', { name: 'Home' }).getAttribute('aria-current')).toBeNull()
  })

  it('goes Home from a device on screen: the start screen, an empty lookup, no error', async () => {
    const { user, store } = renderApp({ fetchDevice: () => fail({ kind: 'api', code: 3001, message: 'No such device.' }) })
    await user.type(screen.getByRole('textbox', { name: 'Device id' }), 'dvc_a1b2c3d4e5f6{Enter}')
    await screen.findByRole('alert')
    const nav = screen.getByRole('navigation', { name: 'Main' })
    expect(within(nav).getByRole('button', { name: 'Device' }).getAttribute('aria-current')).toBe('page')

    await user.click(within(nav).getByRole('button', { name: 'Home' }))
    expect(screen.getByRole('heading', { name: 'Look up a charger' })).toBeTruthy()
    expect(screen.queryByRole('alert')).toBeNull()
    expect((screen.getByRole('textbox', { name: 'Device id' }) as HTMLInputElement).value).toBe('')
    expect(store.getState().deviceError).toBeNull()
    expect(within(nav).getByRole('button', { name: 'Home' }).getAttribute('aria-current')).toBe('page')
  })

  it('starts every view at the top', async () => {
    const scrollTo = vi.fn()
    vi.stubGlobal('scrollTo', scrollTo)
    try {
      const { user } = renderApp()
      const nav = screen.getByRole('navigation', { name: 'Main' })
      scrollTo.mockClear()
      await user.click(within(nav).getByRole('button', { name: 'Snapshots' }))
      expect(scrollTo).toHaveBeenCalledWith(0, 0)
      scrollTo.mockClear()
      await user.click(within(nav).getByRole('button', { name: 'About' }))
      expect(scrollTo).toHaveBeenCalledWith(0, 0)
    } finally {
      vi.unstubAllGlobals()
    }
  })

  it('loads the profiles and shows the active profile name', async () => {
    const { fake } = renderApp()
    const header = screen.getByRole('banner')
    expect(await within(header).findByText('Demo fleet')).toBeTruthy()
    expect(header.textContent).toContain('Profile: Demo fleet')
    expect(fake.callsOf('listProfiles')).toHaveLength(1)
  })

  it('shows the demo fleet when no profile is active, as main then fetches with it', async () => {
    const { fake } = renderApp({ listProfiles: () => ok({ ...DEMO_PROFILES, activeProfileId: null }) })
    await act(async () => undefined)
    expect(fake.callsOf('listProfiles')).toHaveLength(1)
    expect(screen.getByRole('banner').textContent).toContain('Profile: Demo fleet')
  })

  it('shows no profile before the profiles are known', () => {
    renderApp({ listProfiles: () => new Promise(() => undefined) })
    expect(screen.getByRole('banner').textContent).not.toContain('Profile:')
  })
})
