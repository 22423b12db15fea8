/**
 * Guided runbooks with real parts: the simulator over loopback HTTP, the real client, device
 * lookup and snapshot store, and session files in a temp folder. The clock is virtual.
 */
import { join } from 'node:path'
import { afterEach, beforeEach, describe, expect, it } from 'vitest'
import { ok, type Result } from '@common/errors'
import { DeviceService } from '@main/devices/device-service'
import type { ActiveProfile } from '@main/services/client-registry'
import { RunbookService } from '@main/runbooks/runbook-service'
import { RunbookStore } from '@main/runbooks/runbook-store'
import { startSimulator, type SimulatorHandle } from '@main/simulator/index'
import { SnapshotStore } from '@main/snapshots/snapshot-store'
import { PacerRegistry } from '@main/tellus/pacer'
import { TellusClient } from '@main/tellus/tellus-client'
import { asDeviceId } from '../../support/device-ids'
import { tempRoot } from '../../support/common-fixtures'

const STUCK = asDeviceId('dvc_8b2e4d6f1a93') // TP-DC180 on 3.0.1: connector 1 preparing, connector 2 in fault
const VISIT = 'v-20260501073000-abcdef'
let sim: SimulatorHandle
let root: string
let cleanup: () => Promise<void>
let clock: number

beforeEach(async () => {
  clock = Date.now()
  sim = await startSimulator({ port: 0, now: () => clock })
  ;({ root, cleanup } = await tempRoot('tellus-runbooks-'))
})
afterEach(async () => {
  await sim.close()
  await cleanup()
})

function setup() {
  const profile: ActiveProfile = { id: 'prf_1', name: 'North depot', baseUrl: sim.baseUrl }
  const client = new TellusClient({ baseUrl: sim.baseUrl, ...sim.credentials, sleep: async () => undefined, pacer: { registry: new PacerRegistry() } })
  const devices = new DeviceService({ clients: { active: async () => ok({ profile, client }) }, snapshots: new SnapshotStore({ root: join(root, 'snapshots') }) })
  const now = () => clock
  const service = () => new RunbookService({ store: new RunbookStore(join(root, 'sessions'), now), fetchDevice: (id) => devices.fetchDevice(id), now })
  return { service, devices }
}
function value<T>(result: Result<T>): T {
  if (!result.ok) throw new Error(result.error.message)
  return result.value
}
const step = (session: { steps: { stepId: string }[] }, id: string) => session.steps.find((s) => s.stepId === id) as Record<string, unknown>

describe('RunbookService', () => {
  it('runs "stuck in Preparing" on the demo charger to a resolution, re-checking after the restart', async () => {
    const { service } = setup()
    let s = value(await service().start({ runbookId: 'connector-stuck-preparing', deviceId: STUCK, visitId: VISIT }))
    s = value(await service().complete({ sessionId: s.id, stepId: 'handshake', choiceId: 'charger-side', note: 'Two different cars failed here today' }))
    s = value(await service().complete({ sessionId: s.id, stepId: 'auth-ok', choiceId: 'auth-present' }))
    // Ticking the restart runs the next (automatic) step at once: still preparing.
    s = value(await service().complete({ sessionId: s.id, stepId: 'remote-restart' }))
    expect(s.currentStepId).toBe('restart-check')
    expect(step(s, 'restart-check')).toMatchObject({ outcome: 'fail', usedOfflineCopy: false, evidence: expect.stringMatching(/Connector 1 preparing .* still preparing/) })
    // The session is on disk: a new service (app restart) resumes it, and a re-check sees the charge start.
    sim.control.setConnectorState(STUCK, 1, 'start')
    clock += 60_000
    s = value(await service().recheck(s.id, 'restart-check'))
    expect(step(s, 'restart-check')).toMatchObject({ outcome: 'pass', evidence: expect.stringMatching(/Connector 1 charging \d+\.\d kW.*power is flowing/), evidenceAt: expect.any(String) })
    s = value(await service().complete({ sessionId: s.id, stepId: 'restart-check' }))
    s = value(await service().complete({ sessionId: s.id, stepId: 'recurrence', choiceId: 'rare' }))
    expect(s.status).toBe('resolved')
    expect(step(s, 'handshake')).toMatchObject({ outcome: 'done', evidence: 'Answer: Several vehicles fail at this charger', note: 'Two different cars failed here today' })
    expect(value(await service().list({ visitId: VISIT, deviceId: STUCK })).sessions.map((x) => x.status)).toEqual(['resolved'])
  })

  it('runs "faulting on power-up" to an escalation, offline, with the attachments the runbook asks for', async () => {
    const { service, devices } = setup()
    value(await devices.fetchDevice(STUCK)) // a snapshot exists from before the signal went
    await sim.close()
    let s = value(await service().start({ runbookId: 'charger-faulting-on-power-up', deviceId: STUCK, visitId: null }))
    expect(step(s, 'supply')).toMatchObject({ outcome: 'unknown', usedOfflineCopy: true, evidence: expect.stringMatching(/DC charger.*offline copy/) })
    s = value(await service().complete({ sessionId: s.id, stepId: 'supply', outcome: 'pass', note: '231 V on each phase' }))
    expect(step(s, 'supply')).toMatchObject({ outcome: 'pass', evidence: 'Checked on site by the technician: pass.', note: '231 V on each phase' })
    s = value(await service().complete({ sessionId: s.id, stepId: 'fault-codes', choiceId: 'other' }))
    expect(step(s, 'firmware')).toMatchObject({ outcome: 'fail', usedOfflineCopy: true, evidence: expect.stringMatching(/3\.0\.1.*1 minor version behind 3\.1\.0.*Known issue/) })
    s = value(await service().complete({ sessionId: s.id, stepId: 'firmware' }))
    expect(s.currentStepId).toBe('upgrade')
    const escalated = value(await service().escalate({ sessionId: s.id, typed: { 'Fault log (last 10 fault events)': 'F-0411 once at 06:10' }, note: 'Upgrade not possible on site' }))
    expect(escalated).toMatchObject({ status: 'escalated', currentStepId: null, escalation: { note: 'Upgrade not possible on site' } })
    expect(escalated.escalation?.attachments).toEqual(
      expect.arrayContaining([
        'Fault log (last 10 fault events): F-0411 once at 06:10',
        expect.stringMatching(/^Firmware version: 3\.0\.1 on TP-DC180 \(data at .*offline copy\)$/),
        expect.stringMatching(/^Connectors in fault: Connector 2 /),
        expect.stringMatching(/^Checks and notes: Compare the firmware .*: fail/),
      ]),
    )
    expect(step(escalated, 'reboot')).toMatchObject({ outcome: 'skipped' })
  })

  it('resumes the open session of the same runbook, charger and visit instead of starting another', async () => {
    const { service } = setup()
    const first = value(await service().start({ runbookId: 'connector-stuck-preparing', deviceId: STUCK, visitId: VISIT }))
    const again = value(await service().start({ runbookId: 'connector-stuck-preparing', deviceId: STUCK, visitId: VISIT }))
    const standalone = value(await service().start({ runbookId: 'connector-stuck-preparing', deviceId: STUCK, visitId: null }))
    expect(again.id).toBe(first.id)
    expect(standalone.id).not.toBe(first.id)
  })

  it('says there is no data when the charger cannot be fetched and has no snapshot', async () => {
    const { service } = setup()
    await sim.close()
    const s = value(await service().start({ runbookId: 'charger-faulting-on-power-up', deviceId: STUCK, visitId: null }))
    expect(step(s, 'supply')).toMatchObject({ outcome: 'unknown', evidenceAt: null, evidence: expect.stringMatching(/No data for this charger.*\(.+\)/) })
  })

  it('refuses an unknown runbook, a step that is not current, and a missing answer', async () => {
    const { service } = setup()
    expect(await service().start({ runbookId: 'nope', deviceId: STUCK, visitId: null })).toMatchObject({ ok: false, error: { kind: 'invalid-input' } })
    const s = value(await service().start({ runbookId: 'connector-stuck-preparing', deviceId: STUCK, visitId: null }))
    expect(await service().complete({ sessionId: s.id, stepId: 'inspect' })).toMatchObject({ ok: false, error: { message: expect.stringContaining('not the current step') } })
    expect(await service().complete({ sessionId: s.id, stepId: 'handshake' })).toMatchObject({ ok: false, error: { message: expect.stringContaining('Pick one of the answers') } })
    expect(await service().recheck(s.id, 'handshake')).toMatchObject({ ok: false })
  })
})
