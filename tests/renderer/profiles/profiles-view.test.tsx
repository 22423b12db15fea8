import { cleanup, screen, waitFor, within } from '@testing-library/react'
import { afterEach, describe, expect, it } from 'vitest'
import { fail, ok, type Result } from '@common/errors'
import type { ProfilesState, ProfileView } from '@common/profile-types'
import { ProfilesView } from '@renderer/views/profiles/profiles-view'
import { createFakeApi, deferred, DEMO_PROFILES } from '../support/fake-api'
import { renderView } from '../snapshots/support/render-view'

afterEach(cleanup)

const SECRET = 's3cr3t-value-never-kept'

const north: ProfileView = {
  id: 'p-north',
  name: 'North Operator',
  baseUrl: 'https://api.north.example.com/v1',
  clientIdMasked: '••••••••9f2a',
  createdAt: '2026-03-01T00:00:00Z',
  lastUsedAt: new Date(Date.now() - 47_000).toISOString(),
  isDemo: false,
  secret: 'stored',
}

/** The demo plus `extra`, listed before the demo so the view's ordering is what is tested. */
function stateWith(...extra: ProfileView[]): ProfilesState {
  return { ...DEMO_PROFILES, profiles: [...extra, ...DEMO_PROFILES.profiles] }
}

const withNorth = (state: ProfilesState = stateWith(north)) => createFakeApi({ listProfiles: () => ok(state) })

function card(name: string): HTMLElement {
  return screen.getByRole('article', { name })
}

describe('ProfilesView list', () => {
  it('with no operator profiles shows only the demo fleet, active, and how to add one', async () => {
    renderView(<ProfilesView />)
    const demo = await screen.findByRole('article', { name: 'Demo fleet' })
    expect(demo.textContent).toContain('Sample chargers on a local simulator — no secret needed')
    expect(demo.textContent).toContain('Active')
    expect(within(demo).queryByRole('button', { name: /Remove/ })).toBeNull()
    expect(screen.getAllByRole('article')).toHaveLength(1)
    expect(screen.getByText(/No operator profiles yet/)).toBeTruthy()
  })

  it('says the demo simulator starts when first used while it is not running yet (no address to show)', async () => {
    const notRunning: ProfilesState = { ...DEMO_PROFILES, profiles: DEMO_PROFILES.profiles.map((p) => ({ ...p, baseUrl: '' })) }
    renderView(<ProfilesView />, createFakeApi({ listProfiles: () => ok(notRunning) }))
    const demo = await screen.findByRole('article', { name: 'Demo fleet' })
    expect(demo.textContent).toContain('API base URLStarts on this computer when first used')
  })

  it('with no profile chosen (first run, or signed out) marks the demo fleet active, since main fetches with it', async () => {
    renderView(<ProfilesView />, withNorth({ ...stateWith(north), activeProfileId: null }))
    const demo = await screen.findByRole('article', { name: 'Demo fleet' })
    expect(demo.textContent).toContain('Active')
    expect(within(demo).queryByRole('button', { name: 'Use profile Demo fleet' })).toBeNull()
    expect(card('North Operator').textContent).not.toContain('Active')
    expect(within(card('North Operator')).getByRole('button', { name: 'Use profile North Operator' })).toBeTruthy()
  })

  it('lists the demo first, then a profile with its URL, masked client id and last use', async () => {
    const fake = withNorth()
    const { store } = renderView(<ProfilesView />, fake)
    const north_ = await screen.findByRole('article', { name: 'North Operator' })
    expect(screen.getAllByRole('article').map((a) => a.querySelector('h2')?.textContent)).toEqual(['Demo fleet', 'North Operator'])
    expect(north_.textContent).toContain('https://api.north.example.com/v1')
    expect(north_.textContent).toContain('••••••••9f2a')
    expect(north_.textContent).toMatch(/\d+ s ago/)
    expect(north_.textContent).toContain('Client secret stored in the system keychain.')
    expect(north_.textContent).not.toContain('Active')
    expect(store.getState().activeProfileName).toBe('Demo fleet')
  })

  it('offers to enter a secret the keychain lost', async () => {
    const fake = withNorth(stateWith({ ...north, secret: 'missing' }))
    const { user } = renderView(<ProfilesView />, fake)
    await screen.findByText('Secret missing from keychain — enter it again')
    await user.click(screen.getByRole('button', { name: 'Enter the secret for North Operator again' }))
    expect(screen.getByText('The keychain has lost this secret: enter it again.')).toBeTruthy()
    await user.click(screen.getByRole('button', { name: 'Save changes' }))
    expect(screen.getByText('The keychain has no secret for this profile: enter it again.')).toBeTruthy()
    expect(fake.callsOf('updateProfile')).toHaveLength(0)
  })

  it('activates a profile and signs out of it', async () => {
    const fake = withNorth()
    fake.handlers.activateProfile = () => ok({ ...stateWith(north), activeProfileId: 'p-north' })
    fake.handlers.signOut = () => ok({ ...stateWith(north), activeProfileId: 'p-north' })
    const { store, user } = renderView(<ProfilesView />, fake)
    await user.click(await screen.findByRole('button', { name: 'Use profile North Operator' }))
    expect(fake.callsOf('activateProfile')).toEqual([{ id: 'p-north' }])
    await waitFor(() => expect(card('North Operator').textContent).toContain('Active'))
    expect(store.getState().activeProfileName).toBe('North Operator')
    await user.click(screen.getByRole('button', { name: 'Sign out of North Operator' }))
    expect(fake.callsOf('signOut')).toHaveLength(1)
  })
})

describe('secrets kept for this session only (browser shell without a Secret Service)', () => {
  it('says so in a banner, on each profile and in the form, and never claims the system keychain', async () => {
    const sessionOnly = { ...stateWith(north), keychain: { available: true as const, sessionOnly: true as const } }
    const { user } = renderView(<ProfilesView />, withNorth(sessionOnly))
    const north_ = await screen.findByRole('article', { name: 'North Operator' })
    expect(screen.getByText('Client secrets last only for this session')).toBeTruthy()
    expect(north_.textContent).toContain('Client secret kept in memory for this session only.')
    expect(document.body.textContent).not.toContain('stored in the system keychain')
    await user.click(screen.getByRole('button', { name: 'Add operator profile' }))
    const secret = screen.getByLabelText('Client secret')
    expect(document.getElementById(secret.getAttribute('aria-describedby') ?? '')?.textContent).toBe(
      'Kept in memory for this session only (no system keychain here), never in a file.',
    )
  })

  it('with a real keychain shows no such banner', async () => {
    renderView(<ProfilesView />, withNorth())
    await screen.findByRole('article', { name: 'North Operator' })
    expect(screen.queryByText('Client secrets last only for this session')).toBeNull()
  })
})

describe('adding a profile', () => {
  it('the base URL hint names the loopback exception, and a URL without /v1 gets the fixed URL as a hint', async () => {
    const { user } = renderView(<ProfilesView />)
    await user.click(await screen.findByRole('button', { name: 'Add operator profile' }))
    const field = screen.getByLabelText('API base URL')
    const hint = () => document.getElementById(field.getAttribute('aria-describedby') ?? '')?.textContent ?? ''
    expect(hint()).toMatch(/http:\/\/ is allowed only for this computer \(localhost, 127\.0\.0\.1, e\.g\. the local simulator\)/)
    await user.type(field, 'http://127.0.0.1:4010')
    expect(hint()).toBe('Tellus base URLs end in /v1: did you mean http://127.0.0.1:4010/v1?')
    await user.type(field, '/v1')
    expect(hint()).toMatch(/ending in \/v1/)
  })

  async function fillAddForm(user: ReturnType<typeof renderView>['user']) {
    await user.click(await screen.findByRole('button', { name: 'Add operator profile' }))
    expect((screen.getByLabelText('API base URL') as HTMLInputElement).placeholder).toBe('https://api.telluspower.example.com/v1')
    const secret = screen.getByLabelText('Client secret') as HTMLInputElement
    expect(secret.type).toBe('password')
    expect(secret.autocomplete).toBe('off')
    await user.type(screen.getByLabelText('Name'), 'North Operator')
    await user.type(screen.getByLabelText('API base URL'), 'https://api.north.example.com/v1')
    await user.type(screen.getByLabelText('Client ID'), 'client-9f2a')
    await user.type(secret, SECRET)
  }

  it('on failure shows the message and action by the form and keeps the fields, with no secret in the store', async () => {
    const answer = deferred<Result<ProfilesState>>()
    const fake = createFakeApi({ addProfile: () => answer.promise })
    const { store, user } = renderView(<ProfilesView />, fake)
    await fillAddForm(user)
    await user.click(screen.getByRole('button', { name: 'Add profile' }))
    expect(screen.getByText('Checking credentials with the Tellus API…')).toBeTruthy()
    expect(fake.callsOf('addProfile')).toEqual([{ name: 'North Operator', baseUrl: 'https://api.north.example.com/v1', clientId: 'client-9f2a', clientSecret: SECRET }])
    answer.resolve(fail({ kind: 'auth', code: 2001, message: 'Tellus rejected the client ID or secret.', action: 'Check both in the operator’s Tellus account.' }))

    const alert = await screen.findByRole('alert')
    expect(alert.textContent).toContain('Tellus rejected the client ID or secret.')
    expect(alert.textContent).toContain('Check both in the operator’s Tellus account.')
    expect(screen.getByRole('form', { name: 'Add an operator profile' }).contains(alert)).toBe(true)
    expect((screen.getByLabelText('Name') as HTMLInputElement).value).toBe('North Operator')
    expect((screen.getByLabelText('Client ID') as HTMLInputElement).value).toBe('client-9f2a')
    expect((screen.getByLabelText('Client secret') as HTMLInputElement).value).toBe(SECRET)
    expect(JSON.stringify(store.getState())).not.toContain(SECRET)
  })

  it('on success closes the form and shows the refreshed list', async () => {
    const fake = createFakeApi({ addProfile: () => ok(stateWith(north)) })
    const { store, user } = renderView(<ProfilesView />, fake)
    await fillAddForm(user)
    await user.click(screen.getByRole('button', { name: 'Add profile' }))
    expect(await screen.findByRole('article', { name: 'North Operator' })).toBeTruthy()
    expect(screen.queryByRole('form')).toBeNull()
    expect(document.activeElement).toBe(screen.getByRole('button', { name: 'Add operator profile' }))
    expect(JSON.stringify(store.getState())).not.toContain(SECRET)
  })

  it('checks the fields before asking main', async () => {
    const fake = createFakeApi()
    const { user } = renderView(<ProfilesView />, fake)
    await user.click(await screen.findByRole('button', { name: 'Add operator profile' }))
    await user.type(screen.getByLabelText('API base URL'), 'api.north.example.com')
    await user.click(screen.getByRole('button', { name: 'Add profile' }))
    expect(screen.getByLabelText('Name').getAttribute('aria-invalid')).toBe('true')
    expect(screen.getByText('Enter a full address starting with https://')).toBeTruthy()
    expect(screen.getByText('Enter the client secret.')).toBeTruthy()
    expect(fake.callsOf('addProfile')).toHaveLength(0)
  })

  it('is disabled with the keychain reason and action when no keychain is available; the demo stays usable', async () => {
    const fake = withNorth({
      ...stateWith(north),
      keychain: { available: false, reason: 'No Secret Service is running (Cannot autolaunch D-Bus without X11 $DISPLAY).', action: 'Install and unlock gnome-keyring, then restart the app.' },
    })
    renderView(<ProfilesView />, fake)
    const banner = await screen.findByText('System keychain unavailable: operator profiles cannot be added')
    const bannerBox = banner.closest('.banner') as HTMLElement
    expect(bannerBox.textContent).toContain('No Secret Service is running')
    expect(bannerBox.textContent).toContain('Install and unlock gnome-keyring, then restart the app.')
    const add = screen.getByRole('button', { name: 'Add operator profile' }) as HTMLButtonElement
    expect(add.disabled).toBe(true)
    expect(add.getAttribute('aria-describedby')).toBe('profiles-add-blocked')
    expect(document.getElementById('profiles-add-blocked')?.textContent).toMatch(/needs the system keychain/)
    expect((screen.getByRole('button', { name: 'Edit profile North Operator' }) as HTMLButtonElement).disabled).toBe(true)
    expect((screen.getByRole('button', { name: 'Use profile North Operator' }) as HTMLButtonElement).disabled).toBe(false)
    expect(bannerBox.textContent).toContain('The demo fleet and stored snapshots still work.')
  })

  it('says once, not twice, that the demo fleet still works when the action from main already says so', async () => {
    const action = 'Unlock your keyring, then try again. The demo fleet and offline snapshots still work.'
    renderView(<ProfilesView />, withNorth({ ...DEMO_PROFILES, keychain: { available: false, reason: 'The keyring is locked.', action } }))
    const banner = (await screen.findByText('System keychain unavailable: operator profiles cannot be added')).closest('.banner') as HTMLElement
    expect(banner.textContent?.match(/demo fleet/gi)).toHaveLength(1)
    expect(banner.textContent).toContain('never in a file')
    // Adding is impossible, so the empty list does not invite the technician to add one.
    expect(screen.getByText('No operator profiles yet.')).toBeTruthy()
  })
})

describe('editing and removing', () => {
  it('an edit with an empty secret sends only what changed and no clientSecret', async () => {
    const fake = withNorth()
    fake.handlers.updateProfile = () => ok(stateWith({ ...north, name: 'North Depot' }))
    const { user } = renderView(<ProfilesView />, fake)
    await user.click(await screen.findByRole('button', { name: 'Edit profile North Operator' }))
    expect(screen.getByText('Leave empty to keep the stored secret. A new server (host or port) needs it entered again.')).toBeTruthy()
    expect(screen.getByText(/Leave empty to keep the current client ID \(••••••••9f2a\)/)).toBeTruthy()
    const name = screen.getByLabelText('Name')
    await user.clear(name)
    await user.type(name, 'North Depot')
    await user.click(screen.getByRole('button', { name: 'Save changes' }))
    expect(fake.callsOf('updateProfile')).toEqual([{ id: 'p-north', name: 'North Depot' }])
    expect(fake.callsOf('updateProfile')[0]).not.toHaveProperty('clientSecret')
    expect(await screen.findByRole('article', { name: 'North Depot' })).toBeTruthy()
    expect(document.activeElement).toBe(screen.getByRole('button', { name: 'Edit profile North Depot' }))
  })

  it('removes only after a confirmation that mentions the keychain entry', async () => {
    const fake = withNorth()
    fake.handlers.removeProfile = () => ok(DEMO_PROFILES)
    const { user } = renderView(<ProfilesView />, fake)
    await user.click(await screen.findByRole('button', { name: 'Remove profile North Operator' }))
    const confirm = screen.getByRole('group', { name: /Remove the profile “North Operator”/ })
    expect(confirm.textContent).toContain('deleted from the system keychain too')
    await user.click(within(confirm).getByRole('button', { name: 'Cancel' }))
    expect(fake.callsOf('removeProfile')).toHaveLength(0)

    await user.click(screen.getByRole('button', { name: 'Remove profile North Operator' }))
    await user.click(screen.getByRole('button', { name: 'Remove profile' }))
    expect(fake.callsOf('removeProfile')).toEqual([{ id: 'p-north' }])
    await waitFor(() => expect(screen.queryByRole('article', { name: 'North Operator' })).toBeNull())
    expect(document.activeElement).toBe(screen.getByRole('button', { name: 'Add operator profile' }))
  })

  it('shows why the list could not be loaded', async () => {
    const fake = createFakeApi({ listProfiles: () => fail({ kind: 'storage', message: 'profiles.json could not be read.', action: 'Restart the app.' }) })
    renderView(<ProfilesView />, fake)
    expect((await screen.findByRole('alert')).textContent).toContain('profiles.json could not be read.')
  })
})
