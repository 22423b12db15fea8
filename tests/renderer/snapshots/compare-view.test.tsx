import { act, cleanup, screen, waitFor, within } from '@testing-library/react'
import { afterEach, describe, expect, it } from 'vitest'
import { fail, ok } from '@common/errors'
import type { Snapshot } from '@common/snapshot-types'
import { CompareView } from '@renderer/views/snapshots/compare-view'
import { createFakeApi, type FakeApi } from '../support/fake-api'
import { deviceData, snapshotOf } from '../support/fixtures'
import { renderView } from './support/render-view'

afterEach(cleanup)

const before = snapshotOf(
  deviceData({
    model: 'AC-7kW-V2',
    firmware_version: '2.3.1',
    status: 'offline',
    last_heartbeat: '2026-03-15T08:50:00Z',
    connectors: [{ connector_id: 1, status: 'idle', power: 0, voltage: 230, current: 0, energy_delivered: 0, temperature: 38 }],
  }),
  { id: 's-before', fetchedAt: '2026-03-15T09:00:00Z' },
)
const after = snapshotOf(
  deviceData({
    model: 'AC-7kW-V2',
    firmware_version: '2.4.0',
    status: 'online',
    last_heartbeat: '2026-03-15T10:59:50Z',
    connectors: [{ connector_id: 1, status: 'idle', power: 0, voltage: 230, current: 0, energy_delivered: 0, temperature: 71 }],
  }),
  { id: 's-after', fetchedAt: '2026-03-15T11:00:00Z' },
)

function fakeWith(...snapshots: Snapshot[]): FakeApi {
  return createFakeApi({
    getSnapshot: ({ id }) => {
      const found = snapshots.find((s) => s.id === id)
      return found ? ok(found) : fail({ kind: 'storage', message: `Snapshot ${id} is gone.`, action: 'Go back to Snapshots and pick another.' })
    },
  })
}

/** Renders the compare view for a pair given newer first, to check it is put older first. */
async function renderComparison(fake = fakeWith(before, after)) {
  const rendered = renderView(<CompareView />, fake)
  await rendered.store.getState().startComparison(['s-after', 's-before'])
  await screen.findByRole('region', { name: 'Charger' })
  return rendered
}

function rowOf(group: string, field: string): HTMLElement {
  const row = within(screen.getByRole('region', { name: group })).getByRole('rowheader', { name: new RegExp(`^${field}`) }).closest('tr')
  if (!row) throw new Error(`no row ${field}`)
  return row
}

describe('CompareView', () => {
  it('shows the older snapshot on the left and highlights what changed, with deltas and units', async () => {
    const { store } = await renderComparison()
    expect(store.getState().compareIds).toEqual(['s-before', 's-after'])

    const firmware = rowOf('Charger', 'Firmware')
    const cells = within(firmware).getAllByRole('cell')
    expect(cells.map((c) => c.textContent)).toEqual(['2.3.1', '2.4.0', 'Changed'])
    expect(firmware.className).toContain('compare-row-changed')
    expect(within(firmware).getByRole('rowheader').textContent).toContain('(changed)')

    const status = within(rowOf('Charger', 'Status')).getAllByRole('cell')
    expect(status[0]!.textContent).toContain('Offline')
    expect(status[1]!.textContent).toContain('Online')

    expect(within(rowOf('Charger', 'Last heartbeat')).getAllByRole('cell')[2]!.textContent).toBe('2 h 9 min later')

    const temperature = rowOf('Connector 1', 'Temperature')
    expect(within(temperature).getAllByRole('cell').map((c) => c.textContent)).toEqual(['38.0 °C', '71.0 °C', '+33.0 °C'])

    // The site by its name once the profile's sites are known (its id stays in the tooltip).
    expect(within(rowOf('Charger', 'Site')).getAllByRole('cell')[0]!.textContent).toBe('site_001')

    const model = rowOf('Charger', 'Model')
    expect(model.className).not.toContain('compare-row-changed')
    expect(within(model).getAllByRole('cell')[2]!.textContent).toBe('Same')
  })

  it('shows a difference smaller than the reading tolerance plainly as unchanged, naming the tolerance', async () => {
    const reading = (voltage: number, power: number) => [{ connector_id: 1, status: 'charging', power, voltage, current: 30, energy_delivered: 4, temperature: 40 }]
    const noisyBefore = snapshotOf(deviceData({ connectors: reading(230, 7.2) }), { id: 's-before', fetchedAt: '2026-03-15T09:00:00Z' })
    const noisyAfter = snapshotOf(deviceData({ connectors: reading(231, 7.3) }), { id: 's-after', fetchedAt: '2026-03-15T09:05:00Z' })
    await renderComparison(fakeWith(noisyBefore, noisyAfter))

    const voltage = rowOf('Connector 1', 'Voltage')
    expect(within(voltage).getAllByRole('cell').map((c) => c.textContent)).toEqual(['230 V', '231 V', 'Same (+1 V is within ±2 %)'])
    expect(voltage.className).not.toContain('compare-row-changed')
    expect(within(voltage).getByRole('rowheader').textContent).not.toContain('(changed)')
    expect(within(rowOf('Connector 1', 'Power')).getAllByRole('cell')[2]!.textContent).toBe('Same (+0.1 kW is within ±0.2 kW)')
    expect(screen.getByRole('region', { name: 'Connector 1' }).textContent).toContain('no changes')
    expect(screen.getByText(/Differences smaller than a reading's tolerance/).textContent).toContain('power ±0.2 kW, voltage ±2 %, current ±0.5 A, energy delivered ±0.05 kWh, temperature ±1 °C')
  })

  it('names the site where the profile\'s sites are loaded', async () => {
    const { store } = await renderComparison()
    act(() => store.setState({ sites: [{ site_id: 'site_001', name: 'Harbour Point Fleet Depot' }] }))
    const site = within(rowOf('Charger', 'Site')).getAllByRole('cell')
    expect(site.map((c) => c.textContent)).toEqual(['Harbour Point Fleet Depot', 'Harbour Point Fleet Depot', 'Same'])
    expect(site[0]!.querySelector('[title="site_001"]')).not.toBeNull()
  })

  it('diagnoses both snapshots and shows new and resolved findings', async () => {
    await renderComparison()
    const added = screen.getByRole('region', { name: 'New findings' })
    const resolved = screen.getByRole('region', { name: 'Resolved findings' })
    expect(added.textContent).toContain('71.0 °C')
    expect(added.textContent).not.toContain('offline')
    expect(resolved.textContent).toContain('The device is offline')
    expect(resolved.textContent).not.toContain('71.0 °C')
  })

  it('can hide what did not change', async () => {
    const { user } = await renderComparison()
    await user.click(screen.getByRole('checkbox', { name: 'Show only what changed' }))
    const charger = screen.getByRole('region', { name: 'Charger' })
    expect(within(charger).queryByRole('rowheader', { name: /^Model/ })).toBeNull()
    expect(within(charger).getByRole('rowheader', { name: /^Firmware/ })).toBeTruthy()
  })

  it('exports the comparison and reports where it was saved, a cancel, or an error', async () => {
    const { fake, user } = await renderComparison()
    fake.handlers.exportSnapshots = () => ok({ saved: true, path: '/home/tech/dvc-report.html' })
    await user.click(screen.getByRole('button', { name: 'Export comparison as HTML report' }))
    expect(fake.callsOf('exportSnapshots').at(-1)).toEqual({ ids: ['s-before', 's-after'], format: 'html' })
    expect((await screen.findByText(/Saved to/)).textContent).toBe('Saved to /home/tech/dvc-report.html')

    fake.handlers.exportSnapshots = () => ok({ saved: false })
    await user.click(screen.getByRole('button', { name: 'Export comparison as JSON' }))
    expect(fake.callsOf('exportSnapshots').at(-1)).toEqual({ ids: ['s-before', 's-after'], format: 'json' })
    expect(await screen.findByText('Export cancelled: nothing was saved.')).toBeTruthy()

    fake.handlers.exportSnapshots = () => fail({ kind: 'storage', message: 'The file could not be written.', action: 'Choose another folder.' })
    await user.click(screen.getByRole('button', { name: 'Export comparison as JSON' }))
    const alert = await screen.findByRole('alert')
    expect(alert.textContent).toContain('The file could not be written.')
    expect(alert.textContent).toContain('Choose another folder.')
  })

  it('says when a snapshot of the pair cannot be loaded, and can try again', async () => {
    const fake = fakeWith(after)
    const { store, user } = renderView(<CompareView />, fake)
    await store.getState().startComparison(['s-after', 's-before'])
    const alert = await screen.findByRole('alert')
    expect(alert.textContent).toContain('Snapshot s-before is gone.')
    fake.handlers.getSnapshot = ({ id }) => ok(id === 's-before' ? before : after)
    await user.click(within(alert).getByRole('button', { name: 'Try again' }))
    await waitFor(() => expect(screen.getByRole('region', { name: 'Charger' })).toBeTruthy())
  })

  it('explains what to do when no pair is chosen', () => {
    renderView(<CompareView />, createFakeApi())
    expect(screen.getByText(/tick two snapshots of the same charger/)).toBeTruthy()
  })
})
