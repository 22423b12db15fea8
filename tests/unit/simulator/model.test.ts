/** Unit tests of the pure parts: session progression, tokens, VINs, time formatting, deterministic noise. */
import { describe, expect, it } from 'vitest'
import { lastTick, parseIsoDateTime, toIsoSeconds } from '@main/simulator/iso-time'
import { hashParts, noiseFor, unitFor } from '@main/simulator/prng'
import { RAMP_SECONDS, sessionCycleSeconds, sessionPoint } from '@main/simulator/session-model'
import { TokenStore } from '@main/simulator/tokens'
import { randomVin, vinCheckDigit } from '@main/simulator/vin'
import { createRng } from '@main/simulator/prng'
import { fakeClock } from './support'

describe('session model', () => {
  const dc = { batteryKwh: 77, socStart: 20, powerKw: 150, packVoltage: 400 }

  it('ramps power up over the first minute, holds, then tapers after the knee', () => {
    expect(sessionPoint(dc, 'charge', 'DC', 0).powerKw).toBe(0)
    expect(sessionPoint(dc, 'charge', 'DC', RAMP_SECONDS / 2).powerKw).toBeCloseTo(75)
    expect(sessionPoint(dc, 'charge', 'DC', RAMP_SECONDS).powerKw).toBeCloseTo(150)
    expect(sessionPoint(dc, 'charge', 'DC', 600).powerKw).toBeCloseTo(150)
    const late = sessionPoint(dc, 'charge', 'DC', sessionCycleSeconds(dc, 'charge', 'DC') - 1)
    expect(late.powerKw).toBeLessThan(20)
    expect(late.soc).toBeGreaterThan(98)
    expect(late.soc).toBeLessThanOrEqual(100)
  })

  it('raises energy and SoC monotonically while charging', () => {
    let previous = sessionPoint(dc, 'charge', 'DC', 0)
    for (let t = 10; t < sessionCycleSeconds(dc, 'charge', 'DC'); t += 10) {
      const point = sessionPoint(dc, 'charge', 'DC', t)
      expect(point.energyKwh).toBeGreaterThan(previous.energyKwh)
      expect(point.soc).toBeGreaterThanOrEqual(previous.soc)
      expect(point.soc - dc.socStart).toBeCloseTo((point.energyKwh / dc.batteryKwh) * 100, 6)
      previous = point
    }
  })

  it('discharges at negative power down to the minimum SoC', () => {
    const v2g = { batteryKwh: 80, socStart: 80, powerKw: 20, minSoc: 30 }
    const point = sessionPoint(v2g, 'discharge', 'DC', 1800)
    expect(point.powerKw).toBe(-20)
    expect(point.energyKwh).toBeLessThan(0)
    expect(point.soc).toBeLessThan(80)
    expect(sessionPoint(v2g, 'discharge', 'DC', 10 * 3600).soc).toBe(30)
  })

  it('keeps a plugged-in (preparing) session at zero power', () => {
    expect(sessionPoint(dc, 'plugged', 'DC', 500)).toEqual({ powerKw: 0, energyKwh: 0, soc: 20 })
  })
})

describe('TokenStore', () => {
  it('checks tokens against the clock, expiry and revocation', () => {
    const clock = fakeClock()
    const store = new TokenStore(clock.now, 100)
    const { token, expiresIn } = store.issue({ clientId: 'c', scopes: ['read'] })
    expect(expiresIn).toBe(100)
    expect(store.check(token)).toEqual({ ok: true, principal: { clientId: 'c', scopes: ['read'] } })
    clock.advance(100_000)
    expect(store.check(token)).toEqual({ ok: false, code: 2002 })
    const fresh = store.issue({ clientId: 'c', scopes: [] }).token
    expect(store.check(fresh)).toEqual({ ok: true, principal: { clientId: 'c', scopes: [] } })
    store.revokeAll()
    expect(store.check(fresh)).toEqual({ ok: false, code: 2001 })
    expect(store.check('a.b')).toEqual({ ok: false, code: 2001 })
  })

  it('does not accept tokens of another simulator', () => {
    const a = new TokenStore(Date.now, 100)
    const b = new TokenStore(Date.now, 100)
    expect(b.check(a.issue({ clientId: 'c', scopes: ['read'] }).token)).toEqual({ ok: false, code: 2001 })
  })

  it('refuses a TTL below one second', () => {
    expect(() => new TokenStore(Date.now, 0)).toThrow()
    expect(() => new TokenStore(Date.now, 10).setTtl(1.5)).toThrow()
  })
})

describe('VINs', () => {
  it('computes the ISO 3779 check digit of a known VIN', () => {
    expect(vinCheckDigit('1M8GDM9AXKP042788')).toBe('X')
    expect(vinCheckDigit('11111111111111111')).toBe('1')
  })

  it('generates valid 17-character VINs', () => {
    const rng = createRng(5)
    for (let i = 0; i < 200; i++) {
      const vin = randomVin(rng)
      expect(vin).toMatch(/^[A-HJ-NPR-Z0-9]{17}$/)
      expect(vin[8]).toBe(vinCheckDigit(vin))
    }
  })
})

describe('time and noise helpers', () => {
  it('formats whole-second UTC timestamps', () => {
    expect(toIsoSeconds(Date.parse('2025-03-15T11:00:00.999Z'))).toBe('2025-03-15T11:00:00Z')
  })

  it('parses only ISO 8601 date-times with a zone', () => {
    expect(parseIsoDateTime('2025-03-15T11:00:00Z')).toBe(Date.parse('2025-03-15T11:00:00Z'))
    expect(parseIsoDateTime('2025-03-15T12:00:00+01:00')).toBe(Date.parse('2025-03-15T11:00:00Z'))
    for (const text of ['2025-03-15', '2025-03-15T11:00:00', 'yesterday', '2025-02-30T11:00:00Z']) {
      expect(parseIsoDateTime(text)).toBeUndefined()
    }
  })

  it('finds the last tick of a phased period', () => {
    expect(lastTick(65_000, 30_000, 4_000)).toBe(64_000)
    expect(lastTick(63_999, 30_000, 4_000)).toBe(34_000)
  })

  it('derives stable, spread values from keys', () => {
    expect(unitFor(1, 'a')).toBe(unitFor(1, 'a'))
    expect(hashParts('ab', 'c')).not.toBe(hashParts('a', 'bc'))
    const values = Array.from({ length: 1000 }, (_, i) => noiseFor(1, i))
    expect(Math.min(...values)).toBeLessThan(-0.9)
    expect(Math.max(...values)).toBeGreaterThan(0.9)
  })
})
