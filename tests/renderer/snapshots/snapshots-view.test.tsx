import { cleanup, screen, waitFor, within } from '@testing-library/react'
import { afterEach, describe, expect, it } from 'vitest'
import { fail, ok } from '@common/errors'
import { formatTimestamp } from '@common/format/timestamp'
import type { SnapshotMeta } from '@common/snapshot-types'
import { snapshotHealth } from '@common/snapshots/snapshot-health'
import { healthLook } from '@renderer/components/health-mark'
import { SnapshotsView } from '@renderer/views/snapshots/snapshots-view'
import { createFakeApi } from '../support/fake-api'
import { deviceData, snapshotOf } from '../support/fixtures'
import { listed, renderView } from './support/render-view'

afterEach(cleanup)

const older = snapshotOf(deviceData(), { id: 's-old', fetchedAt: '2026-03-15T09:00:00Z' })
const newer = snapshotOf(deviceData(), { id: 's-new', fetchedAt: '2026-03-15T11:00:00Z' })
const other = snapshotOf(deviceData({ device_id: 'dvc_ffff00001111' }), { id: 's-other', fetchedAt: '2026-03-15T10:00:00Z', profileName: 'North Operator' })
const listing = [listed(newer), listed(other, { model: 'AC-7kW-V2', status: 'offline', firmwareVersion: '1.9.0' }), listed(older)]

function fakeListing(items: SnapshotMeta[] = listing) {
  return createFakeApi({ listSnapshots: () => ok({ items, quarantined: [] }) })
}

describe('SnapshotsView browsing', () => {
  it('lists the snapshots newest first with device, time and age, profile, model, status and firmware', async () => {
    renderView(<SnapshotsView />, fakeListing())
    const body = (await screen.findAllByRole('row')).slice(1)
    expect(body).toHaveLength(3)
    expect(within(body[0]!).getByRole('button', { name: `Open snapshot of dvc_a1b2c3d4e5f6 from ${formatTimestamp(newer.fetchedAt)}` })).toBeTruthy()
    expect(body[0]!.textContent).toMatch(/ago/)
    const second = body[1]!.textContent ?? ''
    for (const text of ['dvc_ffff00001111', formatTimestamp(other.fetchedAt), 'North Operator', 'AC-7kW-V2', 'Offline', '1.9.0']) expect(second).toContain(text)
  })

  it("marks each row with its snapshot's worst finding: colour, icon and word", async () => {
    const at = Date.parse('2026-03-15T11:00:00Z')
    const offline = snapshotOf(deviceData({ status: 'offline' }, at), { id: 's-new', fetchedAt: new Date(at).toISOString() })
    const usual = snapshotOf(deviceData({ connectors: [] }, at - 60_000), { id: 's-old', fetchedAt: new Date(at - 60_000).toISOString() })
    const fake = createFakeApi({
      listSnapshots: () => ok({ items: [listed(offline), listed(usual)], quarantined: [] }),
      getSnapshot: ({ id }) => (id === 's-new' ? ok(offline) : ok(usual)),
    })
    renderView(<SnapshotsView />, fake)
    const body = (await screen.findAllByRole('row')).slice(1)
    for (const [row, snapshot] of [[body[0]!, offline], [body[1]!, usual]] as const) {
      const health = snapshotHealth(snapshot)
      const mark = await waitFor(() => within(row).getByText(healthLook(health.level).label))
      expect(mark.closest('.health-mark')?.querySelector('.badge-icon, svg')).toBeTruthy()
      expect(mark.closest('.health-mark')?.getAttribute('title')).toContain(health.worst!.message)
    }
    expect(healthLook(snapshotHealth(offline).level).label).not.toBe(healthLook(snapshotHealth(usual).level).label)
  })

  it('keeps only the rows in view in the DOM for a long list, and reads only their health', async () => {
    const many = Array.from({ length: 2000 }, (_, i) => listed(older, { id: `s-${i}`, fetchedAt: new Date(Date.parse('2026-03-15T09:00:00Z') - i * 60_000).toISOString() }))
    const fake = createFakeApi({ listSnapshots: () => ok({ items: many, quarantined: [] }), getSnapshot: () => ok(older) })
    renderView(<SnapshotsView />, fake)
    const rows = await screen.findAllByRole('row')
    expect(rows.length).toBeGreaterThan(5)
    expect(rows.length).toBeLessThan(60)
    expect(screen.getByRole('table').getAttribute('aria-rowcount')).toBe('2001')
    await waitFor(() => expect(fake.callsOf('getSnapshot').length).toBe(rows.length - 1))
  })

  it('filters by device id and by site id through the listing call', async () => {
    const fake = fakeListing()
    const { user } = renderView(<SnapshotsView />, fake)
    await screen.findAllByRole('row')
    fake.handlers.listSnapshots = () => ok({ items: [listing[1]!], quarantined: [] })
    await user.type(screen.getByLabelText('Device id'), 'dvc_ffff00001111')
    await user.type(screen.getByLabelText('Site id'), 'site_north{Enter}')
    await waitFor(() => expect(screen.getAllByRole('row')).toHaveLength(2))
    expect(fake.callsOf('listSnapshots').at(-1)).toEqual({ deviceId: 'dvc_ffff00001111', siteId: 'site_north', limit: 200 })
    expect(screen.getByRole('heading', { name: 'Snapshots of dvc_ffff00001111' })).toBeTruthy()

    await user.click(screen.getByRole('button', { name: 'Show all' }))
    expect(fake.callsOf('listSnapshots').at(-1)).toEqual({ limit: 200 })
  })

  it('refuses a device id that is not one, without asking main', async () => {
    const fake = fakeListing()
    const { user } = renderView(<SnapshotsView />, fake)
    await screen.findAllByRole('row')
    const calls = fake.callsOf('listSnapshots').length
    await user.type(screen.getByLabelText('Device id'), '../oauth/token{Enter}')
    expect(screen.getByLabelText('Device id').getAttribute('aria-invalid')).toBe('true')
    expect(screen.getByText(/A device id is letters, digits/)).toBeTruthy()
    expect(fake.callsOf('listSnapshots')).toHaveLength(calls)
  })

  it('"History" narrows the list to one charger', async () => {
    const fake = fakeListing()
    const { user } = renderView(<SnapshotsView />, fake)
    await screen.findAllByRole('row')
    await user.click(screen.getByRole('button', { name: 'History of dvc_ffff00001111' }))
    expect(fake.callsOf('listSnapshots').at(-1)).toEqual({ deviceId: 'dvc_ffff00001111', limit: 200 })
    expect((screen.getByLabelText('Device id') as HTMLInputElement).value).toBe('dvc_ffff00001111')
  })

  it('shows the designed empty state when nothing is stored', async () => {
    renderView(<SnapshotsView />, fakeListing([]))
    expect(await screen.findByText('No snapshots yet. Every device you fetch is kept here for offline use.')).toBeTruthy()
  })

  it('shows a storage error with its action, and lists again on "Try again"', async () => {
    const fake = createFakeApi({
      listSnapshots: () => fail({ kind: 'storage', message: 'The snapshot folder could not be read.', action: 'Check the disk has free space, then try again.' }),
    })
    const { user } = renderView(<SnapshotsView />, fake)
    const panel = await screen.findByRole('alert')
    expect(panel.textContent).toContain('The snapshot folder could not be read.')
    expect(panel.textContent).toContain('Check the disk has free space, then try again.')
    fake.handlers.listSnapshots = () => ok({ items: listing, quarantined: [] })
    await user.click(within(panel).getByRole('button', { name: 'Try again' }))
    expect(await screen.findAllByRole('row')).toHaveLength(4)
  })

  it('reports quarantined files in a warning banner', async () => {
    const fake = createFakeApi({
      listSnapshots: () =>
        ok({
          items: listing,
          quarantined: [
            { file: 'a.json', movedTo: '/data/snapshots/quarantine/a.json', reason: 'Unexpected end of JSON input' },
            { file: 'b.json', movedTo: '/data/snapshots/quarantine/b.json', reason: 'Not a snapshot' },
          ],
        }),
    })
    renderView(<SnapshotsView />, fake)
    expect(await screen.findByText('2 unreadable snapshot files were moved aside to /data/snapshots/quarantine')).toBeTruthy()
    expect(screen.getByText(/Unexpected end of JSON input/)).toBeTruthy()
  })
})

describe('SnapshotsView actions', () => {
  it('opens a snapshot: loads it, hands it to the device view as a stored copy and switches view', async () => {
    const fake = fakeListing()
    fake.handlers.getSnapshot = () => ok(newer)
    const { store, user } = renderView(<SnapshotsView />, fake)
    await screen.findAllByRole('row')
    await user.click(screen.getByRole('button', { name: `Open snapshot of dvc_a1b2c3d4e5f6 from ${formatTimestamp(newer.fetchedAt)}` }))
    await waitFor(() => expect(store.getState().view).toBe('device'))
    // Earlier reads are the rows' health marks; the open is the last one.
    expect(fake.callsOf('getSnapshot').at(-1)).toEqual({ id: 's-new' })
    expect(store.getState().current).toMatchObject({ saved: true, source: 'snapshot', snapshot: { id: 's-new' } })
  })

  it('enables "Compare" only for exactly two snapshots of the same charger, and opens them older first', async () => {
    const { store, user } = renderView(<SnapshotsView />, fakeListing())
    await screen.findAllByRole('row')
    const compare = screen.getByRole('button', { name: 'Compare' }) as HTMLButtonElement
    const tick = (name: string | RegExp) => user.click(screen.getByRole('checkbox', { name }))
    const of = (s: typeof newer) => `Select snapshot of ${s.deviceId} from ${formatTimestamp(s.fetchedAt)} for comparison`
    expect(compare.disabled).toBe(true)

    await tick(of(newer))
    expect(compare.disabled).toBe(true)
    await tick(of(other))
    expect(compare.disabled).toBe(true)
    expect(screen.getByText(/different chargers/)).toBeTruthy()
    await tick(of(older))
    expect(compare.disabled).toBe(true)
    await tick(of(other))
    expect(compare.disabled).toBe(false)

    await user.click(compare)
    expect(store.getState().view).toBe('compare')
    expect(store.getState().compareIds).toEqual(['s-old', 's-new'])
  })

  it('deletes one snapshot only after the inline confirmation, and says how many went', async () => {
    const fake = fakeListing()
    fake.handlers.deleteSnapshots = () => ok({ deleted: 1 })
    const { user } = renderView(<SnapshotsView />, fake)
    await screen.findAllByRole('row')
    const deleteOther = () => screen.getByRole('button', { name: /^Delete snapshot of dvc_ffff00001111/ })

    await user.click(deleteOther())
    const confirm = screen.getByRole('group', { name: /Delete this snapshot of dvc_ffff00001111/ })
    expect(document.activeElement?.textContent).toBe('Cancel')
    await user.click(within(confirm).getByRole('button', { name: 'Cancel' }))
    expect(fake.callsOf('deleteSnapshots')).toHaveLength(0)
    expect(document.activeElement).toBe(deleteOther())

    fake.handlers.listSnapshots = () => ok({ items: [listing[0]!, listing[2]!], quarantined: [] })
    await user.click(deleteOther())
    await user.click(screen.getByRole('button', { name: 'Delete snapshot' }))
    expect(fake.callsOf('deleteSnapshots')).toEqual([{ scope: 'one', id: 's-other' }])
    expect(await screen.findByText('Deleted 1 snapshot.')).toBeTruthy()
    await waitFor(() => expect(screen.getAllByRole('row')).toHaveLength(3))
  })

  it("deletes a charger's history and everything, each with its own confirmation", async () => {
    const fake = fakeListing()
    const { store, user } = renderView(<SnapshotsView />, fake)
    await screen.findAllByRole('row')
    await store.getState().applySnapshotFilter({ deviceId: 'dvc_a1b2c3d4e5f6', siteId: '' })

    fake.handlers.deleteSnapshots = () => ok({ deleted: 2 })
    await user.click(await screen.findByRole('button', { name: 'Delete the history of dvc_a1b2c3d4e5f6' }))
    expect(screen.getByText(/Delete every stored snapshot of dvc_a1b2c3d4e5f6\?/)).toBeTruthy()
    await user.click(screen.getByRole('button', { name: 'Delete history' }))
    expect(fake.callsOf('deleteSnapshots').at(-1)).toEqual({ scope: 'device', deviceId: 'dvc_a1b2c3d4e5f6' })
    expect(await screen.findByText('Deleted 2 snapshots.')).toBeTruthy()

    fake.handlers.deleteSnapshots = () => ok({ deleted: 7 })
    await user.click(screen.getByRole('button', { name: 'Delete all snapshots' }))
    await user.click(within(screen.getByRole('group', { name: /every charger/ })).getByRole('button', { name: 'Delete all snapshots' }))
    expect(fake.callsOf('deleteSnapshots').at(-1)).toEqual({ scope: 'all' })
    expect(await screen.findByText('Deleted 7 snapshots.')).toBeTruthy()
  })

  it('shows a failed deletion in place', async () => {
    const fake = fakeListing()
    fake.handlers.deleteSnapshots = () => fail({ kind: 'storage', message: 'The snapshot file is locked.', action: 'Close other programs using it.' })
    const { user } = renderView(<SnapshotsView />, fake)
    await screen.findAllByRole('row')
    await user.click(screen.getByRole('button', { name: 'Delete all snapshots' }))
    await user.click(within(screen.getByRole('group', { name: /every charger/ })).getByRole('button', { name: 'Delete all snapshots' }))
    expect((await screen.findByRole('alert')).textContent).toContain('The snapshot file is locked.')
  })
})

describe('retention setting', () => {
  it('validates 1–10000 before saving, then saves', async () => {
    const fake = fakeListing()
    fake.handlers.updateSettings = (args) => ok({ snapshotRetention: args.snapshotRetention ?? 20 })
    const { user } = renderView(<SnapshotsView />, fake)
    const input = (await screen.findByLabelText('Snapshots kept per device')) as HTMLInputElement
    expect(input.value).toBe('20')
    const save = screen.getByRole('button', { name: 'Save' })

    for (const bad of ['0', '10001', '2.5']) {
      await user.clear(input)
      await user.type(input, bad)
      await user.click(save)
      expect(input.getAttribute('aria-invalid')).toBe('true')
    }
    await user.clear(input)
    await user.click(save)
    expect(screen.getByText('Enter a number from 1 to 10000.')).toBeTruthy()
    expect(fake.callsOf('updateSettings')).toHaveLength(0)

    await user.type(input, '200')
    await user.click(save)
    expect(fake.callsOf('updateSettings')).toEqual([{ snapshotRetention: 200 }])
    expect(await screen.findByText('Saved: the newest 200 snapshots of each charger are kept.')).toBeTruthy()
    expect(input.getAttribute('aria-invalid')).toBeNull()
  })
})
