/**
 * Steps a technician takes in the app, shared by the profiles and snapshots e2e tests: open a
 * view, fill in and submit the "Add an operator profile" form, look up a device.
 */
import type { Locator, Page } from 'playwright-core'
import type { ProfileInput } from '@common/ipc/contract'
import type { SimulatorHandle } from '@main/simulator/index'

/** Goes to a view with the main navigation. */
export async function openView(page: Page, label: 'Device' | 'Snapshots' | 'Compare' | 'Profiles'): Promise<void> {
  await page.getByRole('navigation', { name: 'Main' }).getByRole('button', { name: label, exact: true }).click()
}

/** The "Add an operator profile" form. */
export function addProfileForm(page: Page): Locator {
  return page.getByRole('form', { name: 'Add an operator profile' })
}

/** Opens the add form (from Profiles), fills every field and submits it. */
export async function submitNewProfile(page: Page, input: ProfileInput): Promise<Locator> {
  await openView(page, 'Profiles')
  const form = addProfileForm(page)
  if (!(await form.isVisible())) await page.getByRole('button', { name: 'Add operator profile' }).click()
  await form.getByLabel('Name').fill(input.name)
  await form.getByLabel('API base URL').fill(input.baseUrl)
  await form.getByLabel('Client ID').fill(input.clientId)
  await form.getByLabel('Client secret').fill(input.clientSecret)
  await form.getByRole('button', { name: 'Add profile' }).click()
  return form
}

/** Adds a profile through the form and waits until it is listed as the active one. */
export async function addProfileThroughUi(page: Page, input: ProfileInput): Promise<void> {
  await submitNewProfile(page, input)
  await profileCard(page, input.name).getByText('Active', { exact: true }).waitFor()
}

/** A profile's card in Profiles. */
export function profileCard(page: Page, name: string): Locator {
  return page.getByRole('article', { name })
}

/** The header's "Profile: …" line. */
export function activeProfileInHeader(page: Page): Locator {
  return page.locator('.app-profile strong')
}

/** Types a device id into the lookup and presses Enter (from any view). */
export async function lookUpDevice(page: Page, deviceId: string): Promise<void> {
  await openView(page, 'Device')
  const input = page.getByRole('search', { name: 'Device lookup' }).getByLabel('Device id')
  await input.fill(deviceId)
  await input.press('Enter')
}

/** The title of the device on screen ("Charger dvc_…"). */
export function deviceTitle(page: Page, deviceId: string): Locator {
  return page.getByRole('heading', { name: `Charger ${deviceId}` })
}

/** Looks up a device on screen and returns the simulator's reads of it as [client id, status] pairs. */
export async function lookUpAndReadsOf(page: Page, sim: SimulatorHandle, deviceId: string): Promise<Array<[string | undefined, number]>> {
  sim.control.resetRequestLog()
  await lookUpDevice(page, deviceId)
  await deviceTitle(page, deviceId).waitFor()
  return sim.control
    .requests()
    .filter((r) => r.method === 'GET' && r.path.endsWith(`/devices/${deviceId}`))
    .map((r) => [r.clientId, r.status])
}
