import { chmod, readdir, readFile, writeFile } from 'node:fs/promises'
import { join } from 'node:path'
import { afterEach, beforeEach, describe, expect, it } from 'vitest'
import { nodeJsonFileFs } from '@main/fs/json-file'
import { DEFAULT_SETTINGS, SettingsStore } from '@main/settings/settings-store'
import { tempRoot } from '../../support/common-fixtures'

let dir: string
let cleanup: () => Promise<void>
beforeEach(async () => ({ root: dir, cleanup } = await tempRoot('tellus-settings-')))
afterEach(async () => {
  await chmod(dir, 0o700).catch(() => undefined)
  await cleanup()
})

describe('SettingsStore', () => {
  it('starts from the defaults and persists a change', async () => {
    const store = new SettingsStore(dir)
    await expect(store.load()).resolves.toEqual(DEFAULT_SETTINGS)
    await expect(store.update({ snapshotRetention: 120 })).resolves.toEqual({ ok: true, value: { snapshotRetention: 120 } })
    expect(JSON.parse(await readFile(join(dir, 'settings.json'), 'utf8'))).toEqual({ snapshotRetention: 120 })
    await expect(new SettingsStore(dir).load()).resolves.toEqual({ snapshotRetention: 120 })
  })

  it.each([
    ['not JSON', '{{{'],
    ['a bad value', '{"snapshotRetention": -4}'],
    ['the wrong type', '[1,2,3]'],
  ])('falls back to defaults when the file holds %s', async (_label, text) => {
    await writeFile(join(dir, 'settings.json'), text)
    await expect(new SettingsStore(dir).load()).resolves.toEqual(DEFAULT_SETTINGS)
  })

  it('keeps the old settings and reports a storage error when the file cannot be written', async () => {
    const store = new SettingsStore(join(dir, 'missing-folder'))
    await store.load()
    const result = await store.update({ snapshotRetention: 7 })
    expect(result).toMatchObject({ ok: false, error: { kind: 'storage', message: expect.stringContaining('settings not saved') } })
    expect(store.get()).toEqual(DEFAULT_SETTINGS)
  })
})

describe('SettingsStore over an injected file system', () => {
  const fsError = (code: string) => Object.assign(new Error(`${code}: simulated`), { code })

  it('a full disk: "The disk is full: settings not saved", the old settings kept', async () => {
    const store = new SettingsStore(dir, { fs: { ...nodeJsonFileFs, rename: () => Promise.reject(fsError('ENOSPC')) } })
    await store.load()
    const result = await store.update({ snapshotRetention: 9 })
    expect(result).toMatchObject({ ok: false, error: { kind: 'storage', message: expect.stringMatching(/^The disk is full: settings not saved/) } })
    expect(store.get()).toEqual(DEFAULT_SETTINGS)
    expect(await readdir(dir)).toEqual([])
  })

  it('an unreadable file means defaults', async () => {
    await writeFile(join(dir, 'settings.json'), '{"snapshotRetention": 120}')
    const store = new SettingsStore(dir, { fs: { ...nodeJsonFileFs, readFile: () => Promise.reject(fsError('EACCES')) } })
    await expect(store.load()).resolves.toEqual(DEFAULT_SETTINGS)
  })

  it('applies concurrent changes one after the other: the last one is in force and on disk', async () => {
    const store = new SettingsStore(dir)
    await store.load()
    const results = await Promise.all([30, 40, 50].map((snapshotRetention) => store.update({ snapshotRetention })))
    expect(results.map((r) => r.ok && r.value.snapshotRetention)).toEqual([30, 40, 50])
    expect(store.get()).toEqual({ snapshotRetention: 50 })
    expect(JSON.parse(await readFile(join(dir, 'settings.json'), 'utf8'))).toEqual({ snapshotRetention: 50 })
  })
})
