import { chmod, mkdtemp, readFile, rm, writeFile } from 'node:fs/promises'
import { tmpdir } from 'node:os'
import { join } from 'node:path'
import { afterEach, beforeEach, describe, expect, it } from 'vitest'
import { DEFAULT_SETTINGS, SettingsStore } from '@main/settings/settings-store'

let dir: string
beforeEach(async () => {
  dir = await mkdtemp(join(tmpdir(), 'tellus-settings-'))
})
afterEach(async () => {
  await chmod(dir, 0o700).catch(() => undefined)
  await rm(dir, { recursive: true, force: true })
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
