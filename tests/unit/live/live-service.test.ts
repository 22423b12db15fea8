import { afterEach, beforeEach, describe, expect, it } from 'vitest'
import { appError, fail, ok } from '@common/errors'
import type { EventName, IpcEvents } from '@common/ipc/contract'
import type { StreamStateName } from '@common/live/stream-status'
import { LiveService } from '@main/live/live-service'
import { RecordingStore } from '@main/recordings/recording-store'
import { startSimulator, type SimulatorHandle } from '@main/simulator/index'
import { TellusClient } from '@main/tellus/tellus-client'
import { tempRoot, unwrap } from '../../support/common-fixtures'

const AC = 'dvc_a1b2c3d4e5f6'
const DC = 'dvc_c47d19e2a6f8'

let sim: SimulatorHandle
let root: string
let cleanup: () => Promise<void>
let events: Array<{ event: EventName; payload: unknown }>
let live: LiveService
let profileAvailable: boolean

beforeEach(async () => {
  ;({ root, cleanup } = await tempRoot())
  sim = await startSimulator({ streamIntervalMs: 20 })
  events = []
  profileAvailable = true
  const access = unwrap(new TellusClient({ baseUrl: sim.baseUrl, ...sim.credentials }).streamAccess())
  live = new LiveService({
    recordings: new RecordingStore({ root, onChange: (summary) => events.push({ event: 'recordings:changed', payload: summary }) }),
    emit: <E extends EventName>(event: E, payload: IpcEvents[E]) => events.push({ event, payload }),
    hiddenStopAfterMs: 80,
    profileInUse: async () =>
      profileAvailable
        ? ok({ profileId: 'prof_1', profileName: 'Depot', access })
        : fail(appError('keychain', 'The client secret of "Depot" is not in the keychain.', { action: 'Enter it again in Profiles.' })),
  })
})
afterEach(async () => {
  await live.dispose()
  await sim.close()
  await cleanup()
})

const frames = () => events.filter((e) => e.event === 'live:frame').map((e) => e.payload as IpcEvents['live:frame'])
async function until(done: () => boolean, what: string): Promise<void> {
  const deadline = Date.now() + 5000
  while (!done()) {
    if (Date.now() > deadline) throw new Error(`timed out waiting for ${what}`)
    await new Promise((resolve) => setTimeout(resolve, 5))
  }
}
const stateIs = (state: StreamStateName) => () => live.status().connection.state === state

describe('LiveService', () => {
  it('streams the watched devices over one connection and stops when the last watch is released', async () => {
    await live.watch(AC)
    await live.watch(DC)
    await live.watch(AC) // a second watch (e.g. a visit) on the same device
    await until(() => new Set(frames().map((f) => f.frame.device_id)).size === 2, 'frames of both devices')
    expect(live.status()).toMatchObject({ deviceIds: [AC, DC], connection: { state: 'live' } })
    expect(live.status().frames).toBe(frames().length) // counted per frame, not only when the state changes
    await live.unwatch(AC)
    expect(live.status().deviceIds).toEqual([AC, DC]) // AC still has a watch
    await live.unwatch(DC)
    await until(() => live.status().deviceIds.join() === AC, 'the set to shrink')
    await live.unwatch(AC)
    expect(live.status().connection).toEqual({ state: 'stopped', reason: 'not-watching' })
    expect(events.some((e) => e.event === 'live:status')).toBe(true)
  })

  it('stops when the window stays hidden past the limit and resumes when it is visible again', async () => {
    await live.watch(AC)
    await until(stateIs('live'), 'live')
    live.setWindowVisible(false)
    live.setWindowVisible(true) // a short hide changes nothing
    await new Promise((resolve) => setTimeout(resolve, 120))
    expect(live.status().connection.state).toBe('live')
    live.setWindowVisible(false)
    await until(stateIs('stopped'), 'stopped')
    expect(live.status().connection).toEqual({ state: 'stopped', reason: 'window-hidden' })
    const count = frames().length
    await new Promise((resolve) => setTimeout(resolve, 80))
    expect(frames().length).toBe(count)
    live.setWindowVisible(true)
    await until(() => frames().length > count, 'frames again')
  })

  it('says the stream is not available when the profile in use cannot sign in', async () => {
    profileAvailable = false
    const status = unwrap(await live.watch(AC))
    expect(status.connection).toEqual({ state: 'unavailable', message: 'The client secret of "Depot" is not in the keychain.', action: 'Enter it again in Profiles.' })
  })

  it('records the frames of a watched device until stopped; refuses to record an unwatched one', async () => {
    expect(await live.startRecording(AC)).toMatchObject({ ok: false, error: { kind: 'invalid-input' } })
    await live.watch(AC)
    await until(stateIs('live'), 'live')
    const started = unwrap(await live.startRecording(AC))
    const from = frames().length
    await until(() => frames().length >= from + 5, 'five frames')
    const stopped = unwrap(await live.stopRecording(AC))
    expect(stopped.frames).toBeGreaterThanOrEqual(5)
    expect(stopped).toMatchObject({ id: started.id, end: 'stopped', profileName: 'Depot' })
    expect(events.filter((e) => e.event === 'recordings:changed')).toHaveLength(2)
  })

  it('stops the stream of a profile that is signed out', async () => {
    await live.watch(AC)
    await until(stateIs('live'), 'live')
    live.profileDropped('another')
    expect(live.status().connection.state).toBe('live')
    live.profileDropped('prof_1')
    expect(live.status().connection).toEqual({ state: 'stopped', reason: 'signed-out' })
    const count = frames().length
    await new Promise((resolve) => setTimeout(resolve, 80))
    expect(frames().length).toBeLessThanOrEqual(count + 1)
  })
})
