/** The work-order report form: required fields, paper size, and every outcome said in words. */
import { cleanup, screen } from '@testing-library/react'
import { afterEach, describe, expect, it } from 'vitest'
import { appError, fail, ok } from '@common/errors'
import { ReportPanel } from '@renderer/views/reports/report-panel'
import { createFakeApi } from '../support/fake-api'
import { renderView } from '../snapshots/support/render-view'

afterEach(cleanup)

const VISIT = { kind: 'visit', visitId: 'v-20261202070000-abcdef' } as const
const noop = () => undefined

describe('ReportPanel', () => {
  it('starts from the remembered fields, focuses the first, and saves on the chosen paper', async () => {
    const fake = createFakeApi({ exportReport: () => ok({ saved: true, paths: { pdf: '/home/tech/WO-1.pdf', html: '/home/tech/WO-1.html', json: '/home/tech/WO-1.json' } }) })
    const { user } = renderView(<ReportPanel scope={VISIT} subject="Depot North" initialFields={{ technician: 'Ada', workOrder: 'WO-1' }} onClose={noop} />, fake)
    expect(screen.getByRole('heading', { name: 'Work-order report: Depot North' })).toBeTruthy()
    expect(document.activeElement).toBe(screen.getByLabelText('Technician'))
    expect((screen.getByLabelText('Work-order number') as HTMLInputElement).value).toBe('WO-1')
    await user.click(screen.getByRole('radio', { name: /Letter/ }))
    await user.click(screen.getByRole('button', { name: 'Save report' }))
    expect(fake.callsOf('exportReport')).toEqual([{ scope: VISIT, fields: { technician: 'Ada', workOrder: 'WO-1' }, pageSize: 'Letter' }])
    expect((await screen.findByText(/Saved/)).textContent).toBe('Saved /home/tech/WO-1.pdf, with the HTML and JSON beside it.')
  })

  it('asks for the technician and the work order before saving anything', async () => {
    const fake = createFakeApi()
    const { user } = renderView(<ReportPanel scope={VISIT} subject="Depot North" initialFields={null} onClose={noop} />, fake)
    await user.type(screen.getByLabelText('Technician'), '   ')
    await user.click(screen.getByRole('button', { name: 'Save report' }))
    expect(fake.callsOf('exportReport')).toEqual([])
    expect(screen.getByLabelText('Technician').getAttribute('aria-invalid')).toBe('true')
    expect(screen.getByText("Enter the technician's name: it is printed on the report.")).toBeTruthy()
    expect(screen.getByText('Enter the work-order number: it names the report.')).toBeTruthy()
  })

  it('says when the dialog was cancelled', async () => {
    const fake = createFakeApi({ exportReport: () => ok({ saved: false }) })
    const { user } = renderView(<ReportPanel scope={VISIT} subject="Depot North" initialFields={{ technician: 'Ada', workOrder: 'WO-1' }} onClose={noop} />, fake)
    await user.click(screen.getByRole('button', { name: 'Save report' }))
    expect(await screen.findByText('Report not saved: the save dialog was cancelled.')).toBeTruthy()
  })

  it('shows a full disk as an error with what to do, and saves again on Try again', async () => {
    let calls = 0
    const fake = createFakeApi({
      exportReport: () => {
        calls += 1
        return calls === 1
          ? fail(appError('storage', 'The disk is full: the report was not saved. Free some space on this laptop and try again.', { action: 'Delete files you no longer need (or old snapshots), then try again.' }))
          : ok({ saved: true, paths: { pdf: '/x.pdf', html: '/x.html', json: '/x.json' } })
      },
    })
    const { user } = renderView(<ReportPanel scope={VISIT} subject="Depot North" initialFields={{ technician: 'Ada', workOrder: 'WO-1' }} onClose={noop} />, fake)
    await user.click(screen.getByRole('button', { name: 'Save report' }))
    const alert = await screen.findByRole('alert')
    expect(alert.textContent).toContain('The disk is full: the report was not saved.')
    expect(alert.textContent).toContain('Delete files you no longer need')
    await user.click(screen.getByRole('button', { name: /Try again|Retry/ }))
    await screen.findByText(/Saved/)
    expect(screen.getByRole('status').textContent).toBe('Saved /x.pdf, with the HTML and JSON beside it.')
    expect(fake.callsOf('exportReport')).toHaveLength(2)
  })
})
