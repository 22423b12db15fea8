import { cleanup, screen } from '@testing-library/react'
import { afterEach, expect, it } from 'vitest'
import { ok } from '@common/errors'
import { ExportButtons } from '@renderer/views/snapshots/export-buttons'
import { createFakeApi } from '../support/fake-api'
import { renderView } from './support/render-view'

afterEach(cleanup)

it('exports one snapshot as JSON or an HTML report and says where it went', async () => {
  const fake = createFakeApi({ exportSnapshots: ({ format }) => ok({ saved: true, path: `/home/tech/dvc.${format}` }) })
  const { user } = renderView(<ExportButtons ids={['s1']} />, fake)
  await user.click(screen.getByRole('button', { name: 'Export snapshot as JSON' }))
  expect(fake.callsOf('exportSnapshots')).toEqual([{ ids: ['s1'], format: 'json' }])
  expect((await screen.findByRole('status')).textContent).toBe('Saved to /home/tech/dvc.json')
  await user.click(screen.getByRole('button', { name: 'Export snapshot as HTML report' }))
  expect(fake.callsOf('exportSnapshots').at(-1)).toEqual({ ids: ['s1'], format: 'html' })
  expect((await screen.findByText(/Saved to/)).textContent).toBe('Saved to /home/tech/dvc.html')
})
