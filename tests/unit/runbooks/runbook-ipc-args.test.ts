/** The runbook channels' arguments are checked once at the IPC boundary: good ones pass, bad ones are refused. */
import { describe, expect, it } from 'vitest'
import { ARG_SCHEMAS } from '@common/ipc/contract-schemas'

const SESSION = 'rs-20260501120000-abcdef'

describe('runbook IPC arguments', () => {
  it.each([
    ['listRunbookSessions', {}],
    ['listRunbookSessions', { visitId: 'v-20260501073000-abcdef', deviceId: 'dvc_8b2e4d6f1a93' }],
    ['startRunbook', { runbookId: 'connector-stuck-preparing', deviceId: 'dvc_8b2e4d6f1a93', visitId: null }],
    ['recheckRunbookStep', { sessionId: SESSION, stepId: 'restart-check' }],
    ['completeRunbookStep', { sessionId: SESSION, stepId: 'supply', outcome: 'pass', note: '231 V' }],
    ['completeRunbookStep', { sessionId: SESSION, stepId: 'handshake', choiceId: 'charger-side' }],
    ['escalateRunbook', { sessionId: SESSION, typed: { 'Vehicle make and model': 'Kia EV6' }, note: null }],
  ] as const)('%s accepts %j', (method, args) => {
    expect(ARG_SCHEMAS[method].safeParse(args).success).toBe(true)
  })

  it.each([
    ['startRunbook', { runbookId: '../x', deviceId: 'dvc_8b2e4d6f1a93', visitId: null }],
    ['startRunbook', { runbookId: 'connector-stuck-preparing', deviceId: 'dvc/../../x', visitId: null }],
    ['startRunbook', { runbookId: 'connector-stuck-preparing', deviceId: 'dvc_8b2e4d6f1a93' }],
    ['recheckRunbookStep', { sessionId: '../../etc/passwd', stepId: 'supply' }],
    ['completeRunbookStep', { sessionId: SESSION, stepId: 'supply', outcome: 'done' }],
    ['completeRunbookStep', { sessionId: SESSION, stepId: 'supply', note: 'x'.repeat(2001) }],
    ['completeRunbookStep', { sessionId: SESSION, stepId: 'supply', extra: true }],
    ['escalateRunbook', { sessionId: SESSION, typed: { a: 'x'.repeat(2001) }, note: null }],
  ] as const)('%s refuses %j', (method, args) => {
    expect(ARG_SCHEMAS[method].safeParse(args).success).toBe(false)
  })

  it('turns an empty note into no note', () => {
    expect(ARG_SCHEMAS.completeRunbookStep.parse({ sessionId: SESSION, stepId: 'reboot', note: '   ' })).toMatchObject({ note: null })
  })
})
