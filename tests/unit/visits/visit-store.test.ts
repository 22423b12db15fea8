/** Visit persistence on real files: create, edit, archive, survive a restart, damaged files moved aside. */
import { readdir, writeFile } from 'node:fs/promises'
import { join } from 'node:path'
import { afterEach, beforeEach, describe, expect, it } from 'vitest'
import { ok } from '@common/errors'
import { VisitStore } from '@main/visits/visit-store'
import { tempRoot, unwrap } from '../../support/common-fixtures'
import { asDeviceId } from '../../support/device-ids'

const INPUT = { name: 'Level -2 car park', site: 'site_001', notes: 'Gate code 4411' }

describe('VisitStore', () => {
  let root: string
  let cleanup: () => Promise<void>
  beforeEach(async () => ({ root, cleanup } = await tempRoot()))
  afterEach(() => cleanup())

  it('creates a visit as one JSON file and lists it after a restart (a new store on the same folder)', async () => {
    const store = new VisitStore(root, () => Date.parse('2026-05-01T07:30:00Z'))
    const visit = unwrap(await store.create(INPUT))
    expect(visit).toMatchObject({ ...INPUT, archived: false, devices: [], createdAt: '2026-05-01T07:30:00.000Z' })
    expect(visit.id).toMatch(/^v-20260501073000-[0-9a-f]{6}$/)
    expect(await readdir(root)).toEqual([`${visit.id}.json`])

    const reopened = new VisitStore(root)
    const list = unwrap(await reopened.list())
    expect(list.quarantined).toEqual([])
    expect(list.visits).toEqual([expect.objectContaining({ id: visit.id, name: INPUT.name, deviceCount: 0, archived: false })])
    expect(unwrap(await reopened.get(visit.id))).toEqual(visit)
  })

  it('saves edits and archiving, and a restart sees them', async () => {
    const store = new VisitStore(root)
    const visit = unwrap(await store.create(INPUT))
    unwrap(await store.update(visit.id, (v) => ok({ ...v, archived: true, notes: 'Done', devices: [{ deviceId: asDeviceId('dvc_a1b2c3d4e5f6'), origin: 'work-order' }] })))
    const reopened = unwrap(await new VisitStore(root).get(visit.id))
    expect(reopened).toMatchObject({ archived: true, notes: 'Done', devices: [{ deviceId: asDeviceId('dvc_a1b2c3d4e5f6'), origin: 'work-order' }] })
  })

  it('serialises concurrent updates: none is lost', async () => {
    const store = new VisitStore(root)
    const visit = unwrap(await store.create(INPUT))
    const ids = Array.from({ length: 12 }, (_, i) => asDeviceId(`dvc_${String(i).padStart(12, '0')}`))
    await Promise.all(ids.map((deviceId) => store.update(visit.id, (v) => ok({ ...v, devices: [...v.devices, { deviceId, origin: 'work-order' as const }] }))))
    const devices = unwrap(await new VisitStore(root).get(visit.id)).devices.map((d) => d.deviceId)
    expect(devices.sort()).toEqual(ids)
  })

  it('moves a damaged or foreign file aside, reports it once, and keeps the good visits', async () => {
    const store = new VisitStore(root)
    const good = unwrap(await store.create(INPUT))
    await writeFile(join(root, 'v-20260101000000-abcdef.json'), '{"formatVersion":1,"visit":{"id":"v-2026', 'utf8')
    await writeFile(join(root, 'v-20260101000000-123456.json'), JSON.stringify({ formatVersion: 1, visit: { id: 'v-20260101000000-123456', name: 5 } }), 'utf8')
    const reopened = new VisitStore(root)
    const list = unwrap(await reopened.list())
    expect(list.visits.map((v) => v.id)).toEqual([good.id])
    expect(list.quarantined).toHaveLength(2)
    expect(list.quarantined.map((q) => q.reason).sort()).toEqual([expect.stringContaining('does not hold a visit'), expect.stringContaining('not valid JSON')].sort())
    expect((await readdir(join(root, 'quarantine'))).length).toBe(2)
    expect(unwrap(await reopened.list()).quarantined).toEqual([])
  })

  it('ignores the temp files an interrupted atomic write leaves', async () => {
    const store = new VisitStore(root)
    const visit = unwrap(await store.create(INPUT))
    await writeFile(join(root, `${visit.id}.json.tmp-0a0b0c0d0e0f`), '{"half', 'utf8')
    const list = unwrap(await new VisitStore(root).list())
    expect(list.visits).toHaveLength(1)
    expect(list.quarantined).toEqual([])
  })

  it('reports a folder it cannot write to as a storage error, and keeps nothing half-written', async () => {
    const folder = join(root, 'visits')
    const store = new VisitStore(folder)
    expect(unwrap(await store.list()).visits).toEqual([])
    // The visits folder's place is taken by a file: the write fails as on a broken profile folder.
    await writeFile(folder, 'not a folder', 'utf8')
    const result = await store.create(INPUT)
    expect(result).toMatchObject({ ok: false, error: { kind: 'storage', message: expect.stringContaining('visit not saved') } })
    expect(unwrap(await store.list()).visits).toEqual([])
  })

  it('says clearly when a visit does not exist', async () => {
    const result = await new VisitStore(root).get('v-20260101000000-000000')
    expect(result).toMatchObject({ ok: false, error: { kind: 'invalid-input', message: expect.stringContaining('There is no visit') } })
  })
})
