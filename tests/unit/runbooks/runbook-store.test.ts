/** Runbook sessions on real files: saved, listed by visit / device, survive a restart, damaged files moved aside. */
import { readdir, readFile, writeFile } from 'node:fs/promises'
import { join } from 'node:path'
import { afterEach, beforeEach, describe, expect, it } from 'vitest'
import { ok } from '@common/errors'
import { RunbookSessionFileSchema } from '@common/runbooks/runbook-session'
import { RunbookStore, type NewRunbookSession } from '@main/runbooks/runbook-store'
import { tempRoot, unwrap } from '../../support/common-fixtures'
import { asDeviceId } from '../../support/device-ids'

function newSession(deviceId: string, visitId: string | null): NewRunbookSession {
  return {
    runbookId: 'connector-stuck-preparing',
    runbookTitle: 'Connector stuck in Preparing',
    deviceId: asDeviceId(deviceId),
    visitId,
    status: 'in-progress',
    currentStepId: 'handshake',
    steps: [
      { stepId: 'handshake', title: 'Vehicle handshake', kind: 'manual', outcome: 'pending', evidence: null, evidenceAt: null, usedOfflineCopy: false, note: null, at: null },
      { stepId: 'auth-ok', title: 'auth_ok before the stall', kind: 'manual', outcome: 'pending', evidence: null, evidenceAt: null, usedOfflineCopy: false, note: null, at: null },
    ],
    escalation: null,
  }
}

const VISIT = 'v-20260501073000-abcdef'

describe('RunbookStore', () => {
  let root: string
  let cleanup: () => Promise<void>
  let clock = Date.parse('2026-05-01T08:00:00Z')
  const now = () => clock
  beforeEach(async () => {
    ;({ root, cleanup } = await tempRoot())
    clock = Date.parse('2026-05-01T08:00:00Z')
  })
  afterEach(() => cleanup())

  it('saves one file per session, in the documented format, and a new store on the folder lists it', async () => {
    const store = new RunbookStore(root, now)
    const session = unwrap(await store.create(newSession('dvc_a1b2c3d4e5f6', VISIT)))
    expect(session.id).toMatch(/^rs-20260501080000-[0-9a-f]{6}$/)
    expect(session).toMatchObject({ startedAt: '2026-05-01T08:00:00.000Z', updatedAt: '2026-05-01T08:00:00.000Z' })
    expect(await readdir(root)).toEqual([`${session.id}.json`])
    const onDisk: unknown = JSON.parse(await readFile(join(root, `${session.id}.json`), 'utf8'))
    expect(RunbookSessionFileSchema.parse(onDisk).session).toEqual(session)

    expect(unwrap(await new RunbookStore(root).list())).toEqual([session])
  })

  it('lists by visit, by device or both, most recently updated first', async () => {
    const store = new RunbookStore(root, now)
    const a = unwrap(await store.create(newSession('dvc_a1b2c3d4e5f6', VISIT)))
    clock += 60_000
    const b = unwrap(await store.create(newSession('dvc_0000000000b2', VISIT)))
    clock += 60_000
    const standalone = unwrap(await store.create(newSession('dvc_a1b2c3d4e5f6', null)))
    clock += 60_000
    unwrap(await store.update(a.id, (s) => ok({ ...s, status: 'resolved', currentStepId: null })))

    const ids = async (filter: Parameters<RunbookStore['list']>[0]) => unwrap(await store.list(filter)).map((s) => s.id)
    expect(await ids({})).toEqual([a.id, standalone.id, b.id])
    expect(await ids({ visitId: VISIT })).toEqual([a.id, b.id])
    expect(await ids({ deviceId: 'dvc_a1b2c3d4e5f6' })).toEqual([a.id, standalone.id])
    expect(await ids({ visitId: VISIT, deviceId: 'dvc_0000000000b2' })).toEqual([b.id])
    expect(await ids({ visitId: 'v-20990101000000-000000' })).toEqual([])
  })

  it('keeps the start time, stamps the update and serialises concurrent updates', async () => {
    const store = new RunbookStore(root, now)
    const session = unwrap(await store.create(newSession('dvc_a1b2c3d4e5f6', null)))
    clock += 5_000
    await Promise.all([
      store.update(session.id, (s) => ok({ ...s, steps: s.steps.map((st) => (st.stepId === 'handshake' ? { ...st, outcome: 'done' as const, note: 'Same car fails elsewhere' } : st)) })),
      store.update(session.id, (s) => ok({ ...s, steps: s.steps.map((st) => (st.stepId === 'auth-ok' ? { ...st, outcome: 'done' as const } : st)) })),
    ])
    const reread = unwrap(await new RunbookStore(root).get(session.id))
    expect(reread.steps.map((s) => s.outcome)).toEqual(['done', 'done'])
    expect(reread.steps[0]?.note).toBe('Same car fails elsewhere')
    expect(reread).toMatchObject({ startedAt: '2026-05-01T08:00:00.000Z', updatedAt: '2026-05-01T08:00:05.000Z' })
  })

  it('answers an unknown session with a clear error', async () => {
    const result = await new RunbookStore(root).get('rs-20260101000000-000000')
    expect(result).toMatchObject({ ok: false, error: { kind: 'invalid-input', message: expect.stringContaining('no runbook session') } })
  })

  it('moves damaged, foreign and misnamed files aside, reports them once, and keeps the good sessions', async () => {
    const good = unwrap(await new RunbookStore(root, now).create(newSession('dvc_a1b2c3d4e5f6', null)))
    await writeFile(join(root, 'rs-20260101000000-aaaaaa.json'), '{"formatVersion":1,"session":{"id":"rs-2026', 'utf8')
    await writeFile(join(root, 'rs-20260101000000-bbbbbb.json'), JSON.stringify({ formatVersion: 1, session: { id: 'rs-20260101000000-bbbbbb', steps: 'x' } }), 'utf8')
    await writeFile(join(root, 'rs-20260101000000-cccccc.json'), JSON.stringify({ formatVersion: 1, session: good }), 'utf8')
    await writeFile(join(root, `${good.id}.json.tmp-123456`), 'half', 'utf8')

    const store = new RunbookStore(root, now)
    const [first, second] = await Promise.all([store.list(), store.list()])
    expect(unwrap(first).map((s) => s.id)).toEqual([good.id])
    expect(unwrap(second).map((s) => s.id)).toEqual([good.id])
    const quarantined = await store.takeQuarantined()
    expect(quarantined).toHaveLength(3)
    expect(quarantined.map((q) => q.reason)).toEqual(
      expect.arrayContaining([expect.stringContaining('not valid JSON'), expect.stringContaining('does not hold a runbook session'), expect.stringContaining('name does not match')]),
    )
    expect(quarantined.every((q) => q.movedTo.includes(join(root, 'quarantine')))).toBe(true)
    expect(await store.takeQuarantined()).toEqual([])
    expect((await readdir(join(root, 'quarantine'))).length).toBe(3)
  })

  it('reports a folder it cannot write to as a storage error, and saves nothing', async () => {
    const blocked = join(root, 'blocked')
    await writeFile(blocked, 'a file where the folder should be', 'utf8')
    const result = await new RunbookStore(join(blocked, 'sessions'), now).create(newSession('dvc_a1b2c3d4e5f6', null))
    expect(result).toMatchObject({ ok: false, error: { kind: 'storage' } })
  })
})
