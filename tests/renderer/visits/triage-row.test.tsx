/** A charger comes off the visit's work list from its row, after a confirmation (issue 17). */
import { cleanup, render, screen } from '@testing-library/react'
import userEvent from '@testing-library/user-event'
import { afterEach, expect, it, vi } from 'vitest'
import type { TriageRow } from '@common/visits/visit-types'
import { TriageRowView } from '@renderer/views/visits/triage-row'

afterEach(cleanup)

const row: TriageRow = {
  deviceId: 'dvc_8b2e4d6f1a93',
  snapshotId: null,
  fetchedAt: null,
  siteId: null,
  model: null,
  status: null,
  worst: null,
  problem: 'No offline copy yet: prepare the visit while online.',
  findingCount: 0,
  beforeSnapshotId: null,
  afterSnapshotId: null,
  failed: false,
  history: null,
}

it('asks before taking a charger off the work list, and can be kept', async () => {
  const onRemove = vi.fn()
  const user = userEvent.setup()
  render(<TriageRowView row={row} active onOpen={vi.fn()} onCompare={vi.fn()} onRunbook={vi.fn()} onFocus={vi.fn()} onRemove={onRemove} />)
  await user.click(screen.getByRole('button', { name: 'Remove dvc_8b2e4d6f1a93 from the work list' }))
  expect(onRemove).not.toHaveBeenCalled()
  expect(screen.getByText('Its snapshots stay on this laptop.')).toBeTruthy()
  await user.click(screen.getByRole('button', { name: 'Keep' }))
  expect(screen.queryByText('Its snapshots stay on this laptop.')).toBeNull()
  await user.click(screen.getByRole('button', { name: 'Remove dvc_8b2e4d6f1a93 from the work list' }))
  await user.click(screen.getByRole('button', { name: 'Yes, remove dvc_8b2e4d6f1a93' }))
  expect(onRemove).toHaveBeenCalledTimes(1)
})
