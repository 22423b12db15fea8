/**
 * A real full disk (optional): set TELLUS_SMALL_FS_DIR to a folder on a tiny file system, e.g.
 *   mkdir -p /tmp/tinyfs && mount -t tmpfs -o size=64k tmpfs /tmp/tinyfs
 *   TELLUS_SMALL_FS_DIR=/tmp/tinyfs npx vitest run --project unit tests/unit/snapshots/snapshot-disk-full.test.ts
 * Skipped otherwise; the injected-ENOSPC tests in snapshot-faults.test.ts always run.
 */
import { mkdtemp, readdir, rm } from 'node:fs/promises'
import { join } from 'node:path'
import { describe, expect, it } from 'vitest'
import { isTempFile } from '@main/fs/atomic-write'
import { SnapshotStore } from '@main/snapshots/snapshot-store'
import { devicePayload, saveInput } from './support'
import { unwrap } from '../../support/common-fixtures'
import { asDeviceId } from '../../support/device-ids'

const smallFs = process.env.TELLUS_SMALL_FS_DIR

describe.skipIf(!smallFs)('SnapshotStore on a really full disk', () => {
  it('reports "disk is full", keeps what it had, and saves again once space is freed', async () => {
    const root = await mkdtemp(join(smallFs!, 'snapshots-'))
    try {
      const store = new SnapshotStore({ root })
      const big = devicePayload('dvc_a', { padding: 'x'.repeat(12 * 1024) })
      let failure: unknown = null
      for (let minute = 0; minute < 100 && !failure; minute++) {
        const result = await store.save(saveInput(minute % 2 ? 'dvc_a' : 'dvc_b', minute, big))
        if (!result.ok) failure = result.error
      }
      expect(failure).toMatchObject({ kind: 'storage', message: expect.stringContaining('The disk is full: snapshot not saved') })

      const fresh = new SnapshotStore({ root })
      const list = unwrap(await fresh.list())
      expect(list.items.length).toBeGreaterThan(0)
      expect(list.quarantined).toEqual([])
      for (const meta of list.items) unwrap(await fresh.get(meta.id))
      const names = await readdir(root, { recursive: true })
      expect(names.filter((name) => isTempFile(name))).toEqual([])

      unwrap(await store.deleteDevice(asDeviceId('dvc_b')))
      unwrap(await store.save(saveInput('dvc_a', 500, devicePayload('dvc_a'))))
    } finally {
      await rm(root, { recursive: true, force: true })
    }
  })
})
