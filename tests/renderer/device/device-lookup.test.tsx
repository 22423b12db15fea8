import { cleanup, screen, within } from '@testing-library/react'
import { afterEach, describe, expect, it, vi } from 'vitest'
import { ok } from '@common/errors'
import { DeviceSchema } from '@common/tellus/schemas'
import { deviceData, liveFetch } from '../support/fixtures'
import { renderApp } from '../support/render-app'

afterEach(cleanup)

const lookupInput = () => screen.getByRole('textbox', { name: 'Device id' })

describe('device lookup', () => {
  it('shows a live lookup from the device main parsed, without parsing the payload again', async () => {
    const fetched = liveFetch(deviceData())
    const parses = vi.spyOn(DeviceSchema, 'safeParse')
    try {
      const { user } = renderApp({ fetchDevice: () => ok(fetched) })
      await user.type(lookupInput(), 'dvc_a1b2c3d4e5f6{Enter}')
      await screen.findByRole('region', { name: /Charger dvc_a1b2c3d4e5f6/ })
      expect(screen.getByRole('region', { name: 'Device details' }).textContent).toContain('TP180-2303-00457')
      expect(parses).not.toHaveBeenCalled()
    } finally {
      parses.mockRestore()
    }
  })

  it('explains an invalid id inline, links it to the field and does not fetch', async () => {
    const { user, fake } = renderApp()
    await user.type(lookupInput(), '../oauth/token{Enter}')

    const message = await screen.findByRole('alert')
    expect(message.textContent).toContain('"." cannot be part of a device id')
    expect(lookupInput().getAttribute('aria-invalid')).toBe('true')
    expect(lookupInput().getAttribute('aria-describedby')?.split(' ')).toContain(message.id)
    expect(fake.callsOf('fetchDevice')).toEqual([])

    await user.type(lookupInput(), 'x')
    expect(screen.queryByRole('alert')).toBeNull()
    expect(lookupInput().getAttribute('aria-invalid')).toBe('false')
  })

  it.each([
    ['DVC_A1B2C3D4E5F6', 'made lower-case'],
    ['a1b2c3d4e5f6', 'added the dvc_ prefix'],
    ['Charger dvc_a1b2c3d4e5f6, bay 3: E12', 'took the id from the pasted text'],
  ])('normalises %j, fetches dvc_a1b2c3d4e5f6 and says what it corrected', async (typed, correction) => {
    const { user, fake } = renderApp({
      fetchDevice: ({ deviceId }) => ok(liveFetch(deviceData({ device_id: deviceId }))),
    })
    await user.type(lookupInput(), `${typed}{Enter}`)
    await screen.findByRole('region', { name: /Charger dvc_a1b2c3d4e5f6/ })
    expect(fake.callsOf('fetchDevice')).toEqual([{ deviceId: 'dvc_a1b2c3d4e5f6' }])
    expect((lookupInput() as HTMLInputElement).value).toBe('dvc_a1b2c3d4e5f6')
    const note = screen.getByText(/^Looked up dvc_a1b2c3d4e5f6:/)
    expect(note.textContent).toContain(correction)
    expect(lookupInput().getAttribute('aria-invalid')).toBe('false')
  })

  it.each([
    ['dvc_a1b2c3d4e5fO', ['dvc_a1b2c3d4e5f0'], /Did you mean dvc_a1b2c3d4e5f0\?/],
    ['visit dvc_a1b2c3d4e5f6 then dvc_3f9a1c7e5b20', ['dvc_a1b2c3d4e5f6', 'dvc_3f9a1c7e5b20'], /holds 2 device ids: choose one/],
  ])('answers %j with a suggestion and fetches only the id chosen', async (typed, candidates, message) => {
    const { user, fake } = renderApp({
      fetchDevice: ({ deviceId }) => ok(liveFetch(deviceData({ device_id: deviceId }))),
    })
    await user.type(lookupInput(), `${typed}{Enter}`)
    const suggestion = await screen.findByRole('alert')
    expect(suggestion.textContent).toMatch(message)
    expect(fake.callsOf('fetchDevice')).toEqual([])
    const buttons = within(suggestion).getAllByRole('button')
    expect(buttons.map((b) => b.textContent)).toEqual(candidates.map((id) => `Look up ${id}`))
    await user.click(buttons[buttons.length - 1]!)
    const chosen = candidates[candidates.length - 1]!
    expect(fake.callsOf('fetchDevice')).toEqual([{ deviceId: chosen }])
    expect((lookupInput() as HTMLInputElement).value).toBe(chosen)
    expect(screen.queryByRole('alert')).toBeNull()
  })

  it('asks for an id when Enter is pressed on an empty field', async () => {
    const { user, fake } = renderApp()
    await user.type(lookupInput(), '   {Enter}')
    expect((await screen.findByRole('alert')).textContent).toContain('Type a device id')
    expect(fake.callsOf('fetchDevice')).toEqual([])
  })

  it('fetches the trimmed id on Enter and shows header, firmware, connectors and findings', async () => {
    const { user, fake } = renderApp({
      fetchDevice: ({ deviceId }) => ok(liveFetch(deviceData({ device_id: deviceId }))),
    })
    await user.type(lookupInput(), '  dvc_a1b2c3d4e5f6  {Enter}')

    const verdict = await screen.findByRole('region', { name: /Charger dvc_a1b2c3d4e5f6/ })
    expect(fake.callsOf('fetchDevice')).toEqual([{ deviceId: 'dvc_a1b2c3d4e5f6' }])
    expect(within(verdict).getByText('Online')).toBeTruthy()
    expect(within(verdict).getByText('Needs attention')).toBeTruthy()
    const header = screen.getByRole('region', { name: 'Device details' })
    expect(header.textContent).toContain('TP180-2303-00457')
    expect(header.textContent).toContain('TP-DC180')
    expect(header.textContent).toContain('Tellus Power')
    expect(header.textContent).toContain('site_001')

    const firmware = screen.getByRole('region', { name: 'Firmware' })
    expect(firmware.textContent).toContain('3.0.1')
    expect(within(firmware).getByText('Behind (latest 3.1.0)')).toBeTruthy()
    expect(firmware.textContent).toContain('F-0421')

    const one = screen.getByRole('article', { name: 'Connector 1' })
    expect(within(one).getByText('Charging')).toBeTruthy()
    expect(one.textContent).toContain('120.4')
    expect(one.textContent).toContain('302.5')
    expect(one.textContent).toContain('18.25')
    const two = screen.getByRole('article', { name: 'Connector 2' })
    expect(within(two).getByText('Idle')).toBeTruthy()
    expect(two.textContent).toContain('82.0')
    // The 82 °C connector of a DC charger is over the 75 °C warning level: marked on the reading, the finding in Diagnostics.
    expect(two.querySelector('.reading-abnormal .reading-mark')?.textContent).toBe('Warning: over 75 °C warning')
    expect(two.querySelector('.finding')).toBeNull()
    const diagnostics = screen.getByRole('region', { name: 'Diagnostics' })
    expect(diagnostics.textContent).toContain('Connector 2')
    expect(diagnostics.textContent).toMatch(/82\.0 °C/)
  })
})

describe('lookup shortcut', () => {
  it('focuses the lookup with Ctrl+K and with "/" when not typing', async () => {
    const { user } = renderApp()
    const hint = document.getElementById(lookupInput().getAttribute('aria-describedby') ?? '')
    expect(hint?.textContent).toContain('Ctrl+K or /')
    document.body.focus()
    await user.keyboard('{Control>}k{/Control}')
    expect(document.activeElement).toBe(lookupInput())

    await user.click(screen.getByRole('button', { name: 'Sunlight' }))
    await user.keyboard('/')
    expect(document.activeElement).toBe(lookupInput())
    expect((lookupInput() as HTMLInputElement).value).toBe('')
  })

  it('leaves "/" alone while typing in a field', async () => {
    const { user } = renderApp()
    await user.click(lookupInput())
    await user.keyboard('dvc/')
    expect((lookupInput() as HTMLInputElement).value).toBe('dvc/')
  })

  it('switches to the device view from another view', async () => {
    const { user } = renderApp()
    await user.click(screen.getByRole('button', { name: 'Fault dictionary' }))
    expect(screen.queryByRole('textbox', { name: 'Device id' })).toBeNull()
    await user.keyboard('{Control>}k{/Control}')
    expect(document.activeElement).toBe(lookupInput())
    // Nothing looked up yet: the device view shows the start screen, which the navigation calls Home.
    expect(screen.getByRole('button', { name: 'Home' }).getAttribute('aria-current')).toBe('page')
  })
})
