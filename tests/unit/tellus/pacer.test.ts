import { describe, expect, it } from 'vitest'
import { pace, Pacer, PacerRegistry, type WaitInfo } from '@main/tellus/pacer'
import { virtualTime } from './support'

const limit = { limit: 3, windowMs: 60_000, marginMs: 1000 }

describe('Pacer', () => {
  it('lets `limit` requests through at once, then spaces the rest a window apart', () => {
    const time = virtualTime()
    const pacer = new Pacer(limit, time.now)
    const waits = Array.from({ length: 7 }, () => pacer.reserve().waitMs)
    expect(waits).toEqual([0, 0, 0, 61_000, 61_000, 61_000, 122_000])
  })

  it('never allows more than `limit` sends in any window, whatever the arrival pattern', () => {
    const time = virtualTime()
    const pacer = new Pacer(limit, time.now)
    const sends: number[] = []
    for (const gap of [0, 5000, 10_000, 20_000, 0, 30_000, 1000, 59_000, 0, 0, 2000]) {
      time.advance(gap)
      sends.push(time.now() + pacer.reserve().waitMs)
    }
    for (const start of sends) {
      const inWindow = sends.filter((at) => at >= start && at < start + limit.windowMs + limit.marginMs)
      expect(inWindow.length).toBeLessThanOrEqual(limit.limit)
    }
  })

  it('frees slots as the window slides', () => {
    const time = virtualTime()
    const pacer = new Pacer(limit, time.now)
    for (let i = 0; i < 3; i++) pacer.reserve()
    time.advance(61_001)
    expect(pacer.reserve().waitMs).toBe(0)
  })

  it('gives a released slot to the next caller', () => {
    const time = virtualTime()
    const pacer = new Pacer({ ...limit, limit: 1 }, time.now)
    pacer.reserve()
    const waiting = pacer.reserve()
    expect(waiting.waitMs).toBe(61_000)
    waiting.release()
    waiting.release()
    expect(pacer.reserve().waitMs).toBe(61_000)
  })

  it('rejects a nonsensical limit', () => {
    expect(() => new Pacer({ ...limit, limit: 0 }, Date.now)).toThrow()
  })
})

describe('pace', () => {
  it('waits for the slot and reports the wait and its reason', async () => {
    const time = virtualTime()
    const pacer = new Pacer({ ...limit, limit: 1 }, time.now)
    const waits: WaitInfo[] = []
    expect(await pace(pacer, { sleep: time.sleep, reason: 'reads', onWait: (w) => waits.push(w) })).toBe(true)
    expect(await pace(pacer, { sleep: time.sleep, reason: 'reads', onWait: (w) => waits.push(w) })).toBe(true)
    expect(waits).toEqual([{ waitMs: 61_000, reason: 'reads' }])
    expect(time.sleeps).toEqual([61_000])
  })

  it('gives the slot back when cancelled while waiting', async () => {
    const time = virtualTime()
    const pacer = new Pacer({ ...limit, limit: 1 }, time.now)
    pacer.reserve()
    const controller = new AbortController()
    const never = () => new Promise<void>(() => undefined)
    const waited = pace(pacer, { sleep: never, reason: 'token', signal: controller.signal, onWait: () => controller.abort() })
    expect(await waited).toBe(false)
    // The abandoned slot is free again: the next caller waits one window, not two.
    expect(pacer.reserve().waitMs).toBe(61_000)
  })
})

describe('PacerRegistry', () => {
  it('shares pacers per base URL and client_id', () => {
    const registry = new PacerRegistry()
    const options = { readsPerMinute: 60, tokenRequestsPerMinute: 10, marginMs: 0 }
    const a = registry.pacersFor('https://a.example/v1', 'client', options, Date.now)
    expect(registry.pacersFor('https://a.example/v1', 'client', options, Date.now)).toBe(a)
    expect(registry.pacersFor('https://a.example/v1', 'other', options, Date.now)).not.toBe(a)
    expect(registry.pacersFor('https://b.example/v1', 'client', options, Date.now)).not.toBe(a)
  })
})

describe('Pacer.upcomingSlots', () => {
  it('projects the next slots from the reservations already made, without reserving any', () => {
    let now = 0
    const pacer = new Pacer({ limit: 2, windowMs: 60_000, marginMs: 1_000 }, () => now)
    pacer.reserve()
    now = 10_000
    expect(pacer.upcomingSlots(4)).toEqual([0, 51_000, 61_000, 112_000])
    expect(pacer.upcomingSlots(4)).toEqual([0, 51_000, 61_000, 112_000])
    expect(pacer.reserve().waitMs).toBe(0)
  })
})
