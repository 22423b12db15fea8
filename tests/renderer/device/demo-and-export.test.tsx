import { act, cleanup, screen, within } from '@testing-library/react'
import { afterEach, describe, expect, it } from 'vitest'
import { fail, ok } from '@common/errors'
import { DeviceSchema } from '@common/tellus/schemas'
import type { ProfilesState, ProfileView } from '@common/profile-types'
import { DEMO_PROFILES } from '../support/fake-api'
import { deviceData, liveFetch, snapshotOf } from '../support/fixtures'
import { renderApp } from '../support/render-app'

afterEach(cleanup)

const OPERATOR: ProfileView = {
  id: 'prof_north',
  name: 'Northgate operator',
  baseUrl: 'https://api.northgate.example/v1',
  clientIdMasked: '••••••••5678',
  createdAt: '2026-01-02T00:00:00Z',
  lastUsedAt: null,
  isDemo: false,
  secret: 'stored',
}
const WITH_OPERATOR = (activeProfileId: string | null): ProfilesState => ({
  ...DEMO_PROFILES,
  profiles: [...DEMO_PROFILES.profiles, OPERATOR],
  activeProfileId,
})

describe('demo fleet chargers on the start screen', () => {
  it('lists the demo chargers (id, model, site name) and looks one up on click', async () => {
    const { user, fake } = renderApp({
      listSites: () => ok([{ site_id: 'site_002', name: 'Northgate Retail Park' }]),
      fetchDevice: ({ deviceId }) => ok(liveFetch(deviceData({ device_id: deviceId }))),
    })
    const panel = await screen.findByRole('region', { name: 'Demo fleet chargers' })
    const buttons = await within(panel).findAllByRole('button')
    expect(buttons.map((b) => b.textContent)).toEqual([
      expect.stringMatching(/^dvc_a1b2c3d4e5f6AC-7kW-V2site_001Not looked up yet$/),
      expect.stringMatching(/^dvc_8b2e4d6f1a93TP-DC180Northgate Retail ParkNot looked up yet$/),
    ])
    await user.click(buttons[1]!)
    expect(fake.callsOf('fetchDevice')).toEqual([{ deviceId: 'dvc_8b2e4d6f1a93' }])
    expect(await screen.findByRole('region', { name: /Charger dvc_8b2e4d6f1a93/ })).toBeTruthy()
    expect((screen.getByRole('textbox', { name: 'Device id' }) as HTMLInputElement).value).toBe('dvc_8b2e4d6f1a93')
  })

  it('lists them when no profile is active (main then uses the demo fleet), loading the list once', async () => {
    const { fake, user } = renderApp({ listProfiles: () => ok({ ...DEMO_PROFILES, activeProfileId: null }) })
    const panel = await screen.findByRole('region', { name: 'Demo fleet chargers' })
    expect(await within(panel).findByText('dvc_a1b2c3d4e5f6')).toBeTruthy()
    await user.click(screen.getByRole('button', { name: 'About' }))
    await user.click(screen.getByRole('button', { name: 'Device' }))
    await screen.findByRole('region', { name: 'Demo fleet chargers' })
    expect(fake.callsOf('listDemoDevices')).toHaveLength(1)
  })

  it('does not list them on an operator profile', async () => {
    const { fake } = renderApp({ listProfiles: () => ok(WITH_OPERATOR('prof_north')) })
    expect(await screen.findByText('Northgate operator')).toBeTruthy()
    expect(screen.queryByRole('region', { name: 'Demo fleet chargers' })).toBeNull()
    expect(fake.callsOf('listDemoDevices')).toHaveLength(0)
  })

  it('leaves the list out when it cannot be loaded; the lookup still works', async () => {
    const { fake } = renderApp({ listDemoDevices: () => fail({ kind: 'internal', message: 'no fleet' }) })
    await act(async () => undefined)
    expect(fake.callsOf('listDemoDevices')).toHaveLength(1)
    expect(screen.queryByRole('region', { name: 'Demo fleet chargers' })).toBeNull()
    expect(screen.getByRole('textbox', { name: 'Device id' })).toBeTruthy()
  })
})

describe('export and storage state of the device on screen', () => {
  async function lookUp(answer: Parameters<typeof renderApp>[0]) {
    const rendered = renderApp(answer)
    await rendered.user.type(screen.getByRole('textbox', { name: 'Device id' }), 'dvc_a1b2c3d4e5f6{Enter}')
    await screen.findByRole('region', { name: /Charger dvc_a1b2c3d4e5f6/ })
    return rendered
  }

  it('exports the shown snapshot by its id', async () => {
    const { user, fake } = await lookUp({ fetchDevice: () => ok(liveFetch(deviceData(), { id: 'snap-1' })), exportSnapshots: () => ok({ saved: true, path: '/tmp/x.json' }) })
    const group = screen.getByRole('group', { name: 'Export snapshot' })
    await user.click(within(group).getByRole('button', { name: 'Export snapshot as JSON' }))
    expect(fake.callsOf('exportSnapshots')).toEqual([{ ids: ['snap-1'], format: 'json' }])
    expect(within(group).getByRole('status').textContent).toBe('Saved to /tmp/x.json')
  })

  it('offers export for an offline copy too', async () => {
    const snapshot = snapshotOf(deviceData(), { id: 'snap-old' })
    await lookUp({ fetchDevice: () => ok({ source: 'offline', snapshot, error: { kind: 'network', message: 'Could not reach the Tellus API.' } }) })
    expect(screen.getByText(/^Offline copy from/)).toBeTruthy()
    expect(screen.getByRole('group', { name: 'Export snapshot' })).toBeTruthy()
  })

  it('warns that an unsaved fetch was not kept, and offers no export for it', async () => {
    const { id: _id, schemaVersion: _version, ...draft } = snapshotOf(deviceData())
    await lookUp({
      fetchDevice: () =>
        ok({ source: 'live', saved: false, snapshot: draft, device: DeviceSchema.parse(draft.data), storageError: { kind: 'storage', message: 'The disk is full.', action: 'Free some space on this computer.' } }),
    })
    const warning = screen.getByText('Fetched, but not kept for offline use: The disk is full.').closest('.banner')
    expect(warning?.getAttribute('role')).toBe('status')
    expect(warning?.textContent).toContain('Free some space on this computer.')
    expect(screen.queryByRole('group', { name: 'Export snapshot' })).toBeNull()
  })
})

describe('the profile a device and the sites belong to', () => {
  it('shows the profile and base URL the device came from, and says when it is not the one in use', async () => {
    const { store } = renderApp({ listProfiles: () => ok(WITH_OPERATOR('prof_north')) })
    await screen.findByText('Northgate operator')
    act(() => store.getState().openSnapshot(snapshotOf(deviceData())))
    await screen.findByRole('region', { name: /Charger dvc_a1b2c3d4e5f6/ })
    const header = screen.getByRole('region', { name: 'Device details' })
    expect(header.textContent).toContain('From profileDemo fleet http://127.0.0.1:4010')
    expect(within(header).getByRole('note').textContent).toBe(
      'Fetched with Demo fleet, not with the profile now in use (Northgate operator). Refresh fetches it with Northgate operator.',
    )
  })

  it('reloads the sites when another profile is activated, and after signing out (back to the demo fleet)', async () => {
    let sitesOf = 'demo'
    const { store, fake } = renderApp({
      listSites: () => ok([{ site_id: `site_${sitesOf}`, name: `Sites of ${sitesOf}` }]),
      activateProfile: ({ id }) => ok(WITH_OPERATOR(id)),
      signOut: () => ok(WITH_OPERATOR(null)),
    })
    expect(await screen.findByText('Sites of demo')).toBeTruthy()
    // Shown while a device is on screen (no sites panel): the store reloads them itself.
    act(() => store.getState().openSnapshot(snapshotOf(deviceData())))
    sitesOf = 'north'
    await act(async () => {
      await store.getState().activateProfile('prof_north')
    })
    await act(async () => undefined)
    expect(store.getState().sites.map((s) => s.name)).toEqual(['Sites of north'])
    expect(store.getState().sitesProfileId).toBe('prof_north')

    sitesOf = 'demo'
    await act(async () => {
      await store.getState().signOut()
    })
    await act(async () => undefined)
    expect(store.getState().sites.map((s) => s.name)).toEqual(['Sites of demo'])
    expect(fake.callsOf('listSites')).toHaveLength(3)
    // The device stays on screen, labelled with where it came from.
    expect(screen.getByRole('region', { name: /Charger dvc_a1b2c3d4e5f6/ })).toBeTruthy()
    expect(screen.getByRole('region', { name: 'Device details' }).textContent).toContain('Demo fleet')
  })
})
