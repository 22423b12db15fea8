import { act, cleanup, screen, within } from '@testing-library/react'
import { afterEach, describe, expect, it } from 'vitest'
import { fail, ok, type AppError, type Result } from '@common/errors'
import type { DeviceFetch } from '@common/ipc/contract'
import { deferred } from '../support/fake-api'
import { deviceData, liveFetch, snapshotOf } from '../support/fixtures'
import { renderApp } from '../support/render-app'

afterEach(cleanup)

const input = () => screen.getByRole('textbox', { name: 'Device id' })

/** Renders the app with fetchDevice answering `error`, and looks up dvc_a1b2c3d4e5f6. */
async function lookUpFailing(error: AppError) {
  const rendered = renderApp({ fetchDevice: () => fail(error) })
  await rendered.user.type(input(), 'dvc_a1b2c3d4e5f6{Enter}')
  return rendered
}

describe('device view states', () => {
  it('starts with a friendly start screen, the shortcut hint and the sites for orientation', async () => {
    renderApp({
      listSites: () =>
        ok([{ site_id: 'site_001', name: 'Harbour Point Fleet Depot', address: '12 Quay Road', status_summary: { idle: 5, charging: 3, fault: 2 } }]),
    })
    expect(screen.getByRole('heading', { name: 'Look up a charger' })).toBeTruthy()
    const sites = screen.getByRole('region', { name: 'Sites' })
    expect(sites.textContent).toContain('Sites list no device ids; type the id from the work order.')
    expect(await within(sites).findByText('Harbour Point Fleet Depot')).toBeTruthy()
    expect(sites.textContent).toContain('12 Quay Road')
    expect(sites.textContent).toContain('5 idle')
    expect(sites.textContent).toContain('3 charging')
    expect(sites.textContent).toContain('2 fault')
  })

  it('shows what is being fetched, from which profile, and the pacing wait', async () => {
    const answer = deferred<Result<DeviceFetch>>()
    const { user, store, fake } = renderApp({ fetchDevice: () => answer.promise })
    await screen.findByText('Demo fleet')
    await user.type(input(), 'dvc_a1b2c3d4e5f6{Enter}')
    expect((await screen.findByText(/Fetching/)).closest('[role="status"]')?.textContent).toBe('Fetching dvc_a1b2c3d4e5f6 from Demo fleet…')

    act(() => fake.emit('client:pacing', { waitMs: 12_000, reason: 'reads' }))
    expect(screen.getByText(/^Waiting 12 s to stay under the Tellus rate limit\.$/)).toBeTruthy()

    await act(async () => answer.resolve(ok(liveFetch(deviceData()))))
    expect(await screen.findByRole('region', { name: /Charger dvc_a1b2c3d4e5f6/ })).toBeTruthy()
    expect(screen.queryByText(/Waiting/)).toBeNull()
    expect(store.getState().pacingWaitMs).toBeNull()
  })

  it('explains a device that is not found (3001)', async () => {
    await lookUpFailing({ kind: 'api', code: 3001, status: 404, message: 'Tellus has no device dvc_a1b2c3d4e5f6 for this operator.', action: 'Check the id on the work order.' })
    const panel = await screen.findByRole('alert')
    expect(within(panel).getByRole('heading').textContent).toBe('No charger dvc_a1b2c3d4e5f6 for this operator (3001)')
    expect(panel.textContent).toContain('Check the id on the work order.')
    expect(panel.textContent).toContain('Tellus code 3001')
    expect(within(panel).queryByRole('button', { name: 'Try again' })).toBeNull()
    expect(within(panel).getByRole('button', { name: 'Check the device id' })).toBeTruthy()
  })

  it('sends the technician to Profiles on an auth error (2001)', async () => {
    const { user, store } = await lookUpFailing({ kind: 'auth', code: 2001, status: 401, message: 'Tellus rejected the token.', action: 'Check the client secret in Profiles.' })
    const panel = await screen.findByRole('alert')
    expect(within(panel).getByRole('heading').textContent).toBe('Token rejected (2001)')
    expect(panel.textContent).toContain('Check the client secret in Profiles.')
    await user.click(within(panel).getByRole('button', { name: 'Open Profiles' }))
    expect(store.getState().view).toBe('profiles')
  })

  it('shows the network error with a retry when there is no offline copy', async () => {
    const { user, fake } = await lookUpFailing({ kind: 'network', message: 'Could not reach the Tellus API.', action: 'Check the network connection.' })
    const panel = await screen.findByRole('alert')
    expect(within(panel).getByRole('heading').textContent).toBe('Could not reach Tellus, and there is no offline copy of dvc_a1b2c3d4e5f6')
    await user.click(within(panel).getByRole('button', { name: 'Try again' }))
    expect(fake.callsOf('fetchDevice')).toHaveLength(2)
  })

  it('shows the wait Tellus asked for when rate-limited', async () => {
    await lookUpFailing({ kind: 'rate-limited', code: 5001, message: 'Too many requests to Tellus.', retryAfterMs: 30_000 })
    const panel = await screen.findByRole('alert')
    expect(within(panel).getByRole('heading').textContent).toBe('Rate limited by Tellus (5001)')
    expect(panel.textContent).toContain('wait 30 s before trying again')
  })

  it('shows the excerpt of an invalid response', async () => {
    await lookUpFailing({ kind: 'invalid-response', message: 'Tellus sent a response the app cannot read.', excerpt: '<html>502 Bad Gateway</html>' })
    const panel = await screen.findByRole('alert')
    expect(within(panel).getByRole('heading').textContent).toBe('Unexpected response from Tellus')
    expect(within(panel).getByLabelText('Response excerpt').textContent).toBe('<html>502 Bad Gateway</html>')
  })

  it('marks a fallback to the newest snapshot as an offline copy, with its age, time and the fetch error', async () => {
    const fetchedAt = new Date(Date.now() - (2 * 60 + 14) * 60_000).toISOString()
    const { user } = renderApp({
      fetchDevice: () =>
        ok({
          source: 'offline',
          snapshot: snapshotOf(deviceData(), { fetchedAt }),
          error: { kind: 'network', message: 'Could not reach the Tellus API.', action: 'Check the network connection.' },
        }),
    })
    await user.type(input(), 'dvc_a1b2c3d4e5f6{Enter}')
    const banner = (await screen.findByText(/^Offline copy from/)).closest('.banner')
    expect(banner?.textContent).toMatch(/Offline copy from 2 h 14 min ago \(\d{4}-\d{2}-\d{2} \d{2}:\d{2}:\d{2} UTC([+-]\d{2}:\d{2})?\), fetched from Demo fleet: not live/)
    expect(banner?.textContent).toContain('The live fetch failed: No connection to Tellus. Could not reach the Tellus API.')
    expect(screen.getByRole('region', { name: /Charger dvc_a1b2c3d4e5f6/ })).toBeTruthy()
  })

  it('keeps the device on screen as an offline copy when a refresh fails', async () => {
    let answer: Result<DeviceFetch> = ok(liveFetch(deviceData()))
    const { user } = renderApp({ fetchDevice: () => answer })
    await user.type(input(), 'dvc_a1b2c3d4e5f6{Enter}')
    await screen.findByRole('region', { name: /Charger dvc_a1b2c3d4e5f6/ })
    expect(screen.queryByText(/^Offline copy from/)).toBeNull()

    answer = fail({ kind: 'auth', code: 2003, message: 'This client may not read devices.', action: 'Ask for the read scope.' })
    await user.click(screen.getByRole('button', { name: 'Refresh' }))
    const banner = (await screen.findByText(/^Offline copy from/)).closest('.banner')
    expect(banner?.textContent).toContain('The live fetch failed: Permission denied (2003). This client may not read devices.')
    expect(within(banner as HTMLElement).getByRole('button', { name: 'Open Profiles' })).toBeTruthy()
  })

  it('ignores a response that arrives after a newer lookup started', async () => {
    const slow = deferred<Result<DeviceFetch>>()
    const { user } = renderApp({
      fetchDevice: ({ deviceId }) =>
        deviceId === 'dvc_000000000001' ? slow.promise : ok(liveFetch(deviceData({ device_id: deviceId }))),
    })
    await user.type(input(), 'dvc_000000000001{Enter}')
    await user.clear(input())
    await user.type(input(), 'dvc_000000000002{Enter}')
    await screen.findByRole('region', { name: /Charger dvc_000000000002/ })

    await act(async () => slow.resolve(ok(liveFetch(deviceData({ device_id: 'dvc_000000000001' })))))
    expect(screen.getByRole('region', { name: /Charger dvc_000000000002/ })).toBeTruthy()
    expect(screen.queryByRole('region', { name: /Charger dvc_000000000001/ })).toBeNull()
  })

  it('shows a snapshot opened from the browser as an offline copy', async () => {
    const { store } = renderApp()
    act(() => store.getState().setView('snapshots'))
    act(() => store.getState().openSnapshot(snapshotOf(deviceData(), { fetchedAt: new Date(Date.now() - 3_600_000).toISOString() })))
    expect(store.getState().view).toBe('device')
    const banner = (await screen.findByText(/^Offline copy from 1 h ago/)).closest('.banner')
    expect(banner?.textContent).toContain('Opened from Snapshots')
    expect(within(banner as HTMLElement).getByRole('button', { name: 'Fetch live now' })).toBeTruthy()
  })
})
