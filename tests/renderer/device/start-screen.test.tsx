import { cleanup, screen, waitFor, within } from '@testing-library/react'
import { afterEach, describe, expect, it } from 'vitest'
import { fail, ok } from '@common/errors'
import { deviceData, metaOf, liveFetch, snapshotOf } from '../support/fixtures'
import { renderApp } from '../support/render-app'

afterEach(cleanup)

const HOT = 'dvc_000000000001'
const FINE = 'dvc_000000000002'
const BROKEN = 'dvc_000000000003'

/** Stored snapshots: a DC charger with a connector at 82 °C, a healthy one, and one that cannot be read. */
function storedSnapshots() {
  const metas = [
    metaOf(HOT, '2026-01-01T10:00:00Z'),
    metaOf(FINE, '2026-01-02T10:00:00Z', { siteId: 'site_009' }),
    metaOf(HOT, '2026-01-03T10:00:00Z'),
    metaOf(BROKEN, '2026-01-01T09:00:00Z'),
  ]
  const fineData = deviceData({
    device_id: FINE,
    firmware_version: '3.1.0',
    connectors: [{ connector_id: 1, status: 'idle', power: 0, voltage: 0, current: 0, temperature: 30 }],
  })
  return {
    metas,
    getSnapshot: ({ id }: { id: string }) => {
      const meta = metas.find((m) => m.id === id)!
      if (meta.deviceId === BROKEN) return fail({ kind: 'storage' as const, message: 'gone' })
      const data = meta.deviceId === HOT ? deviceData({ device_id: HOT, firmware_version: '3.1.0' }) : fineData
      return ok(snapshotOf(data, { id, fetchedAt: new Date().toISOString() }))
    },
  }
}

describe('recent devices on the start screen', () => {
  it('lists each device once, newest first, with model, site name, age and the worst finding of its last look', async () => {
    const stored = storedSnapshots()
    const { fake } = renderApp({
      listSnapshots: () => ok({ items: stored.metas, quarantined: [] }),
      getSnapshot: stored.getSnapshot,
      listSites: () => ok([{ site_id: 'site_001', name: 'Harbour Point Fleet Depot' }]),
    })
    const panel = await screen.findByRole('region', { name: 'Recent devices' })
    const buttons = within(panel).getAllByRole('button')
    expect(buttons.map((b) => b.textContent?.slice(0, 16))).toEqual([HOT, FINE, BROKEN])

    await waitFor(() => expect(within(buttons[0]!).getByText('Warning')).toBeTruthy())
    expect(buttons[0]!.querySelector('.badge')?.classList.contains('tone-warn')).toBe(true)
    expect(buttons[0]!.textContent).toMatch(/Connector 2.*82\.0 °C/)
    expect(buttons[0]!.textContent).toContain('Harbour Point Fleet Depot')
    expect(buttons[0]!.textContent).not.toContain('site_001')
    expect(buttons[0]!.textContent).toMatch(/ago/)

    await waitFor(() => expect(within(buttons[1]!).getByText('No findings')).toBeTruthy())
    expect(buttons[1]!.querySelector('.badge')?.classList.contains('tone-ok')).toBe(true)
    // A site whose name is not known is shown by its id.
    expect(buttons[1]!.textContent).toContain('site_009')

    await waitFor(() => expect(buttons[2]!.textContent).toContain('Last look could not be read'))
    // Each snapshot is read once, only the newest of each device.
    expect(fake.callsOf('getSnapshot').map((a) => a.id).sort()).toEqual([stored.metas[2]!.id, stored.metas[1]!.id, stored.metas[3]!.id].sort())
  })

  it('fetches a recent device on click and leaves the start screen', async () => {
    const stored = storedSnapshots()
    const { user, fake } = renderApp({
      listSnapshots: () => ok({ items: stored.metas, quarantined: [] }),
      getSnapshot: stored.getSnapshot,
      fetchDevice: ({ deviceId }) => ok(liveFetch(deviceData({ device_id: deviceId }))),
    })
    const panel = await screen.findByRole('region', { name: 'Recent devices' })
    await user.click(within(panel).getAllByRole('button')[1]!)
    expect(fake.callsOf('fetchDevice')).toEqual([{ deviceId: FINE }])
    expect(await screen.findByRole('region', { name: new RegExp(`Charger ${FINE}`) })).toBeTruthy()
    expect(screen.queryByRole('region', { name: 'Recent devices' })).toBeNull()
  })

  it('marks a demo charger looked at before with the worst finding of that look', async () => {
    const hotDemo = 'dvc_a1b2c3d4e5f6'
    const metas = [metaOf(hotDemo, '2026-01-03T10:00:00Z')]
    renderApp({
      listSnapshots: () => ok({ items: metas, quarantined: [] }),
      getSnapshot: ({ id }) => ok(snapshotOf(deviceData({ device_id: hotDemo, firmware_version: '3.1.0' }), { id })),
    })
    const demo = await screen.findByRole('region', { name: 'Demo fleet chargers' })
    const [first, second] = await within(demo).findAllByRole('button')
    await waitFor(() => expect(within(first!).getByText('Warning')).toBeTruthy())
    expect(first!.textContent).toMatch(/at last look/)
    expect(second!.textContent).toContain('Not looked up yet')
  })
})
