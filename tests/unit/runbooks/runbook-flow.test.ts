/** Session movement (pure): branches, resolution, escalation with its attachments, refusals. */
import { describe, expect, it } from 'vitest'
import { findRunbook } from '@common/diagnostics/runbooks'
import type { Result } from '@common/errors'
import type { RunbookSession } from '@common/runbooks/runbook-session'
import { collectAttachments } from '@common/runbooks/runbook-escalation'
import { advance, escalate, previousStepTime, recordOutcome, startSession } from '@common/runbooks/runbook-flow'
import type { Device } from '@common/tellus/schemas'
import { asDeviceId } from '../../support/device-ids'

const preparing = findRunbook('connector-stuck-preparing')!
const powerUp = findRunbook('charger-faulting-on-power-up')!
const AT = '2026-05-01T12:00:00.000Z'

function session(runbookId: string): RunbookSession {
  const runbook = findRunbook(runbookId)!
  return { ...startSession(runbook, asDeviceId('dvc_8b2e4d6f1a93'), null), id: 'rs-20260501120000-abcdef', startedAt: AT, updatedAt: AT }
}
function value<T>(result: Result<T>): T {
  if (!result.ok) throw new Error(result.error.message)
  return result.value
}

describe('runbook flow', () => {
  it('starts with every step pending and the first one current', () => {
    const s = session('connector-stuck-preparing')
    expect(s.currentStepId).toBe('handshake')
    expect(s.steps.map((st) => st.outcome)).toEqual(preparing.steps.map(() => 'pending'))
    expect(s.steps.map((st) => st.kind)).toEqual(preparing.steps.map((st) => st.kind))
  })

  it('walks "stuck in Preparing" to a resolution: answers, a tick, a passing check; unreached steps skipped', () => {
    let s = session('connector-stuck-preparing')
    s = value(recordOutcome(s, preparing, 'handshake', { outcome: 'done', evidence: 'Answer: Several vehicles fail at this charger' }, AT))
    s = value(advance(s, preparing, 'handshake', 'charger-side'))
    expect(s.currentStepId).toBe('auth-ok')
    s = value(recordOutcome(s, preparing, 'auth-ok', { outcome: 'pass' }, AT))
    s = value(advance(s, preparing, 'auth-ok', 'auth-present'))
    s = value(recordOutcome(s, preparing, 'remote-restart', { outcome: 'done', note: 'Restarted from the CPMS' }, AT))
    s = value(advance(s, preparing, 'remote-restart'))
    expect(s.currentStepId).toBe('restart-check')
    s = value(recordOutcome(s, preparing, 'restart-check', { outcome: 'pass', evidence: 'Connector 1 charging 48.2 kW', evidenceAt: AT, usedOfflineCopy: false }, AT))
    s = value(advance(s, preparing, 'restart-check'))
    s = value(recordOutcome(s, preparing, 'recurrence', { outcome: 'pass' }, AT))
    s = value(advance(s, preparing, 'recurrence', 'rare'))
    expect(s.status).toBe('resolved')
    expect(s.currentStepId).toBeNull()
    expect(Object.fromEntries(s.steps.map((st) => [st.stepId, st.outcome]))).toEqual({
      handshake: 'done', 'auth-ok': 'pass', 'remote-restart': 'done', 'restart-check': 'pass', recurrence: 'pass',
      inspect: 'skipped', reset: 'skipped', 'reset-check': 'skipped', escalate: 'skipped',
    })
    expect(s.steps.find((st) => st.stepId === 'remote-restart')?.note).toBe('Restarted from the CPMS')
  })

  it('follows the failing branch of an automatic check', () => {
    let s = session('charger-faulting-on-power-up')
    s = value(recordOutcome(s, powerUp, 'supply', { outcome: 'fail', evidence: '205 V' }, AT))
    expect(value(advance(s, powerUp, 'supply')).currentStepId).toBe('escalate')
  })

  it('refuses to leave a step without an outcome, a step that is not current, a choice step without an answer, and a closed session', () => {
    const s = session('charger-faulting-on-power-up')
    expect(advance(s, powerUp, 'supply')).toMatchObject({ ok: false, error: { message: expect.stringContaining('no outcome yet') } })
    expect(recordOutcome(s, powerUp, 'firmware', { outcome: 'pass' }, AT)).toMatchObject({ ok: false, error: { message: expect.stringContaining('not the current step') } })
    const atCodes = { ...s, currentStepId: 'fault-codes' }
    const answered = value(recordOutcome(atCodes, powerUp, 'fault-codes', { outcome: 'done' }, AT))
    expect(advance(answered, powerUp, 'fault-codes', 'nonsense')).toMatchObject({ ok: false, error: { message: expect.stringContaining('needs one of its answers') } })
    const closed = value(escalate(s, powerUp, [], null, AT))
    expect(recordOutcome(closed, powerUp, 'supply', { outcome: 'pass' }, AT)).toMatchObject({ ok: false, error: { message: expect.stringContaining('already escalated') } })
    expect(escalate(closed, powerUp, [], null, AT).ok).toBe(false)
  })

  it('escalates "faulting on power-up" with the items the runbook asks for, filled from the data and the session', () => {
    let s = session('charger-faulting-on-power-up')
    s = value(recordOutcome(s, powerUp, 'supply', { outcome: 'unknown', evidence: 'A DC charger reports only its output voltage', evidenceAt: AT }, AT))
    s = value(advance(s, powerUp, 'supply'))
    s = value(recordOutcome(s, powerUp, 'fault-codes', { outcome: 'done', evidence: 'Answer: A cluster of F-0421', note: '6 × F-0421 since Monday' }, AT))
    s = value(advance(s, powerUp, 'fault-codes', 'f0421-cluster'))
    expect(s.currentStepId).toBe('fleet-cluster')
    const device: Device = {
      device_id: 'dvc_8b2e4d6f1a93', model: 'TP-DC180', firmware_version: '3.0.1', status: 'online',
      connectors: [{ connector_id: 1, status: 'preparing', temperature: 21.4 }, { connector_id: 2, status: 'fault', temperature: 80.2 }],
    }
    const attachments = collectAttachments(powerUp, s, { device, fetchedAt: AT, usedOfflineCopy: true }, { 'Fault log (last 10 fault events)': 'F-0421 ×6, 28–30 Apr' })
    expect(attachments).toEqual([
      'Fault log (last 10 fault events): F-0421 ×6, 28–30 Apr',
      expect.stringMatching(/^Firmware version: 3\.0\.1 on TP-DC180 \(data at 2026-05-01 .*, offline copy\)$/),
      expect.stringMatching(/^Temperatures: Connector 1 21\.4 °C, Connector 2 80\.2 °C \(over the 75 °C warning level\) \(data at /),
      expect.stringMatching(/^Connectors in fault: Connector 2 \(data at /),
      'Checks and notes: Check the supply: unknown (A DC charger reports only its output voltage)',
      'Checks and notes: Read the last 10 fault codes: done (Answer: A cluster of F-0421) Note: 6 × F-0421 since Monday',
    ])
    const escalated = value(escalate(s, powerUp, attachments, 'Contactor suspected', AT))
    expect(escalated).toMatchObject({ status: 'escalated', currentStepId: null, escalation: { attachments, at: AT, note: 'Contactor suspected' } })
    expect(escalated.steps.find((st) => st.stepId === 'escalate')).toMatchObject({ outcome: 'done', at: AT })
    expect(escalated.steps.find((st) => st.stepId === 'fleet-cluster')?.outcome).toBe('skipped')
  })

  it('says what it could not fill in an escalation', () => {
    const s = session('connector-stuck-preparing')
    expect(collectAttachments(preparing, s, { device: null, fetchedAt: null, usedOfflineCopy: false }, {})).toEqual([
      'Photos of pins and latch: not given',
      'Vehicle make and model: not given',
      'Firmware version: no data for this charger',
      'Checks and notes: no step completed',
    ])
  })

  it('gives the after-reboot check the time the previous step was completed', () => {
    let s = session('charger-faulting-on-power-up')
    expect(previousStepTime(s, 'recovered')).toBeNull()
    s = { ...s, steps: s.steps.map((st) => (st.stepId === 'reboot' ? { ...st, outcome: 'done' as const, at: '2026-05-01T12:05:00.000Z' } : st.stepId === 'supply' ? { ...st, outcome: 'pass' as const, at: AT } : st)) }
    expect(previousStepTime(s, 'recovered')).toBe(Date.parse('2026-05-01T12:05:00.000Z'))
  })
})
