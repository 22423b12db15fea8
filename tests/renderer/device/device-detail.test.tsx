import { cleanup, screen, within } from '@testing-library/react'
import { afterEach, describe, expect, it, vi } from 'vitest'
import { fail } from '@common/errors'
import { deviceData, snapshotOf } from '../support/fixtures'
import { renderApp } from '../support/render-app'
import { showDevice } from '../support/show-device'

afterEach(cleanup)

describe('device detail', () => {
  it('shows undocumented connector and device statuses verbatim', async () => {
    await showDevice(
      deviceData({
        status: 'fault',
        connectors: [
          { connector_id: 1, status: 'preparing' },
          { connector_id: 2, status: 'charging' },
        ],
      }),
    )
    const header = screen.getByRole('region', { name: /Charger / })
    expect(within(header).getByText('fault')).toBeTruthy()
    const one = screen.getByRole('article', { name: 'Connector 1' })
    expect(within(one).getByText('preparing')).toBeTruthy()
    expect(one.textContent).toContain('(undocumented status)')
    expect(within(screen.getByRole('article', { name: 'Connector 2' })).getByText('Charging')).toBeTruthy()
  })

  it('shows missing readings as — ("no reading"), never as 0', async () => {
    await showDevice(deviceData({ connectors: [{ connector_id: 1, status: 'idle', power: null, voltage: 231 }] }))
    const card = screen.getByRole('article', { name: 'Connector 1' })
    const readings = within(card).getAllByRole('definition')
    const byLabel = (label: string) => within(card).getByText(label).parentElement?.querySelector('.reading-value')?.textContent
    expect(byLabel('Power')).toBe('—no reading')
    expect(byLabel('Current')).toBe('—no reading')
    expect(byLabel('Temperature')).toBe('—no reading')
    expect(byLabel('Voltage')).toBe('231 V')
    expect(readings.some((dd) => /^0(\.0+)? /.test(dd.textContent ?? ''))).toBe(false)
    expect(card.textContent).toContain('Last telemetry: —unknown')
  })

  it('says when a negative power means discharging', async () => {
    await showDevice(deviceData({ connectors: [{ connector_id: 1, status: 'discharging', power: -6.5, soc: 60 }] }))
    const card = screen.getByRole('article', { name: 'Connector 1' })
    expect(card.textContent).toContain('-6.5 kW')
    expect(card.textContent).toContain('negative: discharging')
  })

  it('marks a heartbeat that was older than 60 s when fetched as stale', async () => {
    const now = Date.now()
    await showDevice(deviceData({ status: 'online', last_heartbeat: new Date(now - 5 * 60_000).toISOString() }, now))
    const header = screen.getByRole('region', { name: 'Device details' })
    expect(header.textContent).toMatch(/stale: 5 min( \d+ s)? old when fetched/)
    const time = header.querySelector('time')
    expect(time?.textContent).toMatch(/^5 min( \d+ s)? ago$/)
    expect(time?.getAttribute('title')).toMatch(/^\d{4}-\d{2}-\d{2} \d{2}:\d{2}:\d{2}/)
  })

  it('opens the fault dictionary filtered to a finding’s fault code', async () => {
    const { user, store } = await showDevice(deviceData())
    const diagnostics = screen.getByRole('region', { name: 'Diagnostics' })
    await user.click(within(diagnostics).getByRole('button', { name: /F-0203 .*open in the fault dictionary/ }))
    expect(store.getState().view).toBe('faults')
    expect(((await screen.findByRole('searchbox', { name: 'Search faults' })) as HTMLInputElement).value).toBe('F-0203')
    const entries = screen.getAllByRole('article')
    expect(entries).toHaveLength(1)
    expect(entries[0]?.textContent).toContain('Connector over-temperature')
  })

  it('copies the raw JSON through the clipboard channel (not navigator.clipboard) and says so', async () => {
    const { user, fake } = await showDevice(deviceData())
    const writeText = vi.fn(() => Promise.reject(new Error('the renderer has no clipboard permission')))
    Object.defineProperty(navigator, 'clipboard', { value: { writeText }, configurable: true })
    const raw = screen.getByRole('region', { name: 'Raw data' })
    expect(raw.querySelector('pre')?.textContent).toContain('"device_id": "dvc_a1b2c3d4e5f6"')

    await user.click(within(raw).getByRole('button', { name: 'Copy JSON' }))
    expect(writeText).not.toHaveBeenCalled()
    const copied = fake.callsOf('writeClipboard') as Array<{ text: string }>
    expect(copied).toHaveLength(1)
    expect(JSON.parse(copied[0]!.text)).toMatchObject({ device_id: 'dvc_a1b2c3d4e5f6', model: 'TP-DC180' })
    expect(within(raw).getByRole('status').textContent).toBe('Copied the raw JSON to the clipboard.')
  })

  it('reports a failed copy accessibly', async () => {
    const { user, fake } = await showDevice(deviceData())
    fake.handlers.writeClipboard = () => fail({ kind: 'internal', message: 'permission denied.' })
    const raw = screen.getByRole('region', { name: 'Raw data' })
    await user.click(within(raw).getByRole('button', { name: 'Copy JSON' }))
    expect(within(raw).getByRole('status').textContent).toContain('Could not copy: permission denied')
  })

  it('says plainly when a payload cannot be read as a charger, and still shows the raw data', async () => {
    const { store } = renderApp()
    store.getState().openSnapshot(snapshotOf({ device_id: 42 }, { deviceId: 'dvc_broken000001' }))
    expect((await screen.findByText('This data cannot be read as a charger')).textContent).toBeTruthy()
    expect(screen.getByRole('region', { name: 'Raw data' }).textContent).toContain('"device_id": 42')
  })
})
