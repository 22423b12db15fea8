/**
 * Issue 12 item 11: package the built app with electron-builder against a stand-in Electron folder
 * and list what `app.asar` holds: the main, preload and renderer bundles and resources; keytar's
 * native module unpacked beside it; runtime dependencies only; no tests, sources, maps, dev
 * dependencies or keytar's install-time helpers. Needs `electron-vite build` first (npm test does it).
 */
import { existsSync } from 'node:fs'
import { join, resolve } from 'node:path'
import { listPackage } from '@electron/asar'
import { afterAll, beforeAll, describe, expect, it } from 'vitest'
// @ts-expect-error -- plain ESM config file without type declarations
import { dependencyClosures } from '../../electron-builder.config.mjs'
import { packageWithStandIn, type StandInPackage } from '../../scripts/packaging/stand-in-package'
import { tempRoot } from '../support/common-fixtures'

const ROOT = resolve(import.meta.dirname, '../..')
let workDir: string
let removeWorkDir: (() => Promise<void>) | undefined
let packaged: StandInPackage
let entries: string[]

beforeAll(async () => {
  if (!existsSync(join(ROOT, 'out/main/index.js'))) throw new Error('Build first: npx electron-vite build')
  ;({ root: workDir, cleanup: removeWorkDir } = await tempRoot('tellus-package-test-'))
  packaged = await packageWithStandIn(workDir)
  entries = listPackage(packaged.appAsar, { isPack: false }).map((entry) => entry.replaceAll('\\', '/'))
}, 180_000)

afterAll(async () => {
  await removeWorkDir?.()
})

const packagesIn = (list: string[]) => [...new Set(list.map((entry) => /^\/node_modules\/((?:@[^/]+\/)?[^/]+)/.exec(entry)?.[1]).filter((name): name is string => !!name))].sort()

describe('the packaged app.asar', () => {
  it('holds the main, preload and renderer bundles, package.json and the resources', () => {
    for (const entry of ['/package.json', '/out/main/index.js', '/out/preload/index.cjs', '/out/renderer/index.html', '/resources/icon.png', '/resources/data/fault-dictionary.json', '/resources/data/firmware-catalogue.json']) {
      expect(entries).toContain(entry)
    }
    expect(entries.some((entry) => /^\/out\/renderer\/assets\/index-[^/]+\.js$/.test(entry))).toBe(true)
  })

  it("unpacks keytar's native module beside the asar", () => {
    expect(existsSync(join(packaged.unpackedDir, 'node_modules/keytar/build/Release/keytar.node'))).toBe(true)
  })

  it("carries exactly the runtime dependencies, without keytar's install-time helpers", () => {
    const { runtime } = dependencyClosures() as { runtime: string[] }
    expect(packagesIn(entries)).toEqual(runtime)
  })

  it('carries no tests, TypeScript sources, source maps or dev tooling', () => {
    const unwanted = entries.filter((entry) => /^\/(tests|electron|renderer|scripts|tools|src)\//.test(entry) || /\.(map|[mc]?tsx?)$/.test(entry) || /\/(vitest|vite|electron-builder|playwright-core|typescript|react)\//.test(entry))
    expect(unwanted).toEqual([])
  })
})
