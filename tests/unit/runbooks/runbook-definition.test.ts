/** The runbooks file is data support can edit: every bad entry is refused with its runbook and step named. */
import { describe, expect, it } from 'vitest'
import runbooksJson from '../../../resources/data/runbooks.json'
import { RUNBOOKS } from '@common/diagnostics/runbooks'
import { nextTarget, parseRunbooksFile, RESOLVED, type RunbooksFile } from '@common/runbooks/runbook-definition'

type Json = typeof runbooksJson
const clone = (): Json => structuredClone(runbooksJson)
/** The file with one step of the first runbook changed. */
function withStep(index: number, change: (step: Record<string, unknown>) => void): unknown {
  const file = clone() as unknown as { runbooks: { steps: Record<string, unknown>[] }[] }
  change(file.runbooks[0]!.steps[index]!)
  return file
}

describe('parseRunbooksFile', () => {
  it('accepts the shipped file: three runbooks, each with auto and manual steps and one escalation', () => {
    const file = parseRunbooksFile(runbooksJson)
    expect(file.ok).toBe(true)
    for (const runbook of (file as { value: RunbooksFile }).value.runbooks) {
      expect(runbook.steps.some((s) => s.kind === 'auto'), runbook.id).toBe(true)
      expect(runbook.steps.filter((s) => s.escalation), runbook.id).toHaveLength(1)
    }
  })

  it.each([
    ['an unknown check', withStep(0, (s) => ((s['check'] as Record<string, unknown>)['id'] = 'supply-volts')), 'runbook "charger-faulting-on-power-up", step "supply", check, id'],
    ['a check parameter of the wrong type', withStep(0, (s) => ((s['check'] as { params: Record<string, unknown> }).params['nominalVolts'] = '230')), 'step "supply": check "supply-voltage": params.nominalVolts'],
    ['a missing check parameter', withStep(5, (s) => ((s['check'] as { params: Record<string, unknown> }).params = {})), 'step "recovered": check "recovered-after-reboot": params.onlineWithinSeconds'],
    ['a branch to a step that does not exist', withStep(0, (s) => ((s['next'] as Record<string, string>)['fail'] = 'escalte')), 'step "supply": it leads to "escalte"'],
    ['a choice leading nowhere', withStep(1, (s) => ((s['choices'] as { next: string }[])[0]!.next = 'nowhere')), 'step "fault-codes": it leads to "nowhere"'],
    ['an auto step without a check', withStep(2, (s) => delete s['check']), 'step "firmware": an auto step needs a "check"'],
    ['a step without text', withStep(3, (s) => delete s['text']), 'runbook "charger-faulting-on-power-up", step "upgrade", text'],
    ['a misspelt field', withStep(3, (s) => (s['txt'] = 'x')), 'step "upgrade"'],
    ['a link to an unknown runbook', withStep(8, (s) => (s['seeRunbook'] = 'v2g')), 'step "v2g-handover": it links runbook "v2g"'],
    ['a duplicated step id', withStep(3, (s) => (s['id'] = 'firmware')), 'runbook "charger-faulting-on-power-up": step ids must be unique'],
    ['an unknown attachment source', withStep(9, (s) => ((s['escalation'] as { attach: { source: string }[] }).attach[0]!.source = 'camera')), 'step "escalate", escalation, attach, 0, source'],
  ])('refuses %s, naming the entry', (_label, file, place) => {
    const parsed = parseRunbooksFile(file)
    expect(parsed.ok).toBe(false)
    if (!parsed.ok) expect(parsed.error.message).toContain(place)
  })

  it('refuses a runbook without an escalation step', () => {
    type Step = { escalation?: unknown; next?: Record<string, string>; choices?: { next: string }[] }
    const file = clone() as unknown as { runbooks: { steps: Step[] }[] }
    file.runbooks[1]!.steps = file.runbooks[1]!.steps.filter((s) => !('escalation' in s))
    for (const step of file.runbooks[1]!.steps) {
      for (const key of Object.keys(step.next ?? {})) if (step.next![key] === 'escalate') step.next![key] = RESOLVED
      for (const choice of step.choices ?? []) if (choice.next === 'escalate') choice.next = RESOLVED
    }
    expect(parseRunbooksFile(file)).toMatchObject({ ok: false, error: { message: expect.stringContaining('runbook "connector-stuck-preparing": it needs one escalation step') } })
  })
})

describe('nextTarget', () => {
  const powerUp = RUNBOOKS.find((r) => r.id === 'charger-faulting-on-power-up')!
  const step = (id: string) => powerUp.steps.find((s) => s.id === id)!
  it.each([
    ['supply', 'pass', 'fault-codes'],
    ['supply', 'fail', 'escalate'],
    ['firmware', 'fail', 'upgrade'],
    ['upgrade', 'done', 'reboot'],
    ['recovered', 'pass', RESOLVED],
    ['recovered', 'unknown', 'escalate'],
  ] as const)('%s + %s leads to %s', (id, outcome, target) => {
    expect(nextTarget(powerUp, step(id), outcome)).toBe(target)
  })

  it('goes to the following step when the outcome is not listed, and ends resolved after the last step', () => {
    const book = { ...powerUp, steps: [{ ...step('upgrade'), next: undefined }, { ...step('reboot'), next: undefined }] }
    expect(nextTarget(book, book.steps[0]!, 'done')).toBe('reboot')
    expect(nextTarget(book, book.steps[1]!, 'done')).toBe(RESOLVED)
  })
})
