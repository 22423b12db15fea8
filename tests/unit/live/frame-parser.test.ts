import { describe, expect, it } from 'vitest'
import { MAX_FRAME_BYTES, parseFrame } from '@main/tellus/stream/frame-parser'
import { decideRefusal } from '@main/tellus/stream/handshake-refusal'

const AC = 'dvc_a1b2c3d4e5f6'
const watched = new Set([AC])
const frame = (connectors: unknown, extra: Record<string, unknown> = {}) =>
  JSON.stringify({ device_id: AC, timestamp: '2025-03-15T11:05:00Z', connectors, ...extra })

describe('parseFrame', () => {
  it('keeps unknown connector states, unknown fields and a missing soc', () => {
    const parsed = parseFrame(frame([{ connector_id: 1, state: 'preparing', power: 0, energy_delivered: 0, vendor: 'x' }], { firmware: '3.2' }), watched)
    expect(parsed).toEqual({
      ok: true,
      frame: { device_id: AC, timestamp: '2025-03-15T11:05:00Z', firmware: '3.2', connectors: [{ connector_id: 1, state: 'preparing', power: 0, energy_delivered: 0, vendor: 'x' }] },
    })
  })

  it('accepts a Buffer', () => {
    expect(parseFrame(Buffer.from(frame([])), watched).ok).toBe(true)
  })

  it.each([
    ['not JSON', '{"device_id":"dvc_a1b2c3d4e5f6","conn', 'not JSON'],
    ['a JSON array', '[]', 'not a telemetry frame'],
    ['power as text', frame([{ connector_id: 1, state: 'charging', power: '6.9' }]), 'connectors.0.power'],
    ['a connector id of 0', frame([{ connector_id: 0, state: 'idle' }]), 'connectors.0.connector_id'],
    ['no connectors', JSON.stringify({ device_id: AC, timestamp: '2025-03-15T11:05:00Z' }), 'connectors'],
    ['a timestamp that is no date', frame([], { timestamp: 'yesterday' }), 'timestamp is not a date-time'],
    ['an unwatched device', frame([], { device_id: 'dvc_other' }), 'not asked for'],
  ])('refuses %s with a reason', (_name, data, reason) => {
    const parsed = parseFrame(data, watched)
    expect(parsed.ok).toBe(false)
    expect((parsed as { reason: string }).reason).toContain(reason)
  })

  it('refuses an oversized frame unread', () => {
    expect(parseFrame('x'.repeat(MAX_FRAME_BYTES + 1), watched)).toMatchObject({ ok: false, reason: expect.stringContaining('bytes') })
  })
})

describe('decideRefusal', () => {
  it('renews on 401, gives up on 403/404/400, retries 429 (with retry_after) and anything else', () => {
    expect(decideRefusal(401, '{"code":2002}', 'h')).toEqual({ kind: 'renew-token' })
    expect(decideRefusal(403, '{"code":2003}', 'h')).toMatchObject({ kind: 'unavailable' })
    expect(decideRefusal(404, '<html>', 'h')).toMatchObject({ kind: 'unavailable', message: 'h offers no telemetry stream for this charger (404).' })
    expect(decideRefusal(400, '{"code":1002}', 'h')).toMatchObject({ kind: 'unavailable' })
    expect(decideRefusal(429, '{"code":5001,"details":{"retry_after_seconds":7}}', 'h')).toEqual({ kind: 'retry', reason: 'rate limited (429)', retryAfterMs: 7000 })
    expect(decideRefusal(502, 'Bad gateway', 'h')).toMatchObject({ kind: 'retry' })
    expect(decideRefusal(200, '<html>portal</html>', 'h')).toMatchObject({ kind: 'retry' })
  })
})
