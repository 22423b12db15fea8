import { cleanup, render, screen } from '@testing-library/react'
import { afterEach, describe, expect, it } from 'vitest'
import { ErrorPanel } from '@renderer/components/error-panel'

afterEach(cleanup)

describe('error panel', () => {
  it('shows the Tellus code and HTTP status for support, and no internal error kind', () => {
    render(<ErrorPanel error={{ kind: 'network', message: 'Could not reach Tellus.' }} />)
    expect(screen.getByRole('alert').textContent).not.toContain('kind')
    cleanup()
    render(<ErrorPanel error={{ kind: 'api', code: 3001, status: 404, message: 'Not found.' }} />)
    expect(screen.getByRole('alert').textContent).toContain('Tellus code 3001 · HTTP 404')
    expect(screen.getByRole('alert').textContent).not.toContain('kind')
  })
})
