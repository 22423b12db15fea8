import { readFile } from 'node:fs/promises'
import { join } from 'node:path'
import { afterEach, beforeEach, describe, expect, it } from 'vitest'
import { SnapshotExporter, suggestedFileName } from '@main/services/snapshot-exporter'
import { SnapshotStore } from '@main/snapshots/snapshot-store'
import type { Snapshot } from '@common/snapshot-types'
import { tempRoot } from '../../support/common-fixtures'

let dir: string
let cleanup: () => Promise<void>
let store: SnapshotStore
const device = (temperature: number) => ({
  device_id: 'dvc_2d7f0e9b4c61',
  model: 'AC-7kW-V2',
  status: 'online',
  last_heartbeat: '2026-11-23T10:00:00Z',
  connectors: [{ connector_id: 1, status: 'charging', temperature, power: 3.7, voltage: 232, current: 16, last_telemetry_time: '2026-11-23T10:00:00Z' }],
})
const save = async (fetchedAt: string, temperature: number) => {
  const saved = await store.save({ deviceId: 'dvc_2d7f0e9b4c61', fetchedAt, profileId: 'demo', profileName: 'Demo fleet', baseUrl: 'http://127.0.0.1:1/v1', data: device(temperature) })
  if (!saved.ok) throw new Error(saved.error.message)
  return saved.value
}

beforeEach(async () => {
  ;({ root: dir, cleanup } = await tempRoot('tellus-export-'))
  store = new SnapshotStore({ root: join(dir, 'snapshots') })
})
afterEach(() => cleanup())

function exporter(chosen: string | null) {
  const asked: string[] = []
  const instance = new SnapshotExporter({
    snapshots: store,
    chooseSavePath: async (name) => {
      asked.push(name)
      return chosen
    },
    appVersion: () => '9.9.9',
    now: () => Date.parse('2026-11-23T12:00:00Z'),
  })
  return { instance, asked }
}

describe('SnapshotExporter', () => {
  it('writes an HTML report with findings judged at fetch time', async () => {
    const snapshot = await save('2026-11-23T10:00:05Z', 71)
    const path = join(dir, 'report.html')
    const { instance, asked } = exporter(path)
    await expect(instance.export({ ids: [snapshot.id], format: 'html' })).resolves.toEqual({ ok: true, value: { saved: true, path } })
    expect(asked).toEqual(['dvc_2d7f0e9b4c61-2026-11-23T1000Z.html'])
    const html = await readFile(path, 'utf8')
    expect(html).toContain('71')
    expect(html).toContain('65 °C warning level')
    expect(html).not.toMatch(/<script/i)
  })

  it('writes a JSON comparison, older first, whatever order the ids come in', async () => {
    const older = await save('2026-11-23T10:00:05Z', 40)
    const newer = await save('2026-11-23T10:06:05Z', 44)
    const path = join(dir, 'compare.json')
    const { instance, asked } = exporter(path)
    await instance.export({ ids: [newer.id, older.id], format: 'json' })
    expect(asked[0]).toBe('dvc_2d7f0e9b4c61-compare-2026-11-23T1000Z-2026-11-23T1006Z.json')
    const document = JSON.parse(await readFile(path, 'utf8')) as { appVersion: string; snapshots: Snapshot[]; comparison: unknown }
    expect(document.appVersion).toBe('9.9.9')
    expect(document.snapshots.map((s) => s.id)).toEqual([older.id, newer.id])
    expect(document.comparison).toBeTruthy()
  })

  it('saves nothing when the technician cancels the dialog', async () => {
    const snapshot = await save('2026-11-23T10:00:05Z', 40)
    await expect(exporter(null).instance.export({ ids: [snapshot.id], format: 'json' })).resolves.toEqual({ ok: true, value: { saved: false } })
  })

  it('reports a storage error when the chosen folder cannot be written', async () => {
    const snapshot = await save('2026-11-23T10:00:05Z', 40)
    const result = await exporter(join(dir, 'no-such-folder', 'x.json')).instance.export({ ids: [snapshot.id], format: 'json' })
    expect(result).toMatchObject({ ok: false, error: { kind: 'storage', message: expect.stringContaining('export not saved') } })
  })

  it('reports a missing snapshot instead of asking where to save', async () => {
    const { instance, asked } = exporter(join(dir, 'x.json'))
    const result = await instance.export({ ids: ['dvc_2d7f0e9b4c61~20261123T100005000Z-00abcdef'], format: 'json' })
    expect(result.ok).toBe(false)
    expect(asked).toEqual([])
  })

  it('names files after the device and the fetch times', () => {
    const at = (fetchedAt: string) => ({ deviceId: 'dvc_1', fetchedAt }) as Snapshot
    expect(suggestedFileName([at('2026-01-02T03:04:05.678Z')], 'html')).toBe('dvc_1-2026-01-02T0304Z.html')
  })
})
