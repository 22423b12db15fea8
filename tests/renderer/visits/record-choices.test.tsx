/**
 * The work list's third source: chargers found in the operator's charging records. Searching shows
 * a loading state, then the chargers (sessions, last session, site when known) not yet on the list;
 * ticked ones are added with their origin; a lost network is a specific error with a way out.
 */
import { cleanup, render, screen, within } from '@testing-library/react'
import userEvent from '@testing-library/user-event'
import { afterEach, describe, expect, it } from 'vitest'
import { DeviceIdSchema } from '@common/devices/device-id'
import { fail, ok, type Result } from '@common/errors'
import type { RecordDeviceSearch } from '@common/visits/charging-record-devices'
import type { TriageBoard, WorkListChange } from '@common/visits/visit-types'
import { createAppStore } from '@renderer/store/create-app-store'
import { StoreProvider } from '@renderer/store/store-context'
import { WorkListInput } from '@renderer/views/visits/work-list-input'
import { createFakeApi, type FakeHandlers } from '../support/fake-api'

afterEach(cleanup)

const VISIT_ID = 'v-20260501073000-abcdef'
const id = (value: string) => DeviceIdSchema.parse(value)
const hoursAgo = (h: number) => new Date(Date.now() - h * 3_600_000).toISOString()

const SEARCH: RecordDeviceSearch = {
  days: 7,
  devices: [
    { deviceId: id('dvc_8b2e4d6f1a93'), sessions: 12, lastSessionAt: hoursAgo(2), siteId: 'site_002', model: 'TP-DC180' },
    { deviceId: id('dvc_a1b2c3d4e5f6'), sessions: 1, lastSessionAt: hoursAgo(30), siteId: null, model: null },
    { deviceId: id('dvc_c47d19e2a6f8'), sessions: 4, lastSessionAt: hoursAgo(50), siteId: null, model: null },
  ],
  recordsRead: 17,
  recordsTotal: 17,
  pages: 1,
  truncated: false,
  badIds: 0,
  searchedAt: new Date().toISOString(),
}

const BOARD: TriageBoard = {
  visit: { id: VISIT_ID, name: 'WO-1', site: '', notes: '', createdAt: hoursAgo(1), updatedAt: hoursAgo(1), archived: false, devices: [] },
  rows: [],
}

async function renderInput(handlers: Partial<FakeHandlers>, listed: string[] = []) {
  const fake = createFakeApi({ getVisitBoard: () => ok(BOARD), getPrepareProgress: () => fail({ kind: 'internal', message: 'none' }), ...handlers })
  const store = createAppStore(fake.api)
  await store.getState().openVisit(VISIT_ID)
  const user = userEvent.setup()
  render(
    <StoreProvider store={store}>
      <WorkListInput listed={new Set(listed)} />
    </StoreProvider>,
  )
  const group = screen.getByRole('group', { name: 'From charging records' })
  return { fake, user, group }
}

describe('adding chargers from charging records', () => {
  it('searches the chosen days, shows a loading state, then lists the chargers not yet on the list', async () => {
    let answer: (value: Result<RecordDeviceSearch>) => void = () => undefined
    const { fake, user, group } = await renderInput({ findRecordDevices: () => new Promise((resolve) => (answer = resolve)) }, ['dvc_c47d19e2a6f8'])
    await user.selectOptions(within(group).getByLabelText('Chargers that charged in'), 'the last 30 days')
    await user.click(within(group).getByRole('button', { name: 'Search charging records' }))
    expect(fake.callsOf('findRecordDevices')).toEqual([{ days: 30 }])
    expect(within(group).getByRole('status').textContent).toBe('Reading the charging records of the last 30 days…')
    expect(group.getAttribute('aria-busy')).toBe('true')
    answer(ok({ ...SEARCH, days: 30 }))

    const list = await within(group).findByRole('list', { name: 'Chargers found in charging records' })
    const items = within(list).getAllByRole('listitem').map((li) => li.textContent)
    expect(items).toEqual([
      expect.stringMatching(/^ dvc_8b2e4d6f1a93 12 sessions · last 2 h( \d+ min)? ago · site_002 · TP-DC180$/),
      expect.stringMatching(/^ dvc_a1b2c3d4e5f6 1 session · last 1 d 6 h ago$/),
    ])
    expect(within(group).getByRole('status').textContent).toBe('Found 3 chargers in 17 charging records of the last 30 days (1 read). 1 already on the list.')
    expect(within(group).getByRole('button', { name: 'Search again' })).toBeTruthy()
  })

  it('adds the ticked chargers with their origin, and ticks all at once', async () => {
    const added: Array<{ deviceIds: string[]; origin: string }> = []
    const { user, group } = await renderInput({
      findRecordDevices: () => ok(SEARCH),
      addVisitDevices: ({ deviceIds, origin }) => {
        added.push({ deviceIds, origin })
        return ok({ visit: BOARD.visit, added: deviceIds, alreadyListed: [] } satisfies WorkListChange)
      },
    })
    await user.click(within(group).getByRole('button', { name: 'Search charging records' }))
    const add = await within(group).findByRole('button', { name: 'Add 0 chargers from records' })
    expect(add.hasAttribute('disabled')).toBe(true)
    await user.click(within(group).getByRole('checkbox', { name: /dvc_a1b2c3d4e5f6/ }))
    await user.click(within(group).getByRole('button', { name: 'Add 1 charger from records' }))
    expect(added).toEqual([{ deviceIds: ['dvc_a1b2c3d4e5f6'], origin: 'charging-records' }])
    await screen.findByText('Added 1 charger.')

    await user.click(within(group).getByRole('button', { name: 'Tick all 3' }))
    expect(within(group).getAllByRole('checkbox').every((box) => (box as HTMLInputElement).checked)).toBe(true)
    await user.click(within(group).getByRole('button', { name: 'Add 3 chargers from records' }))
    expect(added[1]).toEqual({ deviceIds: ['dvc_8b2e4d6f1a93', 'dvc_a1b2c3d4e5f6', 'dvc_c47d19e2a6f8'], origin: 'charging-records' })
  })

  it('says when only part of the records was read, and how to see every charger', async () => {
    const { user, group } = await renderInput({ findRecordDevices: () => ok({ ...SEARCH, days: 30, recordsRead: 500, recordsTotal: 1_532, pages: 5, truncated: true, badIds: 2 }) })
    await user.click(within(group).getByRole('button', { name: 'Search charging records' }))
    const status = await within(group).findByText(/^Found 3 chargers/)
    expect(status.textContent).toBe(
      'Found 3 chargers in 500 charging records of the last 30 days (5 reads). Only the first 500 of 1,532 records were read: choose fewer days to see every charger. 2 records named no valid device id and were left out.',
    )
  })

  it('offline: a specific error, a way to try again, and the other sources named', async () => {
    let calls = 0
    const { user, group } = await renderInput({
      findRecordDevices: () => {
        calls += 1
        return calls === 1 ? fail({ kind: 'network', message: 'Could not reach 127.0.0.1:4010 (connection refused).', action: 'Check the network connection, then try again.' }) : ok(SEARCH)
      },
    })
    await user.click(within(group).getByRole('button', { name: 'Search charging records' }))
    const alert = await within(group).findByRole('alert')
    expect(alert.textContent).toMatch(/^Charging records not searched: .+Could not reach 127\.0\.0\.1:4010 \(connection refused\)\.What to do: Check the network connection, then try again\./)
    expect(alert.textContent).toContain('Paste the work order or tick recent devices instead.')
    await user.click(within(alert).getByRole('button', { name: 'Try again' }))
    await within(group).findByRole('list', { name: 'Chargers found in charging records' })
    expect(within(group).queryByRole('alert')).toBeNull()
  })
})
