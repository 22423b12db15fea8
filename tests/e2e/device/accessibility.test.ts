/**
 * axe-core over the device screens in both themes: start screen, AC detail, DC detail, not found,
 * network down, the fault dictionary, and the snapshots, profiles and about screens. No violation with a serious or critical impact is allowed;
 * a failure prints every violation with where it is.
 */
import { afterAll, beforeAll, describe, expect, it } from 'vitest'
import { startSimulator } from '@main/simulator/index'
import type { BrowserShell } from '../../../scripts/browser-shell/launch-browser-shell'
import { blockingViolations, formatViolations, runAxe } from '../support/axe'
import { startShell, useTheme } from '../support/e2e-shell'
import { lookUp, typeAndEnter } from './device-page'

/** Runs axe in both themes; returns the serious and critical violations, described. */
async function blockingInBothThemes(shell: BrowserShell, screen: string): Promise<string[]> {
  const found: string[] = []
  for (const theme of ['sunlight', 'dark'] as const) {
    await useTheme(shell.page, theme)
    const blocking = blockingViolations(await runAxe(shell.page))
    if (blocking.length > 0) found.push(formatViolations(`${screen} (${theme})`, blocking))
  }
  await useTheme(shell.page, 'sunlight')
  return found
}

describe('accessibility of the device screens (axe-core)', () => {
  let shell: BrowserShell

  beforeAll(async () => {
    shell = await startShell()
  })
  afterAll(async () => {
    await shell?.close()
  })

  it('start screen', async () => {
    await shell.page.getByRole('region', { name: 'Demo fleet chargers' }).getByRole('button').first().waitFor()
    await shell.page.getByRole('region', { name: 'Sites' }).locator('.site').first().waitFor()
    const found = await blockingInBothThemes(shell, 'start screen')
    expect(found, found.join('\n')).toEqual([])
  })

  it('AC charger detail', async () => {
    await lookUp(shell.page, 'dvc_2d7f0e9b4c61')
    const found = await blockingInBothThemes(shell, 'AC detail')
    expect(found, found.join('\n')).toEqual([])
  })

  it('DC charger detail', async () => {
    await lookUp(shell.page, 'dvc_8b2e4d6f1a93')
    const found = await blockingInBothThemes(shell, 'DC detail')
    expect(found, found.join('\n')).toEqual([])
  })

  it('device not found', async () => {
    await typeAndEnter(shell.page, 'dvc_000000000000')
    await shell.page.getByRole('heading', { name: /^No charger dvc_000000000000/ }).waitFor()
    const found = await blockingInBothThemes(shell, 'not found')
    expect(found, found.join('\n')).toEqual([])
  })

  it('fault dictionary', async () => {
    await shell.page.getByRole('navigation', { name: 'Main' }).getByRole('button', { name: 'Fault dictionary' }).click()
    await shell.page.getByRole('searchbox', { name: 'Search faults' }).waitFor()
    const found = await blockingInBothThemes(shell, 'fault dictionary')
    expect(found, found.join('\n')).toEqual([])
  })

  it.each([
    ['Snapshots', 'Snapshots'],
    ['Profiles', 'Profiles'],
    ['About', 'About Tellus Field'],
  ])('%s screen', async (nav, heading) => {
    await shell.page.getByRole('navigation', { name: 'Main' }).getByRole('button', { name: nav }).click()
    await shell.page.getByRole('heading', { level: 1, name: heading }).waitFor()
    const found = await blockingInBothThemes(shell, nav)
    expect(found, found.join('\n')).toEqual([])
  })

  it('network down', { timeout: 90_000 }, async () => {
    // An operator profile whose API has gone away: the lookup ends in the network-down state.
    const sim = await startSimulator({ port: 0 })
    const added = await shell.services.profiles.add({ name: 'Gone operator', baseUrl: sim.baseUrl, ...sim.credentials })
    await sim.close()
    expect(added.ok).toBe(true)
    await shell.page.reload()
    await shell.page.getByRole('banner').getByText('Gone operator').waitFor()
    await typeAndEnter(shell.page, 'dvc_3f9a1c7e5b20')
    await shell.page.getByRole('heading', { name: /^Could not reach Tellus/ }).waitFor({ timeout: 45_000 })
    const found = await blockingInBothThemes(shell, 'network down')
    expect(found, found.join('\n')).toEqual([])
  })
})
