import { act, cleanup, render } from '@testing-library/react'
import { Profiler } from 'react'
import { afterEach, beforeEach, describe, expect, it, vi } from 'vitest'
import { Age, AgeText } from '@renderer/components/age'

const SECOND = 1000
const MINUTE = 60 * SECOND

beforeEach(() => {
  vi.useFakeTimers({ now: Date.parse('2026-05-01T12:00:00Z'), toFake: ['setInterval', 'clearInterval', 'Date'] })
})
afterEach(() => {
  cleanup()
  vi.useRealTimers()
})

/** Counts the writes to an element's text from now on. */
function countTextWrites(element: Element): { readonly count: number } {
  const text = Object.getOwnPropertyDescriptor(Node.prototype, 'textContent')!
  const counter = { count: 0 }
  Object.defineProperty(element, 'textContent', {
    configurable: true,
    get: () => text.get!.call(element),
    set: (value: string) => {
      counter.count++
      text.set!.call(element, value)
    },
  })
  return counter
}

const tick = (ms: number) => act(() => void vi.advanceTimersByTime(ms))
const timeText = () => document.querySelector('time')?.textContent
const staleMark = () => document.querySelector('.age-stale-mark')?.textContent

describe('an age on screen', () => {
  it('counts seconds under a minute, then shows whole minutes', () => {
    render(<Age at={Date.now() - 58 * SECOND} />)
    expect(timeText()).toBe('58 s ago')
    tick(SECOND)
    expect(timeText()).toBe('59 s ago')
    tick(SECOND)
    expect(timeText()).toBe('1 min ago')
    tick(59 * SECOND)
    expect(timeText()).toBe('1 min ago')
    tick(SECOND)
    expect(timeText()).toBe('2 min ago')
  })

  it('turns from 59 min to 1 h at the hour', () => {
    render(<Age at={Date.now() - (59 * MINUTE + 59 * SECOND)} />)
    expect(timeText()).toBe('59 min ago')
    tick(SECOND)
    expect(timeText()).toBe('1 h ago')
  })

  it('writes its text only when the text changes: once a minute past the first minute', () => {
    render(<Age at={Date.now() - 5 * MINUTE} />)
    const writes = countTextWrites(document.querySelector('time')!)
    tick(59 * SECOND)
    expect(writes.count).toBe(0)
    expect(timeText()).toBe('5 min ago')
    tick(SECOND)
    expect(writes.count).toBe(1)
    expect(timeText()).toBe('6 min ago')
  })

  it('flips its stale mark at the limit even while its text stays the same', () => {
    render(<Age at={Date.now() - 5 * MINUTE} staleAfterMs={5 * MINUTE + 30 * SECOND} />)
    tick(30 * SECOND)
    expect(staleMark()).toBe('')
    tick(SECOND)
    expect(staleMark()).toBe('stale')
    expect(document.querySelector('.age')?.classList.contains('age-stale')).toBe(true)
    expect(timeText()).toBe('5 min ago')
  })
})

describe('an age in a sentence (AgeText)', () => {
  it('re-renders only when its text changes', () => {
    let renders = 0
    const { container } = render(
      <Profiler id="age" onRender={() => void renders++}>
        <AgeText at={Date.now() - 5 * MINUTE} />
      </Profiler>,
    )
    const first = renders
    tick(59 * SECOND)
    expect(renders).toBe(first)
    expect(container.textContent).toBe('5 min ago')
    tick(SECOND)
    expect(renders).toBe(first + 1)
    expect(container.textContent).toBe('6 min ago')
  })
})
