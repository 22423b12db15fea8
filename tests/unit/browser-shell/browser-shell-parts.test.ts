/** The browser shell behaves like the app: exports into a folder, a fresh renderer, secrets where the app keeps them. */
import { mkdir, utimes, writeFile } from 'node:fs/promises'
import { join } from 'node:path'
import { afterEach, describe, expect, it } from 'vitest'
import { MemorySecretStore } from '@main/credentials/memory-secret-store'
import { chooseSecretStore } from '../../../scripts/browser-shell/choose-secret-store'
import { defaultExportDir, saveIntoFolder } from '../../../scripts/browser-shell/export-folder'
import { rendererNeedsBuild } from '../../../scripts/browser-shell/renderer-freshness'
import { tempRoot } from '../../support/common-fixtures'

const cleanups: Array<() => Promise<void>> = []
async function tempDir(): Promise<string> {
  const { root, cleanup } = await tempRoot('tellus-shell-parts-')
  cleanups.push(cleanup)
  return root
}
afterEach(async () => {
  await Promise.all(cleanups.splice(0).map((cleanup) => cleanup()))
})

describe('saveIntoFolder', () => {
  it('saves under the suggested name in a folder it creates, never over an existing file', async () => {
    const dir = join(await tempDir(), 'exports')
    const choose = saveIntoFolder(dir)
    const first = await choose('dvc_a1b2c3d4e5f6-20260315T0900Z.html', [])
    expect(first).toBe(join(dir, 'dvc_a1b2c3d4e5f6-20260315T0900Z.html'))
    await writeFile(first!, 'x')
    expect(await choose('dvc_a1b2c3d4e5f6-20260315T0900Z.html', [])).toBe(join(dir, 'dvc_a1b2c3d4e5f6-20260315T0900Z (2).html'))
  })

  it('keeps a suggested name inside the folder', async () => {
    const dir = await tempDir()
    expect(await saveIntoFolder(dir)('../../etc/passwd', [])).toBe(join(dir, 'passwd'))
  })

  it('defaults to <userData>/exports', () => {
    expect(defaultExportDir('/home/tech/.config/Tellus Field')).toBe('/home/tech/.config/Tellus Field/exports')
  })
})

describe('rendererNeedsBuild', () => {
  async function project(builtAt: number | null, sourceAt: number): Promise<string> {
    const root = await tempDir()
    await mkdir(join(root, 'renderer/src'), { recursive: true })
    const source = join(root, 'renderer/src/app.tsx')
    await writeFile(source, 'x')
    await utimes(source, sourceAt / 1000, sourceAt / 1000)
    if (builtAt !== null) {
      await mkdir(join(root, 'out/renderer'), { recursive: true })
      const built = join(root, 'out/renderer/index.html')
      await writeFile(built, 'x')
      await utimes(built, builtAt / 1000, builtAt / 1000)
    }
    return root
  }
  const t = Date.parse('2026-05-01T10:00:00Z')

  it.each([
    ['no build', null, t, true],
    ['a source newer than the build', t, t + 60_000, true],
    ['a build newer than every source', t + 60_000, t, false],
  ] as const)('%s → %s', async (_name, builtAt, sourceAt, expected) => {
    expect(await rendererNeedsBuild(await project(builtAt, sourceAt), ['renderer', 'missing-file.ts'])).toBe(expected)
  })
})

describe('chooseSecretStore', () => {
  it('uses the keychain when its probe succeeds', async () => {
    const keychain = new MemorySecretStore()
    const chosen = await chooseSecretStore(keychain)
    expect(chosen.kind).toBe('keychain')
    expect(chosen.store).toBe(keychain)
  })

  it.each([
    ['no Secret Service', new MemorySecretStore({ mode: 'unavailable' })],
    ['in-memory secrets asked for', null],
  ])('%s: an in-memory store that reports itself session-only', async (_name, keychain) => {
    const chosen = await chooseSecretStore(keychain)
    expect(chosen.kind).toBe('session')
    expect(chosen.reason).toBeTruthy()
    expect(await chosen.store.probe()).toEqual({ available: true, sessionOnly: true })
  })
})
