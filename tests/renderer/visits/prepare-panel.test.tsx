/**
 * Prepare for offline with the charging history (opt-in): the choice and its cost in reads, the
 * choice sent with the run, progress that counts both kinds of read, the time left saying what
 * it covers, a stopped run resumed with the visit's own choice, and the board's history mark.
 */
import { act, cleanup, render, screen } from '@testing-library/react'
import userEvent from '@testing-library/user-event'
import { afterEach, describe, expect, it } from 'vitest'
import { fail, ok } from '@common/errors'
import type { PrepareProgress, TriageBoard, TriageRow } from '@common/visits/visit-types'
import { createAppStore } from '@renderer/store/create-app-store'
import { StoreProvider } from '@renderer/store/store-context'
import { PreparePanel } from '@renderer/views/visits/prepare-panel'
import { TriageRowView } from '@renderer/views/visits/triage-row'
import { createFakeApi } from '../support/fake-api'
import { triageRow } from '../support/fixtures'

afterEach(cleanup)

const VISIT_ID = 'v-20260501073000-abcdef'
const BOARD: TriageBoard = {
  visit: { id: VISIT_ID, name: 'WO-1', site: '', notes: '', createdAt: '2026-05-01T07:30:00Z', updatedAt: '2026-05-01T07:30:00Z', archived: false, devices: [] },
  rows: [],
}
const progress = (extra: Partial<PrepareProgress>): PrepareProgress => ({
  visitId: VISIT_ID,
  status: 'running',
  total: 3,
  done: 0,
  failed: 0,
  waiting: 3,
  currentDeviceId: null,
  currentStep: null,
  withHistory: false,
  history: null,
  readsLeft: 3,
  etaMs: null,
  ...extra,
})

async function renderPanel(initial: PrepareProgress | null) {
  const fake = createFakeApi({
    getVisitBoard: () => ok(BOARD),
    getPrepareProgress: () => (initial ? ok(initial) : fail({ kind: 'internal', message: 'none yet' })),
    prepareVisit: ({ withHistory }) => ok(progress({ withHistory: withHistory ?? false, history: withHistory ? { done: 0, failed: 0, waiting: 3 } : null, readsLeft: withHistory ? 6 : 3, etaMs: 0 })),
  })
  const store = createAppStore(fake.api)
  await store.getState().openVisit(VISIT_ID)
  const user = userEvent.setup()
  render(
    <StoreProvider store={store}>
      <PreparePanel visitId={VISIT_ID} deviceCount={3} />
    </StoreProvider>,
  )
  return { fake, user }
}

const choice = () => screen.getByRole('checkbox', { name: 'Also fetch charging history (3 more reads at least, one per 100 sessions of the last 30 days)' }) as HTMLInputElement

describe('prepare with charging history', () => {
  it('is off until ticked, says what it costs, and is sent with the run', async () => {
    const { fake, user } = await renderPanel(null)
    expect(choice().checked).toBe(false)
    await user.click(choice())
    expect(screen.getByText(/With the charging history, at least twice the reads, so at least twice the time\./)).toBeTruthy()
    await user.click(screen.getByRole('button', { name: 'Prepare for offline' }))
    expect(fake.callsOf('prepareVisit')).toEqual([{ id: VISIT_ID, scope: 'all', withHistory: true }])
  })

  it('counts both kinds of read, names the history being fetched, and says what the time left covers', async () => {
    const { fake } = await renderPanel(null)
    act(() =>
      fake.emit(
        'visits:prepare-progress',
        progress({ done: 1, waiting: 2, withHistory: true, history: { done: 0, failed: 0, waiting: 3 }, currentDeviceId: 'dvc_8b2e4d6f1a93', currentStep: 'history', readsLeft: 5, etaMs: 125_000 }),
      ),
    )
    expect(screen.getByRole('progressbar', { name: 'Preparation' }).getAttribute('aria-valuetext')).toBe('1 done, 0 failed, 2 waiting of 3; history 0 kept, 0 failed, 3 waiting')
    expect(screen.getByRole('progressbar').getAttribute('aria-valuemax')).toBe('6')
    expect(screen.getByText('History: 0 kept, 0 failed, 3 waiting')).toBeTruthy()
    expect(screen.getByRole('status').textContent).toMatch(/^Fetching the charging history of dvc_8b2e4d6f1a93 about 2 min \d+ s left \(5 reads, histories included, at the API's pace\)$/)
    expect(choice().disabled).toBe(true)
  })

  it('a run stopped with history resumes with it: the visit keeps the choice', async () => {
    const stopped = progress({ status: 'interrupted', done: 2, waiting: 1, withHistory: true, history: { done: 1, failed: 0, waiting: 2 }, reason: 'Stopped at the charging history of dvc_8b2e4d6f1a93: no network.' })
    const { fake, user } = await renderPanel(stopped)
    expect(choice().checked).toBe(true)
    expect(screen.getByRole('status').textContent).toBe('Stopped: 1 charger and 2 charging histories still to fetch. ')
    await user.click(screen.getByRole('button', { name: 'Resume (3 to fetch)' }))
    expect(fake.callsOf('prepareVisit')).toEqual([{ id: VISIT_ID, scope: 'remaining', withHistory: true }])
  })

  it('says when every history is kept, or how many are not', async () => {
    await renderPanel(progress({ status: 'finished', done: 3, waiting: 0, withHistory: true, history: { done: 2, failed: 1, waiting: 0 } }))
    expect(screen.getByRole('status').textContent?.trim()).toBe('Prepared: every charger is ready offline. 1 charging history could not be kept (see the board).')
  })
})

describe('the board marks the charging history', () => {
  const noop = () => undefined
  const show = (history: TriageRow['history']) =>
    render(<TriageRowView row={triageRow('dvc_8b2e4d6f1a93', { history })} active onOpen={noop} onCompare={noop} onRunbook={noop} onFocus={noop} onRemove={noop} />).container.querySelector('.triage-history')!

  it.each([
    [{ state: 'kept', fetchedAt: '2026-05-01T07:31:00Z', records: 47 } as const, 'History: 47 sessions kept offline'],
    [{ state: 'failed', reason: 'The Tellus API took too long to answer.' } as const, 'No history: not kept: The Tellus API took too long to answer.'],
    [null, ''],
  ])('%j', (history, text) => {
    expect(show(history).textContent).toBe(text)
  })
})
