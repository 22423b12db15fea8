import { describe, expect, it } from 'vitest'
import html from '../../../renderer/index.html?raw'

const root = new DOMParser().parseFromString(html, 'text/html').getElementById('root')

describe("index.html's starting frame (issue 19: first paint before the app's script has run)", () => {
  it('paints the header with the app name and a busy main area', () => {
    const frame = root?.querySelector(':scope > .app.app-starting')
    expect(frame?.getAttribute('aria-busy')).toBe('true')
    expect(frame?.querySelector('.app-header .app-name')?.textContent).toBe('Tellus Field')
    expect(frame?.querySelector('main')?.textContent).toMatch(/Starting/)
  })

  it("needs no inline style or script (the CSP forbids both): the app header's own classes draw it", () => {
    expect(root?.querySelectorAll('[style], script, style')).toHaveLength(0)
    expect(root?.querySelector('header')?.className).toBe('app-header')
  })
})
