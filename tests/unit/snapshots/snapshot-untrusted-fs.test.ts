/**
 * The store does not trust what it finds on disk (issue 12 item 8): it reads only regular files,
 * never follows links, caps what it reads at the size it would write, and reports everything else
 * as quarantined. A FIFO must not hang it; a symlinked device folder must not be read, and
 * retention or deletes must never remove a file outside the store's root.
 */
import { execFileSync } from 'node:child_process'
import { closeSync, constants, openSync } from 'node:fs'
import { mkdir, readdir, rm, symlink, writeFile } from 'node:fs/promises'
import { join } from 'node:path'
import { afterEach, beforeEach, describe, expect, it } from 'vitest'
import { MAX_SNAPSHOT_BYTES } from '@main/snapshots/stored-snapshot'
import { SnapshotStore } from '@main/snapshots/snapshot-store'
import { saveInput } from './support'
import { tempRoot, unwrap } from '../../support/common-fixtures'
import { asDeviceId } from '../../support/device-ids'

let root: string
let outside: string
const cleanups: Array<() => Promise<void>> = []
const fifos: string[] = []
beforeEach(async () => {
  const inside = await tempRoot()
  const other = await tempRoot()
  root = inside.root
  outside = other.root
  cleanups.push(inside.cleanup, other.cleanup)
})
afterEach(async () => {
  // Releases a reader that is stuck opening a FIFO (the behaviour under test when it fails).
  for (const fifo of fifos.splice(0)) {
    try {
      closeSync(openSync(fifo, constants.O_WRONLY | constants.O_NONBLOCK))
    } catch {
      // nobody was waiting on it
    }
  }
  for (const cleanup of cleanups.splice(0)) await cleanup()
})

const deviceDir = (base: string, deviceId: string) => join(base, 'devices', deviceId)
const fileOf = (base: string, id: string) => join(deviceDir(base, id.split('~')[0]!), `${id}.json`)

/** Settles `promise` or fails after `ms`, so a hang shows as a failure instead of a stuck run. */
function within<T>(promise: Promise<T>, ms = 3000): Promise<T> {
  return Promise.race([promise, new Promise<never>((_, reject) => setTimeout(() => reject(new Error(`did not settle within ${ms} ms`)), ms))])
}

describe('SnapshotStore: files it does not trust', () => {
  it('does not read a file named like a snapshot that is larger than a snapshot may be, and reports it', async () => {
    const saved = unwrap(await new SnapshotStore({ root }).save(saveInput('dvc_a', 1)))
    const bigId = 'dvc_a~20250315T120000000Z-00abcdef'
    // A well-formed snapshot, only too big: it would be listed if the size were not checked.
    const big = { ...saved, id: bigId, fetchedAt: '2025-03-15T12:00:00.000Z', data: { device_id: 'dvc_a', padding: 'x'.repeat(MAX_SNAPSHOT_BYTES) } }
    await writeFile(fileOf(root, bigId), JSON.stringify(big))

    const list = unwrap(await new SnapshotStore({ root }).list())
    expect(list.items.map((meta) => meta.id)).toEqual([saved.id])
    expect(list.quarantined).toEqual([expect.objectContaining({ file: fileOf(root, bigId), reason: expect.stringContaining('larger than') })])
    expect(await readdir(join(root, 'quarantine'))).toHaveLength(1)
  })

  it('does not hang on a FIFO named like a snapshot, and reports it', async () => {
    const saved = unwrap(await new SnapshotStore({ root }).save(saveInput('dvc_a', 1)))
    const fifo = fileOf(root, 'dvc_a~20250315T120000000Z-00abcdef')
    execFileSync('mkfifo', [fifo])
    fifos.push(fifo)

    const store = new SnapshotStore({ root })
    const list = unwrap(await within(store.list()))
    expect(list.items.map((meta) => meta.id)).toEqual([saved.id])
    expect(list.quarantined).toEqual([expect.objectContaining({ file: fifo, reason: expect.stringContaining('not a regular file') })])
    // Later calls still answer.
    expect(unwrap(await within(store.save(saveInput('dvc_a', 2)))).deviceId).toBe('dvc_a')
  })

  it('does not follow a snapshot file that is a symlink to a file outside the store', async () => {
    const saved = unwrap(await new SnapshotStore({ root }).save(saveInput('dvc_a', 1)))
    const elsewhere = unwrap(await new SnapshotStore({ root: outside }).save(saveInput('dvc_a', 5)))
    const link = fileOf(root, elsewhere.id)
    await symlink(fileOf(outside, elsewhere.id), link)

    const store = new SnapshotStore({ root })
    const list = unwrap(await store.list())
    expect(list.items.map((meta) => meta.id)).toEqual([saved.id])
    expect(list.quarantined).toEqual([expect.objectContaining({ file: link, reason: expect.stringContaining('not a regular file') })])
    unwrap(await store.deleteAll())
    expect(await readdir(deviceDir(outside, 'dvc_a'))).toContain(`${elsewhere.id}.json`)
  })

  it('does not follow a symlinked device folder, and retention never deletes outside the store', async () => {
    const kept = unwrap(await new SnapshotStore({ root }).save(saveInput('dvc_a', 1)))
    const foreign = new SnapshotStore({ root: outside })
    for (let minute = 0; minute < 3; minute++) unwrap(await foreign.save(saveInput('dvc_b', minute)))
    const outsideFiles = await readdir(deviceDir(outside, 'dvc_b'))
    await symlink(deviceDir(outside, 'dvc_b'), deviceDir(root, 'dvc_b'))

    const store = new SnapshotStore({ root })
    const list = unwrap(await store.list())
    expect(list.items.map((meta) => meta.id)).toEqual([kept.id])
    expect(list.quarantined).toEqual([expect.objectContaining({ file: deviceDir(root, 'dvc_b'), reason: expect.stringContaining('link') })])
    unwrap(await store.setRetention(1))
    unwrap(await store.save(saveInput('dvc_b', 10)))
    unwrap(await store.deleteDevice(asDeviceId('dvc_b')))
    expect((await readdir(deviceDir(outside, 'dvc_b'))).sort()).toEqual(outsideFiles.sort())
  })

  it('never deletes through a device folder that became a link after the store opened', async () => {
    const store = new SnapshotStore({ root, retentionPerDevice: 5 })
    for (let minute = 0; minute < 3; minute++) unwrap(await store.save(saveInput('dvc_b', minute)))
    const foreign = new SnapshotStore({ root: outside })
    for (let minute = 0; minute < 3; minute++) unwrap(await foreign.save(saveInput('dvc_b', minute)))
    // Same ids on both sides, so a delete through the link would hit the outside copies.
    await rm(deviceDir(outside, 'dvc_b'), { recursive: true })
    await mkdir(join(outside, 'devices'), { recursive: true })
    execFileSync('cp', ['-a', deviceDir(root, 'dvc_b'), deviceDir(outside, 'dvc_b')])
    const outsideFiles = (await readdir(deviceDir(outside, 'dvc_b'))).sort()
    await rm(deviceDir(root, 'dvc_b'), { recursive: true })
    await symlink(deviceDir(outside, 'dvc_b'), deviceDir(root, 'dvc_b'))

    await store.setRetention(1)
    expect((await readdir(deviceDir(outside, 'dvc_b'))).sort()).toEqual(outsideFiles)
  })

  it.each(['a link to a page elsewhere', 'a FIFO', 'a file larger than a page may be'])('does not read a first page that is %s (read synchronously on start): the list waits for the full load', async (kind) => {
    const store = new SnapshotStore({ root })
    const saved = unwrap(await store.save(saveInput('dvc_a', 1)))
    await store.flush()
    const page = join(root, 'first-page.txt')
    const forged = unwrap(await new SnapshotStore({ root: outside }).save(saveInput('dvc_z', 9)))
    await new SnapshotStore({ root: outside }).flush()
    await rm(page)
    if (kind === 'a FIFO') {
      execFileSync('mkfifo', [page])
      fifos.push(page)
    } else if (kind === 'a file larger than a page may be') await writeFile(page, 'x'.repeat(2_000_000))
    else await symlink(join(outside, 'first-page.txt'), page)

    const list = await within(new SnapshotStore({ root }).list({ limit: 5 }))
    expect(unwrap(list).items.map((meta) => meta.id)).toEqual([saved.id])
    expect(unwrap(list).items.map((meta) => meta.id)).not.toContain(forged.id)
  })
})
