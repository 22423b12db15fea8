import { readdir } from 'node:fs/promises'
import { afterEach, beforeEach, describe, expect, it } from 'vitest'
import { nodeSnapshotFs, type SnapshotFs } from '@main/snapshots/snapshot-fs'
import { SnapshotPaths } from '@main/snapshots/snapshot-paths'
import { SnapshotStore } from '@main/snapshots/snapshot-store'
import { saveInput } from './support'
import { tempRoot, unwrap } from '../../support/common-fixtures'

let root: string
let cleanup: () => Promise<void>
beforeEach(async () => ({ root, cleanup } = await tempRoot()))
afterEach(() => cleanup())

/** The real fs, recording every call, so a test can prove an attack never reached the disk. */
function recordingFs(): { fs: SnapshotFs; calls: string[] } {
  const calls: string[] = []
  const fs = Object.fromEntries(
    Object.entries(nodeSnapshotFs).map(([name, fn]) => [
      name,
      (...args: unknown[]) => {
        calls.push(`${name}(${args.map(String).join(', ')})`)
        return (fn as (...a: unknown[]) => unknown)(...args)
      },
    ]),
  ) as unknown as SnapshotFs
  return { fs, calls }
}

const HOSTILE_SNAPSHOT_IDS = [
  '../../etc/passwd',
  '/etc/passwd',
  'C:\\Windows\\win.ini',
  '..',
  '.',
  '',
  'dvc_1~20250315T110000000Z-00abcdef/../../../etc/passwd',
  '../dvc_1~20250315T110000000Z-00abcdef',
  'dvc_1~20250315T110000000Z-00abcdef\0',
  'dvc_1\0~20250315T110000000Z-00abcdef',
  'dvc_1~20250315T110000000Z-00abcdef.json',
  ' dvc_1~20250315T110000000Z-00abcdef',
  '..~20250315T110000000Z-00abcdef',
  'dvc_1~20250315T110000000Z-00ABCDEF',
  'x'.repeat(10_000),
]

const HOSTILE_DEVICE_IDS = ['../../etc', '/etc', '..', '.', '', 'dvc\0x', 'dvc/../../x', 'dvc_1/..', '\\\\server\\share', 'a'.repeat(65), '~']

describe('SnapshotStore path containment', () => {
  it('refuses hostile snapshot ids before touching the disk', async () => {
    const { fs, calls } = recordingFs()
    const store = new SnapshotStore({ root, fs })
    for (const id of HOSTILE_SNAPSHOT_IDS) {
      for (const result of [await store.get(id), await store.delete(id)]) {
        expect(result, JSON.stringify(id)).toMatchObject({ ok: false, error: { kind: 'invalid-input' } })
      }
    }
    for (const notAString of [42, null, undefined, { id: 'x' }, ['a']]) {
      expect(await store.get(notAString as unknown as string)).toMatchObject({ ok: false, error: { kind: 'invalid-input' } })
    }
    expect(calls).toEqual([])
  })

  it('refuses a hostile save before touching the disk (the other device-id arguments are checked at the IPC boundary: ipc/device-id-boundary.test.ts)', async () => {
    const { fs, calls } = recordingFs()
    const store = new SnapshotStore({ root, fs })
    for (const deviceId of HOSTILE_DEVICE_IDS) {
      expect(await store.save(saveInput(deviceId)), JSON.stringify(deviceId)).toMatchObject({ ok: false, error: { kind: 'invalid-input' } })
    }
    expect(await store.list({ limit: 0 })).toMatchObject({ ok: false, error: { kind: 'invalid-input' } })
    expect(await store.list({ siteId: 7 as unknown as string })).toMatchObject({ ok: false, error: { kind: 'invalid-input' } })
    expect(calls).toEqual([])
    expect(await readdir(root)).toEqual([])
  })

  it('keeps every file it writes inside the root', async () => {
    const { fs, calls } = recordingFs()
    const store = new SnapshotStore({ root, fs })
    const saved = unwrap(await store.save(saveInput('dvc_a1b2c3d4e5f6')))
    unwrap(await store.get(saved.id))
    unwrap(await store.delete(saved.id))
    unwrap(await store.deleteAll())
    expect(calls.length).toBeGreaterThan(0)
    for (const call of calls) expect(call, call).toContain(root)
  })

  it('SnapshotPaths refuses ids that were not validated', () => {
    const paths = new SnapshotPaths(root)
    expect(() => paths.deviceDir('../x')).toThrow()
    expect(() => paths.snapshotFile('../../etc/passwd')).toThrow()
    expect(paths.snapshotFile('dvc_1~20250315T110000000Z-00abcdef')).toBe(`${root}/devices/dvc_1/dvc_1~20250315T110000000Z-00abcdef.json`)
  })
})
