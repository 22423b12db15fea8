/**
 * The in-memory index: newest-first order kept in place through saves and deletes (no re-sort),
 * the lazy store-wide merge equal to a full sort, and the catalog's packed form round-tripping
 * through encode and decode, also when a later write needs wider row references.
 */
import { describe, expect, it } from 'vitest'
import type { SnapshotMeta } from '@common/snapshot-types'
import { DeviceEntries } from '@main/snapshots/device-entries'
import { decodeCatalog, encodeCatalog } from '@main/snapshots/snapshot-catalog'
import { SnapshotIndex } from '@main/snapshots/snapshot-index'
import { stampKeyAt } from '@main/snapshots/snapshot-id'
import { newestFirst, plainMeta } from '@main/snapshots/stored-snapshot'

/** A listing entry of `deviceId` at `stamp` (`yyyymmddThhmmssSSSZ`) with firmware `firmware`. */
function meta(deviceId: string, stamp: string, tail: string, firmware: string | null = '2.1.0'): SnapshotMeta {
  const fetchedAt = `${stamp.slice(0, 4)}-${stamp.slice(4, 6)}-${stamp.slice(6, 8)}T${stamp.slice(9, 11)}:${stamp.slice(11, 13)}:${stamp.slice(13, 15)}.${stamp.slice(15, 18)}Z`
  return { id: `${deviceId}~${stamp}-${tail}`, deviceId, fetchedAt, profileId: 'p', profileName: 'P', siteId: null, model: null, status: null, firmwareVersion: firmware }
}

function byDevice(metas: SnapshotMeta[]): Map<string, DeviceEntries> {
  const lists = new Map<string, SnapshotMeta[]>()
  for (const item of [...metas].sort(newestFirst)) lists.set(item.deviceId, [...(lists.get(item.deviceId) ?? []), item])
  return new Map([...lists].map(([deviceId, list]) => [deviceId, DeviceEntries.of(deviceId, list)]))
}

const plain = (items: Iterable<SnapshotMeta>) => [...items].map(plainMeta)

describe('SnapshotIndex keeps newest-first order in place', () => {
  it('matches a full sort after random adds and removes: pages, lazily merged and in full', () => {
    const index = new SnapshotIndex()
    const live = new Map<string, SnapshotMeta>()
    let seed = 7
    const random = (n: number) => ((seed = (seed * 1103515245 + 12345) % 2 ** 31) % n)
    for (let step = 0; step < 2000; step++) {
      const sorted = () => [...live.values()].sort(newestFirst)
      if (step === 1000) expect(plain(index.newest())).toEqual(plain(sorted()))
      if (step % 97 === 0) expect(index.page(25)).toEqual(sorted().slice(0, 25)) // the page, once asked for, is kept in step
      if (step % 331 === 0) expect(index.page(40)).toEqual(sorted().slice(0, 40)) // a longer page than the kept one
      if (step === 1201) {
        index.removeDevice('dvc_5')
        for (const id of [...live.keys()]) if (id.startsWith('dvc_5~')) live.delete(id)
      }
      if (step === 1500) index.all() // from here the full list is kept in step too
      if (live.size > 0 && random(3) === 0) {
        const id = [...live.keys()][random(live.size)]!
        expect(index.remove(id)).toBe(true)
        live.delete(id)
        continue
      }
      const stamp = `2025031${random(3)}T1${random(10)}0000${random(10)}00Z`
      const item = meta(`dvc_${random(12)}`, stamp, `${String(step).padStart(8, '0').slice(-2)}abcdef`)
      if (live.has(item.id)) continue
      index.add(item)
      live.set(item.id, item)
    }
    const expected = [...live.values()].sort(newestFirst)
    expect(index.all()).toEqual(expected)
    expect([...index.newest()]).toEqual(expected)
    expect(index.size).toBe(live.size)
    expect(index.device('dvc_3')).toEqual(expected.filter((item) => item.deviceId === 'dvc_3'))
  })

  it('merges entries of the same millisecond across devices by id, as a full sort does', () => {
    const items = ['dvc_b', 'dvc_a', 'dvc_c'].flatMap((deviceId) => [meta(deviceId, '20250315T110000000Z', '00abcdef'), meta(deviceId, '20250315T105900000Z', '00abcdef')])
    const index = new SnapshotIndex()
    index.reset(byDevice(items))
    expect([...index.newest()]).toEqual([...items].sort(newestFirst))
  })
})

describe('stampKeyAt', () => {
  it('orders stamps as their text does, across years, months, days and milliseconds', () => {
    let seed = 11
    const random = (n: number) => ((seed = (seed * 1103515245 + 12345) % 2 ** 31) % n)
    const pad = (value: number, width: number) => String(value).padStart(width, '0')
    const stamps = Array.from({ length: 400 }, () => `${pad(random(3) ? 2020 + random(10) : random(10_000), 4)}${pad(1 + random(12), 2)}${pad(1 + random(31), 2)}T${pad(random(24), 2)}${pad(random(60), 2)}${pad(random(60), 2)}${pad(random(1000), 3)}Z`)
    stamps.push('99991231T235959999Z', '00000101T000000000Z', '20251231T235959999Z', '20260101T000000000Z')
    const byText = [...stamps].sort()
    const byKey = [...stamps].sort((a, b) => stampKeyAt(a, 0) - stampKeyAt(b, 0))
    expect(byKey).toEqual(byText)
    expect(new Set(stamps.map((stamp) => stampKeyAt(stamp, 0))).size).toBe(new Set(stamps).size)
    expect(Number.isSafeInteger(stampKeyAt('99991231T235959999Z', 0))).toBe(true)
  })
})

describe('catalog format', () => {
  const fleet = (rows: number, devices: string[]) =>
    devices.flatMap((deviceId, d) => Array.from({ length: rows }, (_, r) => meta(deviceId, `2025031${d}T1${r % 10}${String(r).padStart(2, '0')}00000Z`, '00abcdef', `fw-${r}`)))

  it('round-trips packed devices, and re-packs them when a write needs wider row references', () => {
    const first = fleet(30, ['dvc_a', 'dvc_b']) // 30 distinct rows: one base-36 digit each
    const decoded = decodeCatalog(Buffer.from(encodeCatalog(byDevice(first).values(), new Map(), 0)))!
    expect(decoded).not.toBeNull()
    const index = new SnapshotIndex()
    index.reset(decoded.byDevice)
    expect(plain(index.newest())).toEqual(plain([...first].sort(newestFirst)))
    expect(index.size).toBe(60)
    const page = plain(index.page(5))
    expect(index.remove(page[1]!.id)).toBe(true) // the page holds its own copies of packed entries
    expect(plain(index.page(5))).toEqual([page[0], ...plain([...first].sort(newestFirst)).slice(2, 6)])
    first.splice(first.findIndex((item) => item.id === page[1]!.id), 1)

    const added = fleet(40, ['dvc_c']).map((item) => ({ ...item, firmwareVersion: `new-${item.firmwareVersion}` })) // 40 new rows
    for (const item of added) index.add(item)
    expect([...index.devices()].filter((entries) => entries.packedForm() !== null)).toHaveLength(1) // the device nothing touched is still packed
    const text = encodeCatalog(index.devices(), new Map(), 0)
    expect(text).toMatch(/^tellus-snapshot-catalog 2 2 /)
    const again = new SnapshotIndex()
    again.reset(decodeCatalog(Buffer.from(text))!.byDevice)
    expect(plain(again.all())).toEqual(plain([...first, ...added].sort(newestFirst)))
  })

  it('records a folder time only when the folder changed well before the write', () => {
    const items = fleet(2, ['dvc_a', 'dvc_b'])
    const now = 1_764_670_000_000.123
    const text = encodeCatalog(byDevice(items).values(), new Map([['dvc_a', now - 5_000.000_1], ['dvc_b', now - 1.5]]), now)
    expect(decodeCatalog(Buffer.from(text))!.folderTimes).toEqual(new Map([['dvc_a', now - 5_000.000_1]]))
  })
})
