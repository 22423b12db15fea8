import { cleanup, screen, within } from '@testing-library/react'
import { afterEach, describe, expect, it } from 'vitest'
import { renderApp } from '../support/render-app'

afterEach(cleanup)

/** Opens the fault dictionary view. */
async function openFaults() {
  const rendered = renderApp()
  await rendered.user.click(screen.getByRole('button', { name: 'Fault dictionary' }))
  await screen.findByRole('heading', { level: 1, name: 'Fault dictionary' })
  return rendered
}

const entryCodes = () => screen.queryAllByRole('article').map((a) => a.querySelector('.fault-code')?.textContent)

describe('fault dictionary view', () => {
  it('lists all 12 codes with meaning, likely causes and on-site checks', async () => {
    await openFaults()
    expect(entryCodes()).toEqual(['F-0101', 'F-0203', 'F-0204', 'F-0301', 'F-0302', 'F-0411', 'F-0421', 'F-0512', 'F-0601', 'F-0701', 'F-0702', 'F-0805'])
    const weld = screen.getByRole('article', { name: /F-0101 Contactor weld detected/ })
    expect(within(weld).getByRole('heading', { name: 'Likely causes' })).toBeTruthy()
    expect(within(weld).getByRole('heading', { name: 'Checks on site' })).toBeTruthy()
    expect(weld.textContent).toContain('1 MΩ')
    expect(within(weld).getByText('Error')).toBeTruthy()
  })

  it('filters as the technician types, and says how many match', async () => {
    const { user } = await openFaults()
    const search = screen.getByRole('searchbox', { name: 'Search faults' })
    await user.type(search, '0421')
    expect(entryCodes()).toEqual(['F-0421'])
    expect(screen.getByText('1 of 12 codes match “0421”.')).toBeTruthy()

    await user.clear(search)
    await user.type(search, 'temperature')
    expect(entryCodes()).toEqual(expect.arrayContaining(['F-0203', 'F-0204']))
    expect(entryCodes().length).toBeLessThan(12)

    await user.clear(search)
    await user.type(search, 'zzzz')
    expect(entryCodes()).toEqual([])
    expect(screen.getByRole('heading', { name: 'No fault matches' })).toBeTruthy()

    await user.click(screen.getByRole('button', { name: 'Show all' }))
    expect(entryCodes()).toHaveLength(12)
  })
})
