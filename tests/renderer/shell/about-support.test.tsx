/**
 * Issue 11 defect 8 (About): "Copy diagnostics" puts main's diagnostics report on the clipboard
 * through the clipboard channel, "Open logs folder" asks main to open it, and both say what happened.
 */
import { cleanup, screen, within } from '@testing-library/react'
import { afterEach, describe, expect, it } from 'vitest'
import { fail } from '@common/errors'
import { renderApp } from '../support/render-app'

afterEach(cleanup)

async function openAbout() {
  const rendered = renderApp({ getDiagnostics: () => ({ ok: true, value: 'Tellus Field diagnostics\nVersion: 0.0.0-test\n' }) })
  await rendered.user.click(screen.getByRole('button', { name: 'About' }))
  await screen.findByTestId('app-info')
  return rendered
}

describe('About: support actions', () => {
  it('shows where the log files are', async () => {
    await openAbout()
    expect(screen.getByTestId('app-info').textContent).toContain('/tmp/user-data/logs')
  })

  it('copies the diagnostics report through the clipboard channel and says so', async () => {
    const { user, fake } = await openAbout()
    await user.click(screen.getByRole('button', { name: 'Copy diagnostics' }))
    expect(fake.callsOf('writeClipboard')).toEqual([{ text: 'Tellus Field diagnostics\nVersion: 0.0.0-test\n' }])
    const support = screen.getByRole('region', { name: 'Support' })
    expect(within(support).getByRole('status').textContent).toBe('Copied the diagnostics to the clipboard.')
  })

  it('opens the logs folder, and reports when that fails with what to do instead', async () => {
    const { user, fake } = await openAbout()
    await user.click(screen.getByRole('button', { name: 'Open logs folder' }))
    expect(fake.callsOf('openLogsFolder')).toHaveLength(1)
    const status = within(screen.getByRole('region', { name: 'Support' })).getByRole('status')
    expect(status.textContent).toBe('Opened the logs folder.')
    fake.handlers.openLogsFolder = () => fail({ kind: 'storage', message: 'The logs folder could not be opened: no file manager.', action: 'Open /tmp/user-data/logs in your file manager.' })
    await user.click(screen.getByRole('button', { name: 'Open logs folder' }))
    expect(status.textContent).toBe('The logs folder could not be opened: no file manager. Open /tmp/user-data/logs in your file manager.')
  })
})
