import { act, cleanup, screen, waitFor, within } from '@testing-library/react'
import { afterEach, describe, expect, it } from 'vitest'
import { fail, ok, type Result } from '@common/errors'
import type { DeviceHistory, HistoryFetch } from '@common/history/history-types'
import type { TimelinePoint } from '@common/history/timeline'
import type { ChargingRecord } from '@common/tellus/schemas'
import { renderApp } from '../support/render-app'
import { deferred } from '../support/fake-api'

afterEach(cleanup)

const DEVICE = 'dvc_9e1d5b3a7f02'
const END = Date.now()
const HOUR = 3_600_000

function record(id: string, connector: number, agoHours: number, minutes: number, energy: number, extra: Partial<ChargingRecord> = {}): ChargingRecord {
  const start = END - agoHours * HOUR
  return {
    record_id: id,
    device_id: DEVICE,
    connector_id: connector,
    start_time: new Date(start).toISOString(),
    end_time: new Date(start + minutes * 60_000).toISOString(),
    energy,
    max_power: 22.4,
    avg_power: 10.8,
    cost: 4.5,
    vehicle_info: { vin: 'WVWZZZ1JZXW123456', soc_start: 20, soc_end: 80 },
    ...extra,
  }
}

const RECORDS = [
  record('rec_fail_1', 1, 2, 2, 0.1),
  record('rec_fail_2', 1, 26, 3, 0.2),
  record('rec_fail_3', 1, 50, 1, 0.05),
  record('rec_ok_2', 2, 5, 95, 17.3, { cost: -3.2 }),
]

function history(records = RECORDS, overrides: Partial<DeviceHistory> = {}): DeviceHistory {
  return {
    schemaVersion: 1,
    deviceId: DEVICE,
    fetchedAt: new Date(END).toISOString(),
    range: { start: new Date(END - 30 * 24 * HOUR).toISOString(), end: new Date(END).toISOString(), days: 30 },
    profileId: 'demo',
    profileName: 'Demo fleet',
    baseUrl: 'http://127.0.0.1:4010/v1',
    records,
    truncated: false,
    ...overrides,
  }
}

const live = (h = history()): HistoryFetch => ({ source: 'live', history: h, pages: 1 })

const TIMELINE: TimelinePoint[] = [
  { snapshotId: 's-1', fetchedAt: new Date(END - 3 * HOUR).toISOString(), deviceStatus: 'online', connectors: [{ connectorId: 1, status: 'idle', temperature: 31, power: 0 }] },
  { snapshotId: 's-2', fetchedAt: new Date(END - 2 * HOUR).toISOString(), deviceStatus: 'online', connectors: [{ connectorId: 1, status: 'fault', temperature: 35, power: 0 }] },
  { snapshotId: 's-3', fetchedAt: new Date(END - HOUR).toISOString(), deviceStatus: 'online', connectors: [{ connectorId: 1, status: 'charging', temperature: 44, power: 7.1 }] },
]

describe('history view', () => {
  it('fetches 30 days by default and shows the pattern, the chart and the sessions newest first', async () => {
    const app = renderApp({ fetchHistory: () => ok(live()), getTimeline: () => ok(TIMELINE) })
    await act(() => app.store.getState().openHistory(DEVICE))
    expect(app.fake.callsOf('fetchHistory')).toEqual([{ deviceId: DEVICE, days: 30 }])
    expect((await screen.findByRole('heading', { level: 1 }))?.textContent).toContain(`History of ${DEVICE}`)
    const patterns = screen.getByRole('region', { name: /Patterns \(1\)/ })
    expect(within(patterns).getByText(/Connector 1 had 3 sessions shorter than 5 min/)).toBeTruthy()
    expect(within(patterns).getByText('Critical')).toBeTruthy()
    expect(screen.getByRole('img', { name: /Energy charged per day over \d+ days: 17\.[67] kWh in all/ })).toBeTruthy()
    const rows = within(screen.getByRole('table')).getAllByRole('row').slice(1)
    expect(rows).toHaveLength(4)
    expect(rows[0]?.textContent).toContain('failed start')
    expect(rows[0]?.textContent).toContain('…123456')
    expect(rows[0]?.textContent).not.toContain('WVWZZZ')
    expect(rows[3]?.textContent).toContain('3.20 revenue (V2G)')
    expect(rows[3]?.textContent).toContain('20 % → 80 %')
  })

  it('shows a session’s details and its max / avg power when its start time is chosen', async () => {
    const app = renderApp({ fetchHistory: () => ok(live()) })
    await act(() => app.store.getState().openHistory(DEVICE))
    const rows = within(await screen.findByRole('table')).getAllByRole('row')
    await app.user.click(within(rows[4]!).getByRole('button'))
    const detail = screen.getByRole('region', { name: /Session rec_ok_2 · connector 2/ })
    expect(detail?.textContent).toContain('1 h 35 min')
    expect(detail?.textContent).toContain('Max power22.4 kW')
    expect(detail?.textContent).toContain('Average power10.8 kW')
    expect(detail?.textContent).toContain('…123456')
  })

  it('opens the kept history offline with the offline banner and the reason', async () => {
    const fetchedAt = new Date(END - 2 * HOUR - 14 * 60_000).toISOString()
    const offline: HistoryFetch = { source: 'offline', history: history(RECORDS, { fetchedAt }), error: { kind: 'network', message: 'Cannot reach 127.0.0.1:4010.', action: 'Check the network.' } }
    const app = renderApp({ fetchHistory: () => ok(offline) })
    await act(() => app.store.getState().openHistory(DEVICE))
    expect(await screen.findByText(/Offline copy of the history from 2 h 14 min ago/)).toBeTruthy()
    expect(screen.getByText(/Cannot reach 127\.0\.0\.1:4010\./)).toBeTruthy()
    expect(within(screen.getByRole('table')).getAllByRole('row')).toHaveLength(5)
  })

  it('shows a loading state, then the error with a retry when nothing is kept', async () => {
    const answer = deferred<Result<HistoryFetch>>()
    const app = renderApp({ fetchHistory: () => answer.promise })
    const opening = app.store.getState().openHistory(DEVICE)
    expect(await screen.findByText(/Fetching charging records for the last 30 days/)).toBeTruthy()
    await act(async () => {
      answer.resolve(fail({ kind: 'network', message: 'Cannot reach the API.' }))
      await opening
    })
    expect(screen.getByRole('alert')?.textContent).toContain('Cannot reach the API.')
    app.fake.handlers.fetchHistory = () => ok(live())
    await app.user.click(screen.getByRole('button', { name: /try again/i }))
    await waitFor(() => expect(screen.getByRole('table')).toBeTruthy())
  })

  it('fetches another range when it is chosen', async () => {
    const app = renderApp({ fetchHistory: () => ok(live()) })
    await act(() => app.store.getState().openHistory(DEVICE))
    await app.user.selectOptions(screen.getByLabelText('Range'), 'last 7 days')
    await waitFor(() => expect(app.fake.callsOf('fetchHistory').at(-1)).toEqual({ deviceId: DEVICE, days: 7 }))
  })

  it('says so when the range has no session', async () => {
    const app = renderApp({ fetchHistory: () => ok(live(history([]))) })
    await act(() => app.store.getState().openHistory(DEVICE))
    expect(screen.getByRole('heading', { name: 'No charging session in the last 30 days' })).toBeTruthy()
  })

  it('compares two snapshots picked on the timeline (with the keyboard too)', async () => {
    const app = renderApp({ fetchHistory: () => ok(live()), getTimeline: () => ok(TIMELINE), getSnapshot: () => fail({ kind: 'storage', message: 'gone' }) })
    await act(() => app.store.getState().openHistory(DEVICE))
    const compare = screen.getByRole('button', { name: 'Compare picked' })
    expect((compare as HTMLButtonElement).disabled).toBe(true)
    const points = screen.getAllByRole('button', { name: /^Snapshot of / })
    expect(points).toHaveLength(3)
    await app.user.click(points[2]!)
    points[0]!.focus()
    await app.user.keyboard('{Enter}')
    expect(points[0]?.getAttribute('aria-pressed')).toBe('true')
    await app.user.click(compare)
    await waitFor(() => expect(app.store.getState().view).toBe('compare'))
    expect(app.fake.callsOf('getSnapshot').map((a) => a.id).sort()).toEqual(['s-1', 's-3'])
  })

  it('puts the device’s recordings of test charges on the same time axis', async () => {
    const recording = { id: `${DEVICE}~1`, deviceId: DEVICE, profileName: 'Demo fleet', startedAt: new Date(END - 90 * 60_000).toISOString(), endedAt: new Date(END - 60 * 60_000).toISOString(), end: 'stopped' as const, frames: 360, damagedLines: 0 }
    const app = renderApp({ fetchHistory: () => ok(live()), getTimeline: () => ok(TIMELINE), listRecordings: () => ok([recording]) })
    await act(() => app.store.getState().openHistory(DEVICE))
    const timeline = screen.getByRole('region', { name: 'Timeline: 3 snapshots, 1 recording' })
    expect(within(timeline).getByText(/Recording .* · 360 frames/)).toBeTruthy()
    expect(app.fake.callsOf('listRecordings')).toEqual([{ deviceId: DEVICE }])
  })

  it('is reachable from the navigation with a designed empty state before any charger is chosen', async () => {
    const app = renderApp()
    await app.user.click(screen.getByRole('button', { name: 'History' }))
    expect(screen.getByRole('heading', { name: 'No charger chosen' })).toBeTruthy()
  })
})
