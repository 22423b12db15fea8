/**
 * The Profiles view after a damaged profiles.json (issue 11 #6): the notice with main's words and
 * the real path, dismissable from the keyboard; the keychain entries without a profile, each
 * re-linkable (name, base URL, client ID, and the technician's confirmation of the server: the
 * secret is never typed nor shown) or deletable.
 */
import { cleanup, screen, waitFor, within } from '@testing-library/react'
import { afterEach, describe, expect, it } from 'vitest'
import { fail, ok, type Result } from '@common/errors'
import type { ProfilesState, ProfileView } from '@common/profile-types'
import { ProfilesView } from '@renderer/views/profiles/profiles-view'
import { createFakeApi, deferred, DEMO_PROFILES } from '../support/fake-api'
import { renderView } from '../snapshots/support/render-view'

afterEach(cleanup)

const MOVED_TO = '/home/tech/.config/Tellus Field/profiles.json.corrupt-1764668400000'
const LOST = 'prf_2b0c6f1e-4c7d-4a55-9d07-8f3b1e2a9c44'
const OTHER = 'prf_9d07aa11-0000-4a55-8f3b-1e2a9c44b0c6'

const DAMAGED: ProfilesState = {
  ...DEMO_PROFILES,
  activeProfileId: null,
  fileNotice: {
    message: `Your profiles file was damaged and moved to ${MOVED_TO}. Tellus Field started without your operator profiles.`,
    action: '2 client secrets are still in the system keychain: re-link each one below with its profile’s name, API base URL and client ID, or add the profiles again.',
  },
  unlinkedSecrets: [{ account: LOST }, { account: OTHER }],
}

const relinked: ProfileView = {
  id: LOST,
  name: 'North Operator',
  baseUrl: 'https://api.north.example.com/v1',
  clientIdMasked: '•••••••9f2a',
  createdAt: '2026-12-02T09:00:00Z',
  lastUsedAt: null,
  isDemo: false,
  secret: 'stored',
}
const AFTER_RELINK: ProfilesState = { ...DAMAGED, profiles: [...DAMAGED.profiles, relinked], activeProfileId: LOST, unlinkedSecrets: [{ account: OTHER }] }

const damaged = () => createFakeApi({ listProfiles: () => ok(DAMAGED) })

describe('the damaged-profiles-file notice', () => {
  it('shows main’s message with the real path and what to do', async () => {
    renderView(<ProfilesView />, damaged())
    const title = await screen.findByText('Your saved operator profiles could not be loaded')
    const banner = title.closest('.banner') as HTMLElement
    expect(banner.textContent).toContain(`moved to ${MOVED_TO}`)
    expect(banner.textContent).toContain('2 client secrets are still in the system keychain')
  })

  it('is dismissed from the keyboard, through main, and focus lands on a control that is still there', async () => {
    const fake = damaged()
    fake.handlers.dismissProfilesNotice = () => ok({ ...DAMAGED, fileNotice: null })
    const { user } = renderView(<ProfilesView />, fake)
    const dismiss = await screen.findByRole('button', { name: 'Dismiss notice' })
    dismiss.focus()
    await user.keyboard('{Enter}')
    expect(fake.callsOf('dismissProfilesNotice')).toHaveLength(1)
    await waitFor(() => expect(screen.queryByText('Your saved operator profiles could not be loaded')).toBeNull())
    expect(document.activeElement).toBe(screen.getByRole('button', { name: 'Add operator profile' }))
    // The secrets are still offered after the notice is gone.
    expect(screen.getByRole('heading', { name: 'Client secrets without a profile' })).toBeTruthy()
  })

  it('is not shown when main reports none', async () => {
    renderView(<ProfilesView />)
    await screen.findByRole('article', { name: 'Demo fleet' })
    expect(screen.queryByText('Your saved operator profiles could not be loaded')).toBeNull()
    expect(screen.queryByRole('heading', { name: 'Client secrets without a profile' })).toBeNull()
  })
})

describe('re-linking a client secret the keychain kept', () => {
  async function openRelink(fake = damaged()) {
    const view = renderView(<ProfilesView />, fake)
    const entries = await screen.findByRole('list', { name: 'Client secrets without a profile' })
    expect(within(entries).getAllByRole('listitem').map((item) => item.textContent)).toEqual([expect.stringContaining(LOST), expect.stringContaining(OTHER)])
    await view.user.click(screen.getByRole('button', { name: `Re-link keychain entry ${LOST}` }))
    const form = screen.getByRole('form', { name: `Re-link keychain entry ${LOST}` })
    return { ...view, form }
  }

  it('asks for name, base URL and client ID but never the secret, and says the server must be confirmed', async () => {
    const { form } = await openRelink()
    expect(within(form).getByLabelText('Name')).toBe(document.activeElement)
    expect(within(form).getByLabelText('API base URL')).toBeTruthy()
    expect(within(form).getByLabelText('Client ID')).toBeTruthy()
    expect(within(form).queryByLabelText('Client secret')).toBeNull()
    expect(form.textContent).toContain('The keychain kept the secret but not the server it was entered for')
    expect(within(form).getByRole('checkbox', { name: 'This is the server this client secret was entered for' })).toBeTruthy()
  })

  it('sends nothing until every field is filled and the server confirmed', async () => {
    const fake = damaged()
    const { form, user } = await openRelink(fake)
    await user.click(within(form).getByRole('button', { name: 'Re-link profile' }))
    expect(within(form).getByText('Enter a name, for example the operator’s company.')).toBeTruthy()
    expect(within(form).getByText('Enter the client ID.')).toBeTruthy()
    expect(within(form).getByText('Confirm that this is the server the secret was entered for: it is sent there to be checked.')).toBeTruthy()
    expect(within(form).getByRole('checkbox').getAttribute('aria-invalid')).toBe('true')
    expect(fake.callsOf('relinkProfile')).toHaveLength(0)
  })

  it('re-links with the typed fields and the confirmation; the new profile appears active with focus on its Edit button', async () => {
    const answer = deferred<Result<ProfilesState>>()
    const fake = damaged()
    fake.handlers.relinkProfile = () => answer.promise
    const { form, user } = await openRelink(fake)
    await user.type(within(form).getByLabelText('Name'), 'North Operator')
    await user.type(within(form).getByLabelText('API base URL'), 'https://api.north.example.com/v1')
    await user.type(within(form).getByLabelText('Client ID'), 'client-9f2a')
    await user.click(within(form).getByRole('checkbox', { name: 'This is the server this client secret was entered for' }))
    await user.click(within(form).getByRole('button', { name: 'Re-link profile' }))
    expect(within(form).getByText('Checking credentials with the Tellus API…')).toBeTruthy()
    expect(fake.callsOf('relinkProfile')).toEqual([
      { account: LOST, name: 'North Operator', baseUrl: 'https://api.north.example.com/v1', clientId: 'client-9f2a', originConfirmed: true },
    ])
    answer.resolve(ok(AFTER_RELINK))
    const card = await screen.findByRole('article', { name: 'North Operator' })
    expect(card.textContent).toContain('Active')
    expect(screen.queryByRole('form')).toBeNull()
    expect(document.activeElement).toBe(within(card).getByRole('button', { name: 'Edit profile North Operator' }))
    expect(within(screen.getByRole('list', { name: 'Client secrets without a profile' })).getAllByRole('listitem')).toHaveLength(1)
  })

  it('shows a refusal by the form and keeps the fields', async () => {
    const fake = damaged()
    fake.handlers.relinkProfile = () => fail({ kind: 'auth', code: 2001, message: 'Tellus rejected the client ID or secret.', action: 'Check the base URL and client ID.' })
    const { form, user } = await openRelink(fake)
    await user.type(within(form).getByLabelText('Name'), 'North Operator')
    await user.type(within(form).getByLabelText('API base URL'), 'https://api.north.example.com/v1')
    await user.type(within(form).getByLabelText('Client ID'), 'client-9f2a')
    await user.click(within(form).getByRole('checkbox'))
    await user.click(within(form).getByRole('button', { name: 'Re-link profile' }))
    const alert = await within(form).findByRole('alert')
    expect(alert.textContent).toContain('Tellus rejected the client ID or secret.')
    expect((within(form).getByLabelText('Client ID') as HTMLInputElement).value).toBe('client-9f2a')
  })

  it('Cancel closes the form and returns focus to its opener', async () => {
    const { form, user } = await openRelink()
    await user.click(within(form).getByRole('button', { name: 'Cancel' }))
    expect(screen.queryByRole('form')).toBeNull()
    expect(document.activeElement).toBe(screen.getByRole('button', { name: `Re-link keychain entry ${LOST}` }))
  })
})

describe('deleting a client secret no profile uses', () => {
  it('asks first, then deletes it through main', async () => {
    const fake = damaged()
    fake.handlers.forgetUnlinkedSecret = () => ok({ ...DAMAGED, unlinkedSecrets: [{ account: LOST }] })
    const { user } = renderView(<ProfilesView />, fake)
    await user.click(await screen.findByRole('button', { name: `Delete keychain entry ${OTHER}` }))
    const confirm = screen.getByRole('group', { name: /Delete this client secret from the keychain/ })
    await user.click(within(confirm).getByRole('button', { name: 'Delete secret' }))
    expect(fake.callsOf('forgetUnlinkedSecret')).toEqual([{ account: OTHER }])
    await waitFor(() => expect(screen.queryByText(OTHER)).toBeNull())
    expect(document.activeElement).toBe(screen.getByRole('button', { name: 'Add operator profile' }))
  })
})
