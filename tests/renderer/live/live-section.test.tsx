import { act, cleanup, render, screen } from '@testing-library/react'
import { Profiler } from 'react'
import { afterEach, describe, expect, it, vi } from 'vitest'
import type { StreamStatus } from '@common/live/stream-status'
import { NOT_WATCHING } from '@common/live/stream-status'
import { createAppStore } from '@renderer/store/create-app-store'
import { StoreProvider } from '@renderer/store/store-context'
import { LiveSection } from '@renderer/views/device/live/live-section'
import { StreamStatusLine } from '@renderer/views/device/live/stream-status-line'
import { createFakeApi } from '../support/fake-api'

const DEVICE = 'dvc_a1b2c3d4e5f6'
const status = (connection: StreamStatus['connection'], extra: Partial<StreamStatus> = {}): StreamStatus => ({ ...NOT_WATCHING, deviceIds: [DEVICE], connection, ...extra })

afterEach(cleanup)

describe('StreamStatusLine', () => {
  it.each([
    [status({ state: 'connecting', attempt: 0 }), 'connecting', /Connecting to the live stream/],
    [status({ state: 'live', since: Date.now() }), 'live', /Live\s*waiting for the first frame/],
    [status({ state: 'reconnecting', attempt: 2, nextAttemptAt: new Date(2026, 4, 1, 14, 32, 5).getTime(), reason: 'the connection dropped (1006)' }), 'reconnecting', /Reconnecting\s*the connection dropped \(1006\); next try at 14:32:05 \(attempt 3\)/],
    [status({ state: 'stopped', reason: 'window-hidden' }), 'stopped', /Paused: the window was hidden for over a minute/],
    [status({ state: 'unavailable', message: 'h offers no telemetry stream for this charger (404).', action: 'Refresh to read the latest values.' }), 'unavailable', /Live values not available for this profile\s*h offers no telemetry stream/],
  ])('shows state %#: %s as icon and text', (value, state, text) => {
    const { container } = render(<StreamStatusLine status={value} />)
    const line = screen.getByRole('status')
    expect(line.dataset.state).toBe(state)
    expect(line.textContent).toMatch(text)
    expect(container.querySelector('svg')).not.toBeNull()
  })

  it('stays still while reconnecting: the next try is a time of day, not a countdown re-rendered each second', () => {
    vi.useFakeTimers({ toFake: ['setInterval', 'clearInterval', 'Date'] })
    try {
      let renders = 0
      const reconnecting = status({ state: 'reconnecting', attempt: 0, nextAttemptAt: Date.now() + 20_000, reason: 'the connection dropped (1006)' })
      render(
        <Profiler id="line" onRender={() => void renders++}>
          <StreamStatusLine status={reconnecting} />
        </Profiler>,
      )
      const first = renders
      act(() => void vi.advanceTimersByTime(10_000))
      expect(renders).toBe(first)
    } finally {
      vi.useRealTimers()
    }
  })

  it('counts dropped malformed frames', () => {
    render(<StreamStatusLine status={status({ state: 'live', since: 1 }, { malformedFrames: 2 })} lastFrameAt={Date.now() - 3000} />)
    expect(screen.getByRole('status').textContent).toMatch(/last frame [234] s ago.*2 malformed frames dropped/)
  })
})

describe('LiveSection with the store', () => {
  it('watches through the store, shows charts per connector once frames arrive, and records only while live', async () => {
    const fake = createFakeApi()
    const store = createAppStore(fake.api)
    const view = render(
      <StoreProvider store={store}>
        <LiveSection deviceId={DEVICE} live={undefined} />
      </StoreProvider>,
    )
    expect(screen.getByText(/appear here with the first frame/)).toBeTruthy()
    expect((screen.getByRole('button', { name: 'Record test charge' }) as HTMLButtonElement).disabled).toBe(true)
    act(() => {
      fake.emit('live:status', status({ state: 'live', since: Date.now() }))
      fake.emit('live:frame', { receivedAt: Date.now(), frame: { device_id: DEVICE, timestamp: new Date().toISOString(), connectors: [{ connector_id: 1, state: 'charging', power: 6.9, soc: 58 }, { connector_id: 2, state: 'idle', power: 0 }] } })
    })
    const live = store.getState().liveDevices[DEVICE]
    expect(live?.series[1]).toMatchObject({ power: [6.9], soc: [58] })
    expect(live?.states[1]).toMatchObject({ state: 'charging', sinceKnown: false })
    view.rerender(
      <StoreProvider store={store}>
        <LiveSection deviceId={DEVICE} live={live} />
      </StoreProvider>,
    )
    expect(screen.getAllByRole('img').map((chart) => chart.getAttribute('aria-label'))).toEqual([
      'Connector 1: power (kW) and state of charge (%) over time',
      'Connector 2: power (kW) and state of charge (%) over time',
    ])
    expect((screen.getByRole('button', { name: 'Record test charge' }) as HTMLButtonElement).disabled).toBe(false)
  })
})
