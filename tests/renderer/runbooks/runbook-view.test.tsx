/**
 * The guided runbook view over a fake API whose answers follow the real session rules (common
 * runbook-flow): opened from a finding, steps with outcomes and evidence, answers, escalation.
 */
import { cleanup, screen, within } from '@testing-library/react'
import { afterEach, describe, expect, it } from 'vitest'
import { DeviceIdSchema } from '@common/devices/device-id'
import { findRunbook } from '@common/diagnostics/runbooks'
import { ok } from '@common/errors'
import { advance, escalate, recordOutcome, startSession } from '@common/runbooks/runbook-flow'
import type { RunbookSession } from '@common/runbooks/runbook-session'
import type { FakeHandlers } from '../support/fake-api'
import { deviceData, liveFetch } from '../support/fixtures'
import { renderApp } from '../support/render-app'

afterEach(cleanup)

const AT = '2026-05-01T12:00:00.000Z'
const powerUp = findRunbook('charger-faulting-on-power-up')!
const FAULTED = deviceData({ connectors: [{ connector_id: 1, status: 'fault', power: 0, voltage: 0, current: 0, temperature: 30 }] })

/** A fake main side that keeps one session and moves it with the real rules. */
function runbookHandlers(): Partial<FakeHandlers> {
  let session: RunbookSession
  const must = <T,>(result: { ok: true; value: T } | { ok: false; error: { message: string } }): T => {
    if (!result.ok) throw new Error(result.error.message)
    return result.value
  }
  return {
    fetchDevice: () => ok(liveFetch(FAULTED)),
    startRunbook: ({ deviceId, visitId }) => {
      session = { ...startSession(powerUp, DeviceIdSchema.parse(deviceId), visitId), id: 'rs-20260501120000-abcdef', startedAt: AT, updatedAt: AT }
      session = must(recordOutcome(session, powerUp, 'supply', { outcome: 'unknown', evidence: 'TP-DC180 is a DC charger at 2026-05-01 12:00:00 UTC: measure on site.', evidenceAt: AT, usedOfflineCopy: true }, AT))
      return ok(session)
    },
    completeRunbookStep: ({ stepId, choiceId, outcome, note }) => {
      const step = powerUp.steps.find((s) => s.id === stepId)!
      const choice = step.choices?.find((c) => c.id === choiceId)
      const recorded = choice ? { outcome: choice.outcome, evidence: `Answer: ${choice.label}`, note: note ?? null } : outcome ? { outcome, note: note ?? null } : { outcome: step.kind === 'manual' ? ('done' as const) : ('unknown' as const), note: note ?? null }
      session = must(advance(must(recordOutcome(session, powerUp, stepId, recorded, AT)), powerUp, stepId, choiceId))
      return ok(session)
    },
    escalateRunbook: ({ typed, note }) => {
      session = must(escalate(session, powerUp, Object.entries(typed).map(([label, text]) => `${label}: ${text}`), note, AT))
      return ok(session)
    },
  }
}

describe('runbook view', () => {
  it('opens from the finding for this charger, walks steps, and escalates with what was typed', async () => {
    const { user, fake } = renderApp(runbookHandlers())
    await user.type(screen.getByRole('textbox', { name: 'Device id' }), 'dvc_a1b2c3d4e5f6{Enter}')
    await user.click(await screen.findByRole('button', { name: /Runbook: Charger faulting on power-up: walk it step by step/ }))

    expect(await screen.findByRole('heading', { level: 1, name: 'Runbook: Charger faulting on power-up' })).toBeTruthy()
    expect(fake.callsOf('startRunbook')).toEqual([{ runbookId: 'charger-faulting-on-power-up', deviceId: 'dvc_a1b2c3d4e5f6', visitId: null }])
    expect(screen.getByText('Standalone session', { exact: false })).toBeTruthy()
    const current = () => document.querySelector('[aria-current="step"]') as HTMLElement
    expect(within(current()).getByText('Unknown')).toBeTruthy()
    expect(within(current()).getByText(/TP-DC180 is a DC charger/)).toBeTruthy()
    expect(within(current()).getByText(/Offline copy: checked against the newest snapshot/)).toBeTruthy()
    expect(screen.getByText('Offline: checks use the newest snapshot on this laptop')).toBeTruthy()

    // Own reading of the automatic step, with a note.
    await user.type(within(current()).getByRole('textbox', { name: 'Note (optional)' }), '231 V on each phase')
    await user.click(within(current()).getByRole('button', { name: 'Pass' }))
    expect(fake.callsOf('completeRunbookStep').at(-1)).toEqual({ sessionId: 'rs-20260501120000-abcdef', stepId: 'supply', outcome: 'pass', note: '231 V on each phase' })
    const supply = document.querySelector('[data-step="supply"]') as HTMLElement
    expect(within(supply).getByText('Pass')).toBeTruthy()
    expect(within(supply).getByText('231 V on each phase')).toBeTruthy()

    // A question: one button per answer.
    const answers = await within(current()).findByRole('group', { name: /Answers to “Read the last 10 fault codes”/ })
    await user.click(within(answers).getByRole('button', { name: 'F-0204 (cabinet over-temperature)' }))
    expect(current().dataset['step']).toBe('cooling')
    await user.click(within(current()).getByRole('button', { name: 'Cannot fix it on site' }))
    expect(current().dataset['step']).toBe('escalate')

    await user.type(within(current()).getByRole('textbox', { name: 'Fault log (last 10 fault events)' }), 'F-0204 ×3 since 06:00')
    await user.click(within(current()).getByRole('button', { name: 'Escalate to L2' }))
    expect(await screen.findByText(/Escalated to L2 at/)).toBeTruthy()
    expect(screen.getByText('Fault log (last 10 fault events): F-0204 ×3 since 06:00')).toBeTruthy()
    expect(document.querySelector('[aria-current="step"]')).toBeNull()
    expect(within(document.querySelector('[data-step="reboot"]') as HTMLElement).getByText('Skipped')).toBeTruthy()

    await user.click(screen.getByRole('button', { name: /Back to the charger/ }))
    expect(await screen.findByRole('region', { name: /Charger dvc_a1b2c3d4e5f6/ })).toBeTruthy()
  })

  it('shows the error with a retry when the session cannot be opened', async () => {
    const { user, fake, store } = renderApp({ startRunbook: () => ({ ok: false, error: { kind: 'storage', message: 'The disk is full: runbook session not saved.' } }) })
    await store.getState().openRunbook({ runbookId: 'connector-stuck-preparing', deviceId: 'dvc_a1b2c3d4e5f6', visitId: null })
    expect((await screen.findByRole('alert')).textContent).toContain('The disk is full')
    await user.click(screen.getByRole('button', { name: 'Try again' }))
    expect(fake.callsOf('startRunbook')).toHaveLength(2)
  })
})
