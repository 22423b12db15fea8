/**
 * Operator profiles in Chromium, against the real handlers and services and a Tellus simulator of
 * our own (so adding a profile makes a real token request): the empty list, a failed add (wrong
 * secret), a successful add, switching profiles, a lookup with the new profile, removal, and the
 * "keychain unavailable" state. Screenshots of each in both themes.
 */
import { afterAll, beforeAll, describe, expect, it } from 'vitest'
import type { BrowserShell } from '../../../scripts/browser-shell/launch-browser-shell'
import { MemorySecretStore } from '@main/credentials/memory-secret-store'
import { startSimulator, type SimulatorHandle } from '@main/simulator/index'
import { screenshot, startShell, useTheme } from '../support/e2e-shell'
import {
  activeProfileInHeader,
  addProfileForm,
  lookUpAndReadsOf,
  openView,
  profileCard,
  submitNewProfile,
} from './profile-steps'
import { asDeviceId } from '../../support/device-ids'

const CLIENT_ID = 'e2e_depot_client_0042'
const SECRET = 'e2e-depot-secret-5b7c1d9e'
const PROFILE = 'North depot'
const DEVICE = 'dvc_2d7f0e9b4c61'

/** Screenshots in the sunlight theme, then in the dark one, leaving the sunlight theme on. */
async function shootBothThemes(shell: BrowserShell, name: string): Promise<void> {
  await useTheme(shell.page, 'sunlight')
  await screenshot(shell.page, `${name}-sunlight`)
  await useTheme(shell.page, 'dark')
  await screenshot(shell.page, `${name}-dark`)
  await useTheme(shell.page, 'sunlight')
}

describe('operator profiles in Chromium', () => {
  let shell: BrowserShell
  let sim: SimulatorHandle
  const keychain = new MemorySecretStore()
  const pageErrors: string[] = []
  const tokenRequestsOf = (clientId: string) => sim.control.requests().filter((r) => r.path.endsWith('/oauth/token') && r.clientId === clientId)

  beforeAll(async () => {
    sim = await startSimulator({ port: 0 })
    sim.control.addClient(CLIENT_ID, SECRET)
    shell = await startShell({ secretStore: keychain })
    shell.page.on('pageerror', (error) => pageErrors.push(error.message))
  })
  afterAll(async () => {
    await shell?.close()
    await sim?.close()
  })

  it('starts with only the built-in demo profile, active', async () => {
    const { page } = shell
    await openView(page, 'Profiles')
    const demo = profileCard(page, 'Demo fleet')
    await demo.waitFor()
    await expect(page.getByRole('list', { name: 'Profiles' }).getByRole('listitem').count()).resolves.toBe(1)
    await expect(demo.getByText('Active', { exact: true }).isVisible()).resolves.toBe(true)
    await expect(page.getByText('No operator profiles yet').isVisible()).resolves.toBe(true)
    await expect(page.getByRole('button', { name: 'Add operator profile' }).isEnabled()).resolves.toBe(true)
    await shootBothThemes(shell, 'profiles-empty')
  })

  it('a wrong secret is refused with the 2001 message; nothing is stored and the fields stay', async () => {
    const { page } = shell
    const form = await submitNewProfile(page, { name: PROFILE, baseUrl: sim.baseUrl, clientId: CLIENT_ID, clientSecret: 'not-the-secret' })
    const alert = form.getByRole('alert')
    await alert.waitFor()
    await expect(alert.textContent()).resolves.toMatch(/Token rejected \(2001\)/)
    await expect(alert.textContent()).resolves.toMatch(/did not accept the client ID and secret/)
    // Per the form's design every field stays as typed (the secret too), so one typo is one fix.
    await expect(form.getByLabel('Name').inputValue()).resolves.toBe(PROFILE)
    await expect(form.getByLabel('API base URL').inputValue()).resolves.toBe(sim.baseUrl)
    await expect(form.getByLabel('Client ID').inputValue()).resolves.toBe(CLIENT_ID)
    await expect(form.getByLabel('Client secret').inputValue()).resolves.toBe('not-the-secret')
    await expect(form.getByLabel('Client secret').getAttribute('type')).resolves.toBe('password')
    expect(tokenRequestsOf(CLIENT_ID).map((r) => r.status)).toEqual([401])
    expect(await keychain.list()).toEqual([])
    await expect(page.getByRole('list', { name: 'Profiles' }).getByRole('listitem').count()).resolves.toBe(1)
    await shootBothThemes(shell, 'profiles-add-failed')
  })

  it('with the right secret the profile is verified by a real token request, stored and made active', async () => {
    const { page } = shell
    const form = addProfileForm(page)
    await form.getByLabel('Client secret').fill(SECRET)
    await form.getByRole('button', { name: 'Add profile' }).click()
    const card = profileCard(page, PROFILE)
    await card.getByText('Active', { exact: true }).waitFor()
    await expect(form.count()).resolves.toBe(0)
    // The refused attempt, then the check of the new credentials (the profile's own client may have asked for its token since).
    const [refused, ...accepted] = tokenRequestsOf(CLIENT_ID).map((r) => r.status)
    expect(refused).toBe(401)
    expect(accepted.length).toBeGreaterThan(0)
    expect(accepted.every((status) => status === 200)).toBe(true)
    const [account] = await keychain.list()
    expect(account).toMatch(/^prf_/)
    expect(await keychain.get(account!)).toBe(SECRET)
    const text = (await card.textContent()) ?? ''
    expect(text).toContain(sim.baseUrl)
    expect(text).toContain('0042') // the client id's last four, the rest masked
    expect(text).not.toContain(CLIENT_ID)
    expect(text).toContain('Client secret stored in the system keychain.')
    await expect(activeProfileInHeader(page).textContent()).resolves.toBe(PROFILE)
    await expect(page.content()).resolves.not.toContain(SECRET)
    await shootBothThemes(shell, 'profiles-one')
  })

  it('switches the active profile to the demo fleet and back', async () => {
    const { page } = shell
    await page.getByRole('button', { name: 'Use profile Demo fleet' }).click()
    await profileCard(page, 'Demo fleet').getByText('Active', { exact: true }).waitFor()
    await expect(activeProfileInHeader(page).textContent()).resolves.toBe('Demo fleet')
    await expect(profileCard(page, PROFILE).getByText('Active', { exact: true }).count()).resolves.toBe(0)
    await page.getByRole('button', { name: `Use profile ${PROFILE}` }).click()
    await profileCard(page, PROFILE).getByText('Active', { exact: true }).waitFor()
    await expect(activeProfileInHeader(page).textContent()).resolves.toBe(PROFILE)
  })

  it('looks up a device through the new profile (the request reaches our simulator with its token)', async () => {
    const { page } = shell
    expect(await lookUpAndReadsOf(page, sim, DEVICE)).toEqual([[CLIENT_ID, 200]])
    const stored = await shell.services.snapshots.list({ deviceId: asDeviceId(DEVICE) })
    expect(stored.ok && stored.value.items.map((m) => m.profileName)).toEqual([PROFILE])
    // "Last used" is recorded as the fetch succeeds; the list shows it when Profiles opens.
    await expect
      .poll(async () => {
        await openView(page, 'Device')
        await openView(page, 'Profiles')
        return profileCard(page, PROFILE).textContent()
      })
      .toMatch(/Last used\s*(just now|\d+ s ago)/)
  })

  it('removes the profile after confirmation, with its keychain entry; the demo fleet remains', async () => {
    const { page } = shell
    await page.getByRole('button', { name: `Remove profile ${PROFILE}` }).click()
    const confirm = profileCard(page, PROFILE).getByRole('group')
    await expect(confirm.textContent()).resolves.toContain('deleted from the system keychain')
    await confirm.getByRole('button', { name: 'Remove profile' }).click()
    await profileCard(page, PROFILE).waitFor({ state: 'detached' })
    expect(await keychain.list()).toEqual([])
    await expect(page.getByRole('list', { name: 'Profiles' }).getByRole('listitem').count()).resolves.toBe(1)
    await expect(page.getByText('No operator profiles yet').isVisible()).resolves.toBe(true)
  })

  it('says plainly when the keychain is unavailable, and disables adding a profile', async () => {
    const { page } = shell
    keychain.mode = 'unavailable'
    await page.reload()
    await openView(page, 'Profiles')
    const banner = page.getByRole('alert').filter({ hasText: 'System keychain unavailable' })
    await banner.waitFor()
    await expect(banner.textContent()).resolves.toContain('never in a file')
    const add = page.getByRole('button', { name: 'Add operator profile' })
    await expect(add.isDisabled()).resolves.toBe(true)
    await expect(page.locator('#profiles-add-blocked').textContent()).resolves.toContain('needs the system keychain')
    // The demo fleet still works without a keychain.
    await expect(profileCard(page, 'Demo fleet').isVisible()).resolves.toBe(true)
    await shootBothThemes(shell, 'profiles-keychain-unavailable')
    keychain.mode = 'available'
  })

  it('rendered without page errors', () => {
    expect(pageErrors).toEqual([])
  })
})
