/**
 * A damaged profiles.json in Chromium (issue 11 #6): the browser shell starts over a userData folder
 * whose profiles file is garbage, with a keychain that still holds the lost profile's secret. The
 * Profiles view says where the file went (the real path), the log file has it once, and the
 * technician re-links the kept secret to a new profile (a real token request to our simulator with
 * the typed base URL and client ID) and looks up a device with it. Screenshots at both sizes and in
 * both themes.
 */
import { readdir, readFile, writeFile } from 'node:fs/promises'
import { join } from 'node:path'
import { afterAll, beforeAll, describe, expect, it } from 'vitest'
import type { BrowserShell } from '../../../scripts/browser-shell/launch-browser-shell'
import { MemorySecretStore } from '@main/credentials/memory-secret-store'
import { startSimulator, type SimulatorHandle } from '@main/simulator/index'
import { blockingViolations, formatViolations, runAxe } from '../support/axe'
import { screenshotEverySize, startShell } from '../support/e2e-shell'
import { tempRoot } from '../../support/common-fixtures'
import { activeProfileInHeader, lookUpAndReadsOf, openView, profileCard } from './profile-steps'

const CLIENT_ID = 'e2e_lost_client_7781'
const SECRET = 'e2e-lost-secret-0c4f2a9b'
const LOST = 'prf_5e1f0c2a-7b3d-4e8f-9a61-2c4d6e8f0a1b'
const FORGOTTEN = 'prf_0a1b2c3d-4e5f-4a6b-8c7d-9e0f1a2b3c4d'
const PROFILE = 'Harbour depot'
const DEVICE = 'dvc_2d7f0e9b4c61'

describe('a damaged profiles file in Chromium', () => {
  let shell: BrowserShell
  let sim: SimulatorHandle
  let userDataDir: string
  let removeUserDataDir: (() => Promise<void>) | undefined
  const keychain = new MemorySecretStore({ entries: { [LOST]: SECRET, [FORGOTTEN]: 'e2e-forgotten-secret' } })
  const pageErrors: string[] = []
  const tokenRequests = () => sim.control.requests().filter((r) => r.path.endsWith('/oauth/token') && r.clientId === CLIENT_ID)

  beforeAll(async () => {
    sim = await startSimulator({ port: 0 })
    sim.control.addClient(CLIENT_ID, SECRET)
    ;({ root: userDataDir, cleanup: removeUserDataDir } = await tempRoot('tellus-e2e-damaged-'))
    await writeFile(join(userDataDir, 'profiles.json'), '{"version":1,"activeProfileId":"prf_5e1f\u0000\u0000 garbage')
    shell = await startShell({ userDataDir, secretStore: keychain })
    shell.page.on('pageerror', (error) => pageErrors.push(error.message))
  })
  afterAll(async () => {
    await shell?.close()
    await sim?.close()
    await removeUserDataDir?.()
  })

  it('says in Profiles that the file was damaged and where it was moved, and lists the kept secrets', async () => {
    const { page } = shell
    await openView(page, 'Profiles')
    const title = page.getByText('Your saved operator profiles could not be loaded')
    await title.waitFor()
    const aside = (await readdir(userDataDir)).find((name) => name.startsWith('profiles.json.corrupt-'))
    expect(aside).toBeDefined()
    const banner = page.locator('.banner').filter({ has: title })
    await expect(banner.textContent()).resolves.toContain(`moved to ${join(userDataDir, aside!)}`)
    await expect(banner.textContent()).resolves.toContain('2 client secrets are still in the system keychain')
    const entries = page.getByRole('list', { name: 'Client secrets without a profile' }).getByRole('listitem')
    await expect(entries.allTextContents()).resolves.toEqual([expect.stringContaining(FORGOTTEN), expect.stringContaining(LOST)])
    await expect(page.content()).resolves.not.toContain(SECRET)
    expect(blockingViolations(await runAxe(page)), formatViolations('damaged profiles notice', blockingViolations(await runAxe(page)))).toEqual([])
    await screenshotEverySize(page, 'profiles-damaged-notice')
  })

  it('logs the damaged file once, with the moved-aside path', async () => {
    const log = await readFile(join(userDataDir, 'logs', 'main.log'), 'utf8')
    const lines = log.split('\n').filter((line) => line.includes('profiles.json'))
    expect(lines).toHaveLength(1)
    expect(lines[0]).toMatch(/\[warn\].*damaged; moved aside to .*profiles\.json\.corrupt-\d+/)
  })

  it('re-links a kept secret: typed name, base URL and client ID, the server confirmed, checked by a real token request', async () => {
    const { page } = shell
    await page.getByRole('button', { name: `Re-link keychain entry ${LOST}` }).click()
    const form = page.getByRole('form', { name: `Re-link keychain entry ${LOST}` })
    await form.getByLabel('Name').fill(PROFILE)
    await form.getByLabel('API base URL').fill(sim.baseUrl)
    await form.getByLabel('Client ID').fill(CLIENT_ID)
    await expect(form.getByLabel('Client secret', { exact: true }).count()).resolves.toBe(0)
    // Without the confirmation nothing is sent.
    await form.getByRole('button', { name: 'Re-link profile' }).click()
    await form.getByText('Confirm that this is the server the secret was entered for').waitFor()
    expect(tokenRequests()).toEqual([])
    await form.getByRole('checkbox', { name: 'This is the server this client secret was entered for' }).check()
    await screenshotEverySize(page, 'profiles-relink-form', { arrange: () => form.scrollIntoViewIfNeeded() })
    await form.getByRole('button', { name: 'Re-link profile' }).click()
    const card = profileCard(page, PROFILE)
    await card.getByText('Active', { exact: true }).waitFor()
    expect(tokenRequests().map((r) => r.status)[0]).toBe(200)
    await expect(card.textContent()).resolves.toContain('Client secret stored in the system keychain.')
    await expect(activeProfileInHeader(page).textContent()).resolves.toBe(PROFILE)
    const saved = JSON.parse(await readFile(join(userDataDir, 'profiles.json'), 'utf8')) as { profiles: Array<{ id: string; baseUrl: string }> }
    expect(saved.profiles).toEqual([expect.objectContaining({ id: LOST, baseUrl: sim.baseUrl })])
    expect(await readFile(join(userDataDir, 'profiles.json'), 'utf8')).not.toContain(SECRET)
  })

  it('deletes the other kept secret after confirmation, and the notice goes when dismissed', async () => {
    const { page } = shell
    await page.getByRole('button', { name: `Delete keychain entry ${FORGOTTEN}` }).click()
    await page.getByRole('group', { name: /Delete this client secret from the keychain/ }).getByRole('button', { name: 'Delete secret' }).click()
    await page.getByRole('heading', { name: 'Client secrets without a profile' }).waitFor({ state: 'detached' })
    expect(await keychain.list()).toEqual([LOST])
    await screenshotEverySize(page, 'profiles-relinked')
    await page.getByRole('button', { name: 'Dismiss notice' }).press('Enter')
    await page.getByText('Your saved operator profiles could not be loaded').waitFor({ state: 'detached' })
    await page.reload()
    await openView(page, 'Profiles')
    await profileCard(page, PROFILE).waitFor()
    await expect(page.getByText('Your saved operator profiles could not be loaded').count()).resolves.toBe(0)
  })

  it('looks up a device with the re-linked profile', async () => {
    const { page } = shell
    expect(await lookUpAndReadsOf(page, sim, DEVICE)).toEqual([[CLIENT_ID, 200]])
  })

  it('rendered without page errors', () => {
    expect(pageErrors).toEqual([])
  })
})
